/**
 * Pruning/evaluation wiring: the evaluation worker that answers the slider. `load` hands it a trained
 * network (the worker loads the data itself); `request` asks for the masks and figures of the current
 * pruning settings and returns the request id, which the caller records in the same state update as
 * the settings (the request goes out before React re-renders, so the worker computes while the page
 * renders).
 */
import { createEvalClient, type EvalPort } from '../eval/client';
import type { EvalNetwork } from '../eval/protocol';
import { applyEvalMessage } from './pruningState';
import { pruneSpecOf } from './pruneSpec';
import type { Settings } from './settings';
import type { AppState, Store } from './store';

export interface Evaluation {
  load(network: EvalNetwork): void;
  /** Sends an evaluate request; null when no network is loaded (nothing is sent then). */
  request(settings: Settings): number | null;
}

/** The state after recording request `id` as the newest (unchanged for null). */
export const requested = (id: number | null) => (s: AppState): AppState => (id === null ? s : { ...s, pruning: { ...s.pruning, requested: id } });

export function createEvaluation(store: Store<AppState>, port?: EvalPort): Evaluation {
  const client = createEvalClient((msg) => store.setState((s) => ({ ...s, pruning: applyEvalMessage(s.pruning, msg) })), port);
  const request = (settings: Settings) => {
    const p = store.getState().pruning;
    if (p.status === 'idle' || p.status === 'error') return null;
    return client.evaluate(settings.criterion, pruneSpecOf(settings));
  };
  return {
    load(network) {
      const loadId = client.load(network);
      store.setState((s) => ({ ...s, pruning: { ...s.pruning, status: 'loading', loadId, requested: loadId } }));
      store.setState(requested(request(store.getState().settings)));
    },
    request,
  };
}
