/**
 * A new version of the lab, fetched by the service worker in the background, waits until the reader asks
 * for it: the page shows a notice (src/ui/UpdateNotice.tsx) whose Reload hands over to the new version and
 * reloads. Nothing reloads by itself, and a Reload that would lose what the reader made here (a run in
 * training, a job running, their own network or results logged on this page) asks first. The worker's
 * registration is the page's (src/main.tsx, with workbox-window); this module is what the notice shows.
 */
import { holdsOwnWork } from '../links/links';
import { isRunning, type AppState, type Store } from '../store';

/** What a reload would lose that the same link does not bring back, the worst first; null: nothing. */
export type ReloadLoss = 'run' | 'job' | 'work' | null;

/** What the notice shows: nothing, the offer to reload, or the question before a reload that loses `loss`. */
export type UpdateView = { kind: 'none' } | { kind: 'ready' } | { kind: 'asking'; loss: Exclude<ReloadLoss, null> };

/**
 * What a reload of the page in state `s` would lose: a run in progress, a job running, or the user's own
 * network (trained here or imported: what a pasted link asks about too, `holdsOwnWork`) and results
 * logged on this page. A snapshot with its settings comes back from the link, so is not a loss.
 */
export function reloadLoses(s: AppState): ReloadLoss {
  if (isRunning(s.phase)) return 'run';
  if (s.experiments.finetune?.status === 'running' || s.experiments.series?.status === 'running') return 'job';
  if (holdsOwnWork(s) || s.experiments.log.length > 0) return 'work';
  return null;
}

export interface Updates {
  view(): UpdateView;
  subscribe(listener: () => void): () => void;
  /** The service worker has a new version waiting; `apply` hands over to it and reloads the page. */
  found(apply: () => void): void;
  /** The reader's Reload: applies the update at once, or asks first when the page holds `reloadLoses(s)`. */
  reload(s: AppState): void;
  /** The reader's "Reload anyway" after the question. */
  confirm(): void;
  /** The reader's "Later": the notice goes until the next visit (the new version keeps waiting). */
  later(): void;
}

export function createUpdates(): Updates {
  let view: UpdateView = { kind: 'none' };
  let apply: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const set = (v: UpdateView) => {
    view = v;
    for (const l of listeners) l();
  };
  const go = () => {
    set({ kind: 'none' });
    apply?.();
  };
  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    found(a) {
      apply = a;
      if (view.kind === 'none') set({ kind: 'ready' });
    },
    reload(s) {
      if (!apply) return;
      const loss = reloadLoses(s);
      if (loss === null) go();
      else set({ kind: 'asking', loss });
    },
    confirm: () => view.kind === 'asking' && go(),
    later: () => set({ kind: 'none' }),
  };
}

/**
 * Settles once a first visit's pruned numbers are on screen (the slider's training-set figures of the first
 * network included), at once when the page opened no network, or after `timeoutMs` whatever happened: the
 * service worker registers then, so that its download of the whole lab (~7 MB) does not compete with the
 * first numbers (about 0.5 s later on a 2-core machine when it started at the page's load event).
 */
export function afterFirstNumbers(
  store: Store<AppState>,
  firstNetwork: Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    let opened = false;
    const check = () => {
      const s = store.getState();
      if (s.pruning.view?.train || (opened && s.origin === null && s.openingSnapshot === null)) done();
    };
    const unsubscribe = store.subscribe(check);
    const timer = setTimeout(() => done(), timeoutMs);
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
    const openedNow = () => {
      opened = true;
      check();
    };
    void firstNetwork.then(openedNow, openedNow);
  });
}
