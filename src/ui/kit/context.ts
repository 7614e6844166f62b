import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Controller } from '../../state/controller';
import type { AppState } from '../../state/store';
import { translator, type Translator } from '../../i18n/catalogue';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('ControllerContext is missing');
  return c;
}

/** Subscribes to one slice of the app state; re-renders only when that slice changes identity. */
export function useAppState<T>(select: (s: AppState) => T): T {
  const { store } = useController();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** The translator of the page's language (re-renders when the language changes). */
export function useT(): Translator {
  return translator(useAppState((s) => s.flags.locale));
}
