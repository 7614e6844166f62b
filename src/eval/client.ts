/**
 * Page side of the evaluation worker. At most one evaluate request is in flight: a request made while
 * another runs waits, and only the newest waiting one is sent when the worker has answered the previous
 * one with its validation figures (latest value wins). The final position of a drag is always evaluated
 * in full because it is the last request sent; the worker also skips the training-set pass of a request
 * that has been superseded.
 */
import type { Criterion } from '../core/criteria';
import type { PruneSpec } from '../core/masks';
import type { EvalNetwork, FromEval, ToEval } from './protocol';

export interface EvalClient {
  /** Loads a trained network (the worker loads its data); returns the load id (request ids continue from it). */
  load(network: EvalNetwork): number;
  /** Requests an evaluation; returns its id. */
  evaluate(criterion: Criterion, spec: PruneSpec, withTrain?: boolean): number;
  terminate(): void;
}

export interface EvalPort {
  postMessage(msg: ToEval): void;
  onmessage: ((ev: MessageEvent<FromEval>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

const defaultPort = (name: string): EvalPort => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name }) as unknown as EvalPort;

export function createEvalClient(onMessage: (msg: FromEval) => void, port: EvalPort = defaultPort('evaluation')): EvalClient {
  let id = 0;
  let inFlight: number | null = null;
  let waiting: ToEval | null = null;
  const send = (msg: ToEval) => {
    if (msg.type === 'evaluate') inFlight = msg.id;
    port.postMessage(msg);
  };
  const answered = (answeredId: number) => {
    if (inFlight !== answeredId) return;
    inFlight = null;
    if (waiting) {
      const next = waiting;
      waiting = null;
      send(next);
    }
  };
  port.onmessage = (ev) => {
    const msg = ev.data;
    onMessage(msg);
    if (msg.type === 'masks' || msg.type === 'error') answered(msg.id);
  };
  port.onerror = (ev) => {
    ev.preventDefault();
    const failed = inFlight ?? id;
    onMessage({ type: 'error', id: failed, message: ev.message || 'The evaluation worker crashed.' });
    answered(failed);
  };
  return {
    load(network) {
      id++;
      waiting = null;
      inFlight = null;
      send({ type: 'load', id, network });
      return id;
    },
    evaluate(criterion, spec, withTrain = true) {
      id++;
      const msg: ToEval = { type: 'evaluate', id, criterion, spec, withTrain };
      if (inFlight === null) send(msg);
      else waiting = msg;
      return id;
    },
    terminate: () => port.terminate(),
  };
}

/** The sweep worker: a second evaluation worker, so curves never delay the slider. */
export interface SweepClient {
  load(network: EvalNetwork): number;
  sweep(request: Omit<Extract<ToEval, { type: 'sweep' }>, 'type' | 'id'>): number;
  terminate(): void;
}

export function createSweepClient(onMessage: (msg: FromEval) => void, port: EvalPort = defaultPort('curves')): SweepClient {
  let id = 0;
  port.onmessage = (ev) => onMessage(ev.data);
  port.onerror = (ev) => {
    ev.preventDefault();
    onMessage({ type: 'error', id, message: ev.message || 'The sweep worker crashed.' });
  };
  return {
    load(network) {
      port.postMessage({ type: 'load', id: ++id, network });
      return id;
    },
    sweep(request) {
      port.postMessage({ type: 'sweep', id: ++id, ...request });
      return id;
    },
    terminate: () => port.terminate(),
  };
}
