/**
 * Page side of the evaluation workers. The slider's (`createEvalClient`) loads a network and, per
 * slider position, asks for the training-set figures: the page evaluates masks and validation figures
 * itself (`src/state/pruning/pruning.ts`), and the worker skips every request superseded while it waited for
 * the slider to rest. The curves' (`createSweepClient`) loads silently and sweeps.
 */
import type { Criterion, PruneSpec } from '../core/prune';
import type { EvalNetwork, FromEval, MeasureRequest, ToEval } from './protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface EvalClient {
  /** Has the worker fetch and decode the MNIST file now, for the load that will need it (a first visit's snapshot). */
  prefetch(dataUrl: string): void;
  /**
   * Loads a trained network (the worker loads its data); returns the load id (request ids continue from
   * it). `criterion`'s prune indexes come first, the others' after the training split ('indexes').
   */
  load(network: EvalNetwork, criterion?: Criterion): number;
  /** Asks for the training figures of a spec; returns the request's id, which numbers that slider position. */
  train(criterion: Criterion, spec: PruneSpec): number;
  /** A speed curve or the export sizes of the network loaded; returns its id (a newer one ends it). */
  measure(request: DistributiveOmit<MeasureRequest, 'id'>): number;
  terminate(): void;
}

export interface EvalPort {
  postMessage(msg: ToEval): void;
  onmessage: ((ev: MessageEvent<FromEval>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

const defaultPort = (name: string): EvalPort =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name }) as unknown as EvalPort;

/** A worker's messages to `onMessage`; a crash becomes an error message for the newest request. */
function connect(port: EvalPort, onMessage: (msg: FromEval) => void, newest: () => number, what: string): void {
  port.onmessage = (ev) => onMessage(ev.data);
  port.onerror = (ev) => {
    ev.preventDefault();
    onMessage({ type: 'error', id: newest(), message: ev.message || `The ${what} worker crashed.` });
  };
}

export function createEvalClient(
  onMessage: (msg: FromEval) => void,
  port: EvalPort = defaultPort('evaluation'),
): EvalClient {
  let id = 0;
  connect(port, onMessage, () => id, 'evaluation');
  return {
    prefetch: (dataUrl) => port.postMessage({ type: 'prefetch', id, dataUrl }),
    load(network, criterion) {
      port.postMessage({ type: 'load', id: ++id, network, report: true, ...(criterion ? { criterion } : {}) });
      return id;
    },
    train(criterion, spec) {
      port.postMessage({ type: 'train', id: ++id, criterion, spec, speed: true });
      return id;
    },
    measure(request) {
      port.postMessage({ ...request, id: ++id } as MeasureRequest);
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

export function createSweepClient(
  onMessage: (msg: FromEval) => void,
  port: EvalPort = defaultPort('curves'),
): SweepClient {
  let id = 0;
  connect(port, onMessage, () => id, 'curves');
  return {
    load(network) {
      port.postMessage({ type: 'load', id: ++id, network, report: false });
      return id;
    },
    sweep(request) {
      port.postMessage({ type: 'sweep', id: ++id, ...request });
      return id;
    },
    terminate: () => port.terminate(),
  };
}
