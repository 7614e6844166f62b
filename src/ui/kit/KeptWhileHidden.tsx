import { Activity, useState, type ReactNode } from 'react';

/**
 * Shows `render(props)` while `props` is non-null; while it is null, keeps the last shown content mounted
 * but hidden (React's `<Activity mode="hidden">`: `display: none`, its effects cleaned up) instead of
 * unmounting it. Pressing Train empties a panel for the length of a run: unmounting its few hundred
 * elements cost the click's task ~30 ms at 4× CPU throttling (what pruning forgets: 367 elements), and
 * building them again cost the run's end as much; kept, the click hides them and the run's end updates
 * them in place. `props` must keep its identity while its content is unchanged (memoize it).
 */
export function KeptWhileHidden<P extends object>({
  props,
  render,
}: {
  props: P | null;
  render: (props: P) => ReactNode;
}) {
  // The newest non-null props (React's "information from previous renders" pattern: set during render).
  const [kept, setKept] = useState<P | null>(props);
  if (props !== null && props !== kept) setKept(props);
  const shown = props ?? kept;
  if (!shown) return null;
  return <Activity mode={props ? 'visible' : 'hidden'}>{render(shown)}</Activity>;
}
