import { memo, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';

/**
 * Staggered charts. A store update that reaches several charts at once (Train pressed: every chart
 * clears; a run's end: the scoring, the sweep) re-rendered them all in one task — recharts mounts and
 * lays out each chart synchronously, so on a slow laptop (4× CPU throttling) that one task blocked the
 * page for 250–370 ms. A component wrapped by `staggered` shows its new props in a task of its own,
 * one chart per task, in the order the updates came: the page answers input between charts. A chart
 * lags its props by at most a few tasks (milliseconds); everything else (numbers, the slider's
 * heatmaps) updates in the input's frame as before.
 */

type Job = () => void;
/** Pending updates, oldest first (a Set keeps insertion order; a chart's newer props replace its job). */
const jobs = new Set<Job>();
let pumping = false;

/** Runs the oldest job, then yields to the browser (input, paint) before the next one. */
function pump() {
  const [job] = jobs;
  if (job) {
    jobs.delete(job);
    job();
  }
  if (jobs.size) post();
  else pumping = false;
}

let channel: MessageChannel | null = null;
/** A task without setTimeout's clamping (nested timeouts wait ≥ 4 ms each). */
function post() {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(pump);
    return;
  }
  channel ??= new MessageChannel();
  channel.port1.onmessage = pump;
  channel.port2.postMessage(null);
}

function enqueue(job: Job) {
  jobs.add(job);
  if (!pumping) {
    pumping = true;
    post();
  }
}

/** How many chart updates wait (the test API: the page is quiet when none does). */
export const pendingStaggered = () => jobs.size;

const shallowEqual = (a: object, b: object) => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

/** `props` as last shown; a change is shown in a task of its own (see above). */
function useStaggeredProps<P extends object>(props: P): P {
  const [shown, setShown] = useState(props);
  const latest = useRef(props);
  latest.current = props;
  const changed = !shallowEqual(props, shown);
  useEffect(() => {
    if (!changed) return;
    const job = () => flushSync(() => setShown(latest.current));
    enqueue(job);
    return () => {
      jobs.delete(job);
    };
  });
  return shown;
}

/**
 * `Inner` rendered with its props staggered: the wrapper re-renders with every new props (cheaply) and
 * hands `Inner` the same element until its own task comes, so React skips `Inner`'s subtree meanwhile.
 */
export function staggered<P extends object>(Inner: ComponentType<P>, name = Inner.displayName ?? Inner.name) {
  function Staggered(props: P) {
    const shown = useStaggeredProps(props);
    return useMemo(() => <Inner {...shown} />, [shown]);
  }
  Staggered.displayName = `Staggered(${name})`;
  return memo(Staggered);
}
