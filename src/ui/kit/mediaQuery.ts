import { useSyncExternalStore } from 'react';

/**
 * An external store that follows one CSS media query. One MediaQueryList per query for the page, read
 * once: its value then follows its 'change' events only. Reading `.matches` on the list that carries the
 * listener is not safe: Chromium re-evaluates the query on that read, and the change notification already
 * queued for the next frame then finds nothing changed and is never dispatched (seen in CI: a render
 * between the OS change and the frame swallowed it).
 */
export function mediaStore(query: string) {
  let list: MediaQueryList | null = null;
  let current = false;
  const listeners = new Set<() => void>();
  const open = () => {
    if (list || typeof matchMedia !== 'function') return;
    list = matchMedia(query);
    current = list.matches;
    list.addEventListener('change', (e) => {
      current = e.matches;
      for (const l of listeners) l();
    });
  };
  return {
    subscribe(onChange: () => void): () => void {
      open();
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    snapshot: () => (open(), current),
  };
}

/** A hook over a media store (false on the server and before the first read). */
export const useMedia = (store: ReturnType<typeof mediaStore>) =>
  useSyncExternalStore(store.subscribe, store.snapshot, () => false);
