import { memo, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { dequeue, enqueue } from './taskQueue';

/**
 * Staggered charts. A store update that reaches several charts at once (Train pressed: every chart
 * clears; a run's end: the scoring, the sweep) re-rendered them all in one task — recharts mounts and
 * lays out each chart synchronously, so on a slow laptop (4× CPU throttling) that one task blocked the
 * page for 250–370 ms. A component wrapped by `staggered` shows its new props in a task of its own,
 * one chart per task, in the order the updates came: the page answers input between charts. A chart
 * lags its props by at most a few tasks (milliseconds); everything else (numbers, the slider's
 * heatmaps) updates in the input's frame as before.
 */

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
    return () => dequeue(job);
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
