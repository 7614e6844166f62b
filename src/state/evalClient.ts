/**
 * Page side of the evaluation worker. `evaluate` is coalesced to one request per animation frame
 * (latest value wins); the worker also drops superseded work, and the final position of a drag is
 * always evaluated in full because it is the last request sent.
 */
import type { Criterion } from '../core/criteria';
import type { Dataset } from '../core/dataset';
import type { PruneSpec } from '../core/masks';
import type { EvalLayer, FromEval, ToEval } from './evalProtocol';

export interface EvalClient {
  /** Loads a trained network and its data; returns the load id (request ids continue from it). */
  load(dataset: Dataset, layers: EvalLayer[], seed: number): number;
  /** Queues an evaluation for the next animation frame; returns its request id. */
  evaluate(criterion: Criterion, spec: PruneSpec, withTrain?: boolean): number;
  terminate(): void;
}

export function createEvalClient(onMessage: (msg: FromEval) => void, schedule: (cb: () => void) => void = requestAnimationFrame): EvalClient {
  const worker = new Worker(new URL('./evalWorker.ts', import.meta.url), { type: 'module', name: 'evaluation' });
  let id = 0;
  let pending: ToEval | null = null;
  let scheduled = false;
  worker.onmessage = (ev: MessageEvent<FromEval>) => onMessage(ev.data);
  worker.onerror = (ev) => {
    ev.preventDefault();
    onMessage({ type: 'error', id, message: ev.message || 'The evaluation worker crashed.' });
  };
  const flush = () => {
    scheduled = false;
    if (pending) worker.postMessage(pending);
    pending = null;
  };
  return {
    load(dataset, layers, seed) {
      id++;
      pending = null;
      worker.postMessage({ type: 'load', id, dataset, layers, seed } satisfies ToEval);
      return id;
    },
    evaluate(criterion, spec, withTrain = true) {
      id++;
      pending = { type: 'evaluate', id, criterion, spec, withTrain };
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
      return id;
    },
    terminate: () => worker.terminate(),
  };
}
