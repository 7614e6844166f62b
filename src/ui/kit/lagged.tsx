import { useMemo, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { AppState } from '../../state/store';
import { StateSourceContext, useController, type StateSource } from './context';
import { dequeue, enqueue, holdUntilRest, releaseHeld } from './taskQueue';

/**
 * While the user changes a form field, lagged views follow the store at once: a controlled field must
 * show its new value in the same render, or React would put the old one back (and the caret with it).
 * A capture listener marks the task of such an event (a checkbox's or a radio's click included: React
 * reads their change from it); the mark lasts until the task is over. The pruning slider (a range input,
 * in live panels only) is the exception: while it moves, lagged views hold their updates until it has
 * rested SLIDER_REST_MS, so a move renders only what follows it live (heatmaps, numbers, the marker).
 */
const FIELD_EVENTS = [
  'input',
  'change',
  'beforeinput',
  'keydown',
  'keyup',
  'keypress',
  'paste',
  'cut',
  'drop',
  'click',
];
export const SLIDER_REST_MS = 150;
let typing = false;
let sliding = 0;
const isFieldEvent = (e: Event) => {
  const el = e.target;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return e.type !== 'click' || el.type === 'checkbox' || el.type === 'radio';
};
const isSlider = (e: Event) => e.target instanceof HTMLInputElement && e.target.type === 'range';
if (typeof window !== 'undefined')
  for (const type of FIELD_EVENTS)
    window.addEventListener(
      type,
      (e) => {
        if (isSlider(e)) {
          clearTimeout(sliding);
          sliding = window.setTimeout(() => {
            sliding = 0;
            releaseHeld();
          }, SLIDER_REST_MS);
          return;
        }
        if (typing || !isFieldEvent(e)) return;
        typing = true;
        setTimeout(() => (typing = false));
      },
      { capture: true, passive: true },
    );

/**
 * A view of a store that shows each change a task later, in a task of its own (the queue the staggered
 * charts use). A store update that reaches many panels at once — Train pressed, a run's end, a network
 * opened — re-rendered all of them in one task (React renders an external store's update
 * synchronously): 100–170 ms on a 4× slower CPU. Behind lagged views, the panels re-render one per
 * task and the page answers input between them. Updates made while the user changes a form field are
 * shown at once (see FIELD_EVENTS).
 */
export class LaggedView<S> implements StateSource<S> {
  private listeners = new Set<() => void>();
  private shown: S;
  private unsubscribe: (() => void) | null = null;
  constructor(private source: StateSource<S>) {
    this.shown = source.getState();
  }
  getState = (): S => (this.unsubscribe ? this.shown : this.source.getState());
  subscribe = (listener: () => void): (() => void) => {
    if (!this.unsubscribe) {
      this.shown = this.source.getState();
      this.unsubscribe = this.source.subscribe(this.changed);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.unsubscribe?.();
      this.unsubscribe = null;
      dequeue(this.show);
    };
  };
  private changed = () => {
    if (typing) {
      dequeue(this.show);
      this.publish();
    } else if (sliding) holdUntilRest(this.show);
    else enqueue(this.show);
  };
  private show = () => flushSync(() => this.publish());
  private publish() {
    const next = this.source.getState();
    if (next === this.shown) return;
    this.shown = next;
    this.listeners.forEach((l) => l());
  }
}

/** Its children read the app state through a lagged view of the store (see LaggedView). */
export function Lagged({ children }: { children: ReactNode }) {
  const { store } = useController();
  const view = useMemo(() => new LaggedView<AppState>(store), [store]);
  return <StateSourceContext.Provider value={view}>{children}</StateSourceContext.Provider>;
}
