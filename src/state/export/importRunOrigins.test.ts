// run.json for every origin of the network on screen — the snapshot of a first visit (before the training
// backend has started), this page's run, a run on the user's own table, and an imported run — through the
// controller on fake workers: the file exports at once, says which backend trained the weights (never the
// one that happens to run now), and export → import → export gives the same file but for createdAt.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_UNITS, layerShapes, type LayerArrays } from '../../core/base';
import { CRITERIA, criterionIndex, GRANULARITIES } from '../../core/prune';
import { parseRun, encodeSnapshot } from '../../core/formats';
import { PruneEvaluator, sparseFeatures } from '../../core/eval';
import { makeSnapshot } from '../../core/formats/testSnapshot';
import type { FromEval } from '../../eval/protocol';
import { createController } from '../controller';
import { backendUsed, runFile } from './exporters';
import { backend, fakeEval, fakeTable, fakeTraining, loadedMessage, trainedController } from '../testPorts';
import { preparedTable } from '../testTable';

afterEach(() => vi.unstubAllGlobals());

const HASH = 'c0ffee'.padEnd(64, '0');
const LONG = 'x'.repeat(300); // longer than a file name may be in run.json; a feature name may be
const TABLE = { train: 120, val: 30, inputs: 4, classes: 3, name: 'iris.csv', hash: HASH };
const column = (name: string) => ({
  name,
  kind: 'numeric' as const,
  missing: 0,
  distinct: 10,
  nonNumericExample: null,
});

/** Weights made up from `inputs` and `classes` (sines: no ties, nothing to do with the data). */
const network = (inputs: number, classes = 10): LayerArrays[] =>
  layerShapes(inputs, HIDDEN_UNITS, classes).map((s) => ({
    ...s,
    kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i + s.inputs)),
    bias: Float32Array.from({ length: s.units }, (_, i) => i / 100),
    gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => ((i * 7) % 11) / 100),
    gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => ((i * 5) % 13) / 1e4),
  }));

type Page = ReturnType<typeof page>;
/** The last message of `type` a fake port was sent. */
const last = <M extends { type: string }, T extends M['type']>(sent: M[], type: T) =>
  sent.filter((m): m is Extract<M, { type: T }> => m.type === type).at(-1);

/** A page on fake workers; `ready`: the training backend has started (else it is still "starting"). */
function page(hash: string, ready: boolean) {
  const t = fakeTraining();
  const ev = fakeEval();
  const cv = fakeEval();
  const tb = fakeTable();
  const ports = { training: () => t.port, evaluation: ev.port, curves: cv.port, table: () => tb.port };
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/d',
    snapshotUrl: (n) => `http://x/snapshots/${n}.gpls.gz`,
    writeHash: () => {},
    ports,
  });
  if (ready) c.startTraining(); // at once, as after a first visit's numbers
  if (ready) t.reply({ type: 'ready', backend });
  return { c, t, ev, cv, tb };
}

/** The user's table read and prepared, as the table worker answers (its third feature named `LONG`), `label` its last column. */
async function loadTable(p: Page, label = 'species') {
  const columns = ['sepal length', 'sepal width', LONG, 'petal width', label].map(column);
  await p.c.loadTable(Object.assign(new Blob(['a,b\n1,x\n']), { name: TABLE.name }));
  p.tb.reply({
    type: 'read',
    id: p.tb.sent.at(-1)!.id,
    readout: {
      name: TABLE.name,
      bytes: 3000,
      hash: HASH,
      rows: 150,
      delimiter: ',',
      headerless: false,
      columns,
      preview: [],
    },
  });
  const prepared = preparedTable(TABLE);
  prepared.table.featureNames[2] = LONG;
  p.tb.reply({ type: 'prepared', id: p.tb.sent.at(-1)!.id, prepared });
}

/** The slider worker's answers for the network it was handed: loaded (every prune index), then the training figures. */
function evaluate(p: Page) {
  const load = last(p.ev.sent, 'load')!;
  const { layers, data } = load.network;
  let loaded = loadedMessage(load.id, layers) as Extract<FromEval, { type: 'loaded' }>;
  if (data.name === 'user') {
    // The table's own validation rows (loadedMessage's are synthetic-32's 32 features).
    const t = data.table!;
    const n = data.valIndices.length;
    const x = new Float32Array(n * layers[0].inputs);
    const indexes = Object.fromEntries(
      CRITERIA.map((c) => [c, Object.fromEntries(GRANULARITIES.map((g) => [g, criterionIndex(c, layers, g, 1)]))]),
    );
    const val = {
      features: sparseFeatures(x, n, layers[0].inputs),
      y: Uint8Array.from(data.valIndices, (i) => t.y[i]),
      n,
    };
    const denseLogits = new PruneEvaluator(layers, 1, val).denseWithLogits().logits;
    loaded = { ...loaded, indexes: indexes as typeof loaded.indexes, val, denseLogits };
  }
  p.ev.reply(loaded);
  // As the worker does: the dense training figures, once that split is loaded, then the slider's.
  p.ev.reply({ type: 'train-dense', id: load.id, result: { accuracy: 0.5, loss: 1, perClass: [] } });
  const train = last(p.ev.sent, 'train')!;
  p.ev.reply({ type: 'train-evaluated', id: train.id, result: { accuracy: 0.75, loss: 0.625, perClass: [] }, ms: 1 });
  expect(p.c.store.getState().pruning.view!.train).not.toBeNull();
}

/** The curves worker's answer to its sweep request: the points of `file` (what it computes for the same network). */
function curves(p: Page, file: string) {
  const sweep = last(p.cv.sent, 'sweep');
  if (!sweep) return;
  type Point = {
    criterion: string;
    split: string;
    target: number;
    sparsity: number;
    threshold: number | null;
    accuracy: number;
    loss: number;
  };
  const points = JSON.parse(file).sweep.map((q: Point) => ({
    kind: 'curve',
    criterion: q.criterion,
    split: q.split,
    point: {
      target: q.target,
      sparsity: q.sparsity,
      threshold: q.threshold ?? NaN,
      accuracy: q.accuracy,
      loss: q.loss,
    },
  }));
  p.cv.reply({ type: 'sweep-points', id: sweep.id, points, done: 1, total: 1 });
  p.cv.reply({ type: 'sweep-done', id: sweep.id, ms: 1 });
}

const exported = (p: Page) => runFile(p.c.store.getState()).data as string;
const dateless = (text: string) => text.replace(/"createdAt":"[^"]*"/, '"createdAt":"-"');
const parsed = (text: string) => {
  const r = parseRun(text);
  if (!r.ok) throw new Error(r.error);
  return r.run;
};

/**
 * `file` imported into a fresh page whose backend has not started (with the table loaded for a run on
 * one), evaluated and its curves computed, then exported again: the same file but for createdAt, twice
 * (the second time from an imported run). Returns the imported page.
 */
async function roundTrip(file: string) {
  let text = file;
  let p: Page | null = null;
  for (let i = 0; i < 2; i++) {
    p = page('#snapshot=none', false);
    if (parsed(text).data.name === 'user') await loadTable(p);
    expect(p.c.importRun(text)).toBeNull();
    evaluate(p);
    curves(p, text);
    expect(p.c.store.getState()).toMatchObject({
      backend: null,
      backendStatus: 'starting',
      origin: { kind: 'imported' },
    });
    const again = exported(p);
    expect(dateless(again)).toBe(dateless(text));
    text = again;
  }
  return p!;
}

describe('run.json for every origin', () => {
  it('a first visit: the snapshot exports at once, before the backend has started, with the backend that trained it', async () => {
    const snap = makeSnapshot();
    snap.provenance.backend = { name: 'webgl', adapter: 'ANGLE', software: false };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(gzipSync(encodeSnapshot(snap)))),
    );
    const p = page('#dataset=synthetic-32', false);
    await vi.waitFor(() => expect(p.c.store.getState().origin?.kind).toBe('snapshot'), {
      timeout: 10_000,
      interval: 5,
    });
    evaluate(p);
    expect(p.c.store.getState()).toMatchObject({ backend: null, backendStatus: 'starting' });
    const file = exported(p);
    const run = parsed(file);
    expect(run.config).toMatchObject({
      backendUsed: 'webgl',
      dataset: 'synthetic-32',
      seed: 2,
      epochs: 2,
      batchSize: 64,
    });
    expect(run.sweep.filter((q) => q.criterion === 'gradient' && q.split === 'val')).toHaveLength(51);
    expect(run.data.trainIndices).toEqual(Uint32Array.from(snap.data.trainIndices));
    expect(run.layers.map((l) => l.kernel)).toEqual(snap.layers.map((l) => l.kernel));
    // The backend that starts later is not the one that trained it.
    p.c.startTraining();
    p.t.reply({ type: 'ready', backend });
    expect(parsed(exported(p)).config.backendUsed).toBe('webgl');
    const imported = await roundTrip(file);
    expect(imported.c.store.getState().origin).toMatchObject({ kind: 'imported', backendUsed: 'webgl' });
  });

  it('this page’s run: the backend that trained it, also while a lost device restarts and after another one started', async () => {
    const layers = network(32);
    const { c, t, ev } = trainedController(layers, '#dataset=synthetic-32&snapshot=none&mode=sparsity&sparsity=0.4');
    evaluate({ c, t, ev, cv: fakeEval(), tb: fakeTable() });
    const file = exported({ c } as Page);
    expect(parsed(file).config.backendUsed).toBe('wasm');
    t.reply({ type: 'device-lost', message: 'lost' });
    expect(c.store.getState()).toMatchObject({ backend: null, phase: 'done' });
    expect(parsed(exported({ c } as Page)).config.backendUsed).toBe('wasm');
    t.reply({ type: 'ready', backend: { ...backend, name: 'cpu' } });
    expect(parsed(exported({ c } as Page)).config.backendUsed).toBe('wasm');
    const run = parsed(file);
    expect(run.metrics.pruned).toMatchObject({ trainAcc: 0.75, trainLoss: 0.625 });
    expect(run.metrics.sparsity.overall).toBeCloseTo(0.4, 2);
    await roundTrip(file);
  });

  it('a run on the user’s table: the table identified (a 300-character feature name too), its options, the same file again', async () => {
    const p = page('#snapshot=none', true);
    await loadTable(p);
    p.c.trainOnTable();
    const train = last(p.t.sent, 'train')!;
    const { table, trainIndices, valIndices } = p.c.store.getState().userData.prepared!;
    p.t.reply({ type: 'dataset', runId: train.runId, data: { name: 'user', seed: 1, trainIndices, valIndices } });
    p.t.reply({
      type: 'done',
      runId: train.runId,
      trainSeconds: 1,
      samplesPerSec: 1,
      scoring: { layers: network(4, 3), batches: 1, seconds: 1 },
    });
    evaluate(p);
    const file = exported(p);
    const run = parsed(file);
    expect(run.data.table).toEqual({
      name: 'iris.csv',
      hash: HASH,
      rows: 150,
      featureNames: ['f0', 'f1', LONG, 'f3'],
      classNames: table.classNames,
    });
    expect(run.config).toMatchObject({
      dataset: 'user',
      backendUsed: 'wasm',
      tableLabel: 'species',
      tableOneHot: false,
      tableMissing: 'refuse',
    });
    await roundTrip(file);
  });

  it('a label column name longer than a config string is written as null, not refused', async () => {
    const p = page('#snapshot=none', true);
    await loadTable(p, 'y'.repeat(1025));
    p.c.trainOnTable();
    const train = last(p.t.sent, 'train')!;
    const { trainIndices, valIndices } = p.c.store.getState().userData.prepared!;
    p.t.reply({ type: 'dataset', runId: train.runId, data: { name: 'user', seed: 1, trainIndices, valIndices } });
    p.t.reply({
      type: 'done',
      runId: train.runId,
      trainSeconds: 1,
      samplesPerSec: 1,
      scoring: { layers: network(4, 3), batches: 1, seconds: 1 },
    });
    evaluate(p);
    expect(parsed(exported(p)).config.tableLabel).toBeNull();
  });

  it('backendUsed: recorded, never made up', () => {
    const { c } = trainedController(network(32), '#dataset=synthetic-32&snapshot=none');
    const s = c.store.getState();
    expect(backendUsed(s)).toBe('wasm');
    expect(backendUsed({ ...s, result: null, backend })).toBe('unknown');
    expect(backendUsed({ ...s, origin: { kind: 'imported', createdAt: '2026-01-01T00:00:00Z' } })).toBe('unknown');
  });
});
