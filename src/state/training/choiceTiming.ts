/**
 * When the page asks the training worker for `auto`'s choice by measurement: never while the first
 * network opens and prunes (the measurement would compete with it for the cores), nor while a run or
 * a job holds the worker; once that has settled, after a short delay and when the page is idle. The
 * first Train asks at once (`training.ts`): the run waits for the choice.
 */
import { isBusy, type AppState } from '../store';

/** After the first pruned numbers settle: the delay before asking (then an idle callback). */
export const CHOICE_DELAY_MS = 500;
/** The longest the page waits for a network to settle (an evaluation that never answers) before it asks anyway. */
export const CHOICE_MAX_WAIT_MS = 20_000;

/**
 * Pure: `never` when there is nothing to choose (a forced backend, chosen already, or being measured),
 * `wait` while a network opens and prunes or the worker is busy, `now` otherwise.
 */
export function choiceDue(s: AppState): 'never' | 'wait' | 'now' {
  if (s.backend?.pending !== 'waiting') return 'never';
  if (s.openingSnapshot !== null || isBusy(s)) return 'wait';
  const p = s.pruning;
  const settled = p.status === 'ready' && !!p.view && p.view.id === p.requested && !!p.view.train;
  return s.origin && !settled && p.status !== 'error' ? 'wait' : 'now';
}

/**
 * Calls `ask` once `choiceDue` says `now` (polled every 250 ms; a network that does not settle is waited
 * for `CHOICE_MAX_WAIT_MS` at most, a busy worker for as long as it is busy), `CHOICE_DELAY_MS` later, when
 * the page is idle, unless it is no longer due by then. Returns a function that cancels it.
 */
export function scheduleChoice(state: () => AppState, ask: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;
  const started = Date.now();
  const idle = (f: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 0);
  const tick = () => {
    const due = choiceDue(state());
    if (due === 'never' || cancelled) return;
    if (due === 'wait' && (isBusy(state()) || Date.now() - started < CHOICE_MAX_WAIT_MS)) {
      timer = setTimeout(tick, 250);
      return;
    }
    timer = setTimeout(
      () =>
        idle(() => {
          if (cancelled || choiceDue(state()) === 'never') return;
          if (isBusy(state())) tick();
          else ask();
        }),
      CHOICE_DELAY_MS,
    );
  };
  tick();
  return () => {
    cancelled = true;
    if (timer !== null) clearTimeout(timer);
  };
}
