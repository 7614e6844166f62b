/**
 * Fake worker ports for the controller's unit tests: every message the page sends is recorded, and
 * `reply` delivers a worker's message as the port would. Test support only (no production code imports it).
 */
import type { EvalPort } from '../eval/client';
import type { FromEval, ToEval } from '../eval/protocol';
import type { TrainingPort } from '../train/client';
import type { FromWorker, ToWorker } from '../train/protocol';

export function fakeTraining() {
  const sent: ToWorker[] = [];
  const port: TrainingPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  return { port, sent, reply: (msg: FromWorker) => port.onmessage!({ data: msg } as MessageEvent<unknown>) };
}
export function fakeEval() {
  const sent: ToEval[] = [];
  const port: EvalPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  return { port, sent, reply: (msg: FromEval) => port.onmessage!({ data: msg } as MessageEvent<FromEval>) };
}

/** A backend as the training worker reports it when ready. */
export const backend = { name: 'wasm' as const, requested: 'wasm' as const, software: false, adapter: 'wasm', fallbackReason: '', slowerChoice: null };
