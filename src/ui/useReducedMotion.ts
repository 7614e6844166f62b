import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

// One MediaQueryList for the page: `matchMedia` builds a new one per call, and the snapshot is read on
// every render of every component that uses this (a slider move renders several).
let list: MediaQueryList | null = null;
const query = () => (list ??= typeof matchMedia === 'function' ? matchMedia(QUERY) : null);

function subscribe(onChange: () => void): () => void {
  const mq = query();
  mq?.addEventListener('change', onChange);
  return () => mq?.removeEventListener('change', onChange);
}

const snapshot = () => query()?.matches ?? false;

/** True while the user asks for reduced motion (follows changes of the OS setting live). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
