import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
} from 'react';

/**
 * Staggered charts. A store update that reaches several charts at once (Train pressed: every chart
 * clears; a run's end: the scoring, the sweep) re-rendered them all in one task — recharts mounts and
 * lays out each chart synchronously, so on a slow laptop (4× CPU throttling) that one task blocked the
 * page for 250–370 ms. A component wrapped by `staggered` shows its new props later, one chart at a
 * time, in the order the updates came, each rendered as a transition (React renders it in slices and
 * yields to input between them; only its commit is one piece): the page answers input meanwhile. A chart
 * lags its props by a few tasks; everything else (numbers, the slider's heatmaps) updates in the input's
 * frame as before.
 */

type Job = () => void;
/** Pending updates, oldest first (a Set keeps insertion order; a chart's newer props replace its job). */
const jobs = new Set<Job>();
let pumping = false;
/** The update whose chart React is rendering (a transition, in slices), until it is committed. */
let inflight: Job | null = null;
let watchdog: ReturnType<typeof setTimeout> | undefined;
/** After this long without a commit (an interrupted or abandoned render), the next chart goes on anyway. */
const COMMIT_WAIT_MS = 1000;

/**
 * Starts the oldest update as a transition: React renders that chart in slices of a few milliseconds,
 * yielding to input and paint between them, and commits it; the next chart starts after that commit.
 */
function pump() {
  const [job] = jobs;
  if (!job) {
    pumping = false;
    return;
  }
  jobs.delete(job);
  inflight = job;
  clearTimeout(watchdog);
  watchdog = setTimeout(() => committed(job), COMMIT_WAIT_MS);
  job();
}

/** `job`'s chart has committed (or was unmounted): the next one may start, in a task of its own. */
function committed(job: Job) {
  if (inflight !== job) return;
  inflight = null;
  clearTimeout(watchdog);
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

/** How many chart updates wait or render (the test API: the page is quiet when none does). */
export const pendingStaggered = () => jobs.size + (inflight ? 1 : 0);

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
  const mine = useRef<Job | null>(null);
  const changed = !shallowEqual(props, shown);
  useEffect(() => {
    if (!changed) return;
    const job = () => startTransition(() => setShown(latest.current));
    mine.current = job;
    enqueue(job);
    return () => {
      jobs.delete(job);
    };
  });
  // Committed: the next chart's turn (also when this one goes away mid-render).
  useLayoutEffect(() => {
    if (mine.current) committed(mine.current);
  }, [shown]);
  useLayoutEffect(
    () => () => {
      if (mine.current) committed(mine.current);
    },
    [],
  );
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
