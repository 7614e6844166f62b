import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

// One MediaQueryList for the page, read once: its value then follows its 'change' events only.
// Reading `.matches` on the list that carries the listener is not safe: Chromium re-evaluates the query
// on that read, and the change notification already queued for the next frame then finds nothing
// changed and is never dispatched (seen in CI: a render between the OS change and the frame swallowed it).
let list: MediaQueryList | null = null;
let current = false;
const listeners = new Set<() => void>();

function query(): MediaQueryList | null {
  if (list || typeof matchMedia !== 'function') return list;
  list = matchMedia(QUERY);
  current = list.matches;
  list.addEventListener('change', (e) => {
    current = e.matches;
    for (const l of listeners) l();
  });
  return list;
}

function subscribe(onChange: () => void): () => void {
  query();
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

const snapshot = () => (query(), current);

/** The external store behind the hook (exported for its unit test). */
export const reducedMotionStore = { subscribe, snapshot };

/** True while the user asks for reduced motion (follows changes of the OS setting live). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
