/**
 * Component tests' helper (test support only; no production code imports it): renders a component in
 * the lab's context — a store holding an `AppState` and a fake controller whose methods record their
 * calls and do nothing — on the DOM emulation of the `components` Vitest project (happy-dom).
 */
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, vi, type Mock } from 'vitest';
import type { Controller } from '../../state/controllerApi';
import { initialState, Store, type AppState } from '../../state/store';
import { ControllerContext } from './context';
import { pendingViews } from './taskQueue';

afterEach(cleanup);

/** happy-dom has no popover API: enough of it for `useFloating` (show, hide, `:popover-open`). */
const shown = new WeakSet<Element>();
if (!('showPopover' in HTMLElement.prototype)) {
  Object.assign(HTMLElement.prototype, {
    showPopover(this: HTMLElement) {
      shown.add(this);
    },
    hidePopover(this: HTMLElement) {
      shown.delete(this);
    },
  });
  const matches = Element.prototype.matches;
  Object.assign(Element.prototype, {
    matches(this: Element, selector: string) {
      return selector === ':popover-open' ? shown.has(this) : matches.call(this, selector);
    },
  });
}

export interface LabRender extends RenderResult {
  store: Store<AppState>;
  controller: Controller;
  /** The recorded calls of a controller method (a `vi.fn`, made on first use; not for one `controller` gives). */
  calls(method: keyof Controller): Mock;
  /** Changes the state as a controller would: the component re-renders from the store. */
  update(change: (s: AppState) => AppState): void;
}

/**
 * Renders `ui` with a store (the initial state, English, changed by `state`) and a fake controller: any
 * method is a `vi.fn()` unless `controller` gives it; `calls(name)` is its record.
 */
export function renderWithLab(
  ui: ReactElement,
  { state, controller = {} }: { state?: (s: AppState) => AppState; controller?: Partial<Controller> } = {},
): LabRender {
  const store = new Store(state ? state(initialState()) : initialState());
  const mocks = new Map<string, Mock>();
  const calls = (method: string) => {
    if (!mocks.has(method)) mocks.set(method, vi.fn());
    return mocks.get(method)!;
  };
  const given: Record<string, unknown> = { ...controller, store };
  const method = (target: Record<string, unknown>, key: string | symbol) =>
    key in target ? target[key as string] : typeof key === 'string' && key !== 'then' ? calls(key) : undefined;
  const fake = new Proxy(given, { get: method }) as unknown as Controller;
  // A wrapper, not a parent: `rerender` keeps the context.
  const result = render(ui, {
    wrapper: ({ children }) => <ControllerContext.Provider value={fake}>{children}</ControllerContext.Provider>,
  });
  return { ...result, store, controller: fake, calls, update: (change) => act(() => store.setState(change)) };
}

/** Lets the browser run one queued task (each deferred view update waits for a task of its own). */
export const nextTask = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

/** Lets the staggered charts and lagged panels show the store's newest state. */
export async function settleViews(): Promise<void> {
  for (let k = 0; k < 20 && pendingViews() > 0; k++) await nextTask();
}
