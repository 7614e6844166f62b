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

/** What a component reads the app state through: the store itself, or a lagged view of it (lagged.tsx). */
export interface StateSource<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}
/** The state source of the components below, when not the store itself (a `Lagged` panel). */
export const StateSourceContext = createContext<StateSource<AppState> | null>(null);

/** Subscribes to one slice of the app state; re-renders only when that slice changes identity. */
export function useAppState<T>(select: (s: AppState) => T): T {
  const { store } = useController();
  const source = useContext(StateSourceContext) ?? store;
  return useSyncExternalStore(source.subscribe, () => select(source.getState()));
}

/**
 * One slice of the store itself, also inside a `Lagged` panel: for what follows the slider in the
 * input's own frame (the slider's marker on the accuracy-vs-sparsity chart).
 */
export function useLiveAppState<T>(select: (s: AppState) => T): T {
  const { store } = useController();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

/** The translator of the page's language (re-renders when the language changes). */
export function useT(): Translator {
  return translator(useAppState((s) => s.flags.locale));
}
