/**
 * Fake worker ports for the controller's unit tests: every message the page sends is recorded, and
 * `reply` delivers a worker's message as the port would. Test support only (no production code imports it).
 */
import { layerShapes, type LayerArrays, type LayerParams } from '../core/base';
import { CRITERIA, criterionIndex, GRANULARITIES } from '../core/prune';
import { makeSynthetic32 } from '../core/data';
import { PruneEvaluator, sparseFeatures } from '../core/eval';
import type { TablePort } from '../data/tableClient';
import type { FromTable, ToTable } from '../data/tableProtocol';
import type { EvalPort } from '../eval/client';
import type { FromEval, ToEval } from '../eval/protocol';
import type { TrainingPort } from '../train/client';
import { createController } from './controller';
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
export function fakeTable() {
  const sent: ToTable[] = [];
  const port: TablePort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  return { port, sent, reply: (msg: FromTable) => port.onmessage!({ data: msg } as MessageEvent<FromTable>) };
}

/** A backend as the training worker reports it when ready. */
export const backend = {
  name: 'wasm' as const,
  requested: 'wasm' as const,
  software: false,
  adapter: 'wasm',
  fallbackReason: '',
};

/** The slider worker's answer to a load of `layers` (32 inputs): every prune index and the validation split (seed 1's synthetic data). */
export function loadedMessage(id: number, layers: LayerArrays[]): FromEval {
  const ds = makeSynthetic32(1);
  const indexes = Object.fromEntries(
    CRITERIA.map((c) => [c, Object.fromEntries(GRANULARITIES.map((g) => [g, criterionIndex(c, layers, g, 1)]))]),
  ) as Extract<FromEval, { type: 'loaded' }>['indexes'];
  const m = { accuracy: 0.5, loss: 1, perClass: [] };
  const val = { features: sparseFeatures(ds.val.x, ds.val.n, 32), y: ds.val.y, n: ds.val.n };
  // The dense logits when the layers fit the data (a table's network gets zeros: its rows are not these).
  const denseLogits =
    layers[0].inputs === 32
      ? new PruneEvaluator(layers, 1, val).denseWithLogits().logits
      : new Float64Array(val.n * layers[layers.length - 1].units);
  return { type: 'loaded', id, dense: { train: null, val: m }, denseLogits, indexes, val, engine: 'wasm' };
}

/** A fixed split of 10,000 synthetic-32 samples: 8,000 for training, 2,000 for validation. */
export function syntheticSplit() {
  const order = Array.from({ length: 10000 }, (_, i) => (i * 7919) % 10000);
  return { trainIndices: Uint32Array.from(order.slice(0, 8000)), valIndices: Uint32Array.from(order.slice(8000)) };
}

/** A controller on fake workers, opened on `hash`, with the hashes it writes: its ports' messages are the test's to answer. */
export function controllerOnFakes(hash = '#snapshot=none') {
  const t = fakeTraining();
  const ev = fakeEval();
  const cv = fakeEval();
  const tb = fakeTable();
  const hashes: string[] = [];
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/data/mnist.bin.gz',
    snapshotUrl: (name) => `http://x/snapshots/${name}.gpls.gz`,
    writeHash: (h) => hashes.push(h),
    ports: { training: () => t.port, evaluation: ev.port, curves: cv.port, table: () => tb.port },
  });
  return { c, t, ev, cv, tb, hashes };
}

/** Synthetic-32's layers as a scoring pass leaves them: fixed weights and gradient statistics. */
export const scoredLayers = (): LayerArrays[] =>
  layerShapes(32).map((s) => ({
    ...s,
    kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i)),
    bias: new Float32Array(s.units),
    gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 7) / 100),
    gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 5) / 1e4),
  }));

/**
 * A controller on fake workers (opened on `hash`) whose run on synthetic-32 has finished with `layers`
 * and whose slider worker has loaded them: the state the pruning controls work on.
 */
export function trainedController(layers: LayerArrays[], hash: string, writeHash: (h: string) => void = () => {}) {
  const t = fakeTraining();
  const ev = fakeEval();
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/d',
    snapshotUrl: () => 'http://x/s',
    writeHash,
    ports: { training: () => t.port, evaluation: ev.port, curves: fakeEval().port },
  });
  t.reply({ type: 'ready', backend });
  c.train();
  const runId = c.store.getState().runId;
  t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 1, ...syntheticSplit() } });
  t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
  ev.reply(loadedMessage(ev.sent[0].id, layers));
  return { c, t, ev };
}

/** The job messages the page sent, the last one first out. */
export const lastJob = (sent: ToWorker[]) => {
  const jobs = sent.filter((m): m is Extract<ToWorker, { type: 'job' }> => m.type === 'job');
  return jobs[jobs.length - 1];
};

/** Split metrics for a fake job's answer: accuracy `valAcc` on validation, 0.5 elsewhere. */
export const metrics = (valAcc = 0.5) => ({ trainLoss: 1, trainAcc: 0.5, valLoss: 1, valAcc });

/** The fake worker's answer to its last job, a fine-tuning one: `layers` as the trained weights, `acc` as the validation accuracy. */
export function answerFinetune(t: ReturnType<typeof fakeTraining>, layers: LayerParams[], acc: number): void {
  const { runId, job } = lastJob(t.sent);
  if (job.kind !== 'finetune' && job.kind !== 'iterative' && job.kind !== 'gradual')
    throw new Error(`the last job is ${job.kind}`);
  t.reply({
    type: 'job-done',
    runId,
    kind: job.kind,
    result: { before: metrics(), after: metrics(acc), layers, maskViolations: 0, seconds: 1 },
  });
}

/** Lets the page's awaits of a job's answer go on. */
export const tick = () => new Promise((r) => setTimeout(r, 0));

/**
 * A controller on fake workers whose run of synthetic-32 (opened on `hash`, which should give seed 4)
 * has finished with `layers`: the state every experiment starts from.
 */
export function finishedRun(
  layers: LayerArrays[],
  hash = '#dataset=synthetic-32&seed=4&epochs=3&lr=0.01&snapshot=none',
) {
  const t = fakeTraining();
  const ports = { training: () => t.port, evaluation: fakeEval().port, curves: fakeEval().port };
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/m.gz',
    snapshotUrl: () => 'http://x/s',
    writeHash: () => {},
    ports,
  });
  t.reply({ type: 'ready', backend });
  c.train();
  const runId = c.store.getState().runId;
  t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 4, ...syntheticSplit() } });
  t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
  return { c, t };
}

/** Synthetic-32's layers with fixed, varied trained weights (4,416 kernel weights). */
export const syntheticLayers = (): LayerArrays[] =>
  layerShapes(32).map((s) => ({
    ...s,
    kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i * 1.3 + s.units)),
    bias: new Float32Array(s.units),
    gradAbsMean: new Float32Array(s.inputs * s.units),
    gradSqMean: new Float32Array(s.inputs * s.units),
  }));
