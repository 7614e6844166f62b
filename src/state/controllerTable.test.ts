// The controller with a user's table, through fake workers: a loaded table is what Train trains (with
// its own epochs), switching back is explicit, a refused file changes nothing, and a link that names a
// table this page does not have trains nothing.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeSnapshot } from '../core/formats';
import { makeSnapshot } from '../core/formats/testSnapshot';
import { translate, type Msg } from '../i18n/catalogue';
import type { ToWorker } from '../train/protocol';
import { backend, controllerOnFakes } from './testPorts';
import { preparedTable } from './testTable';

const en = (m: Msg) => translate('en', m.key, m.params);
const readout = {
  name: 'iris.csv',
  bytes: 3000,
  hash: 'f00d',
  rows: 150,
  delimiter: ',' as const,
  headerless: false,
  columns: [],
  preview: [],
};
const file = (name: string, text = 'a,b\n1,x\n') => Object.assign(new Blob([text]), { name });

function setup(hash = '#snapshot=none&epochs=10') {
  const { c, t, tb, hashes } = controllerOnFakes(hash);
  t.reply({ type: 'ready', backend });
  /** Loads `name` as the table worker would answer: read, then prepared (Iris's shape). */
  const load = async (name = 'iris.csv', train = 120) => {
    await c.loadTable(file(name));
    tb.reply({ type: 'read', id: tb.sent.at(-1)!.id, readout: { ...readout, name } });
    tb.reply({
      type: 'prepared',
      id: tb.sent.at(-1)!.id,
      prepared: preparedTable({ train, val: 30, inputs: 4, classes: 3, name }),
    });
  };
  const lastTrain = () => t.sent.filter((m): m is Extract<ToWorker, { type: 'train' }> => m.type === 'train').at(-1);
  return { c, t, tb, hashes, load, lastTrain };
}

afterEach(() => vi.unstubAllGlobals());

describe('the controller with a user’s table', () => {
  it('Train trains the loaded table with enough epochs; the link names it; MNIST is one explicit choice away', async () => {
    const { c, hashes, load, lastTrain } = setup();
    await load();
    let s = c.store.getState();
    expect([s.flags.table, s.settings.epochs]).toEqual(['iris.csv', 125]);
    expect(hashes.at(-1)).toContain('table=iris.csv');
    c.train();
    const run = lastTrain()!;
    expect(run.config).toMatchObject({ dataset: 'user', epochs: 125, batchSize: 32 });
    expect(run.data).toMatchObject({
      name: 'user',
      table: { name: 'iris.csv', featureNames: ['f0', 'f1', 'f2', 'f3'] },
    });
    expect(c.store.getState().dataset?.table?.name).toBe('iris.csv');
    c.reset();
    s = c.store.getState();
    expect([s.flags.table, s.settings.epochs, s.userData.status]).toEqual(['iris.csv', 125, 'ready']); // Reset keeps the choice
    c.chooseData('mnist');
    expect(hashes.at(-1)).not.toContain('table=');
    c.train();
    expect(lastTrain()!.config).toMatchObject({ dataset: 'mnist', epochs: 10 });
    expect(lastTrain()!.data).toBeUndefined();
  });

  it('a refused file changes nothing: the table, what Train trains, its epochs', async () => {
    const { c, tb, load } = setup();
    await load();
    const before = c.store.getState();
    await c.loadTable(file('broken.csv'));
    tb.reply({ type: 'problem', id: tb.sent.at(-1)!.id, problem: { code: 'ragged', row: 3, got: 1, expected: 2 } });
    const after = c.store.getState();
    expect([after.flags, after.settings, after.userData.prepared, after.userData.status]).toEqual([
      before.flags,
      before.settings,
      before.userData.prepared,
      'ready',
    ]);
    expect(en(after.userData.problem!)).toBe('broken.csv was not loaded: Line 3 has 1 cell; the header has 2.');
  });

  it('a file one byte over the limit is refused in exact bytes before it is read; the table stays', async () => {
    const { c, tb, load } = setup();
    await load();
    const sent = tb.sent.length;
    const huge = {
      name: 'huge.csv',
      size: 52_428_801,
      arrayBuffer: () => Promise.reject(new Error('read before the size was checked')),
    };
    await c.loadTable(huge as unknown as Blob & { name: string });
    expect(tb.sent).toHaveLength(sent);
    const s = c.store.getState();
    expect(en(s.userData.problem!)).toBe(
      'huge.csv was not loaded: The file is 52,428,801 bytes; the limit is 52,428,800 bytes. It was not read.',
    );
    expect(s.userData.prepared?.table.name).toBe('iris.csv');
  });

  it('a file refused for its first line can be read again without a header, the same bytes, every line data', async () => {
    const { c, tb, load } = setup();
    await load();
    const text = '5.1,3.5,setosa\n4.9,3.0,setosa\n';
    await c.loadTable(file('iris.data', text));
    const first = tb.sent.at(-1)!;
    expect(first).toMatchObject({ type: 'read', name: 'iris.data', header: true });
    tb.reply({ type: 'problem', id: first.id, problem: { code: 'no-header', first: ['5.1', '3.5', 'setosa'] } });
    expect(c.store.getState().userData).toMatchObject({
      headerless: 'iris.data',
      prepared: { table: { name: 'iris.csv' } },
    });
    await c.readTableHeaderless();
    const again = tb.sent.at(-1)!;
    expect(again).toMatchObject({ type: 'read', name: 'iris.data', header: false });
    expect(new TextDecoder().decode((again as { bytes: ArrayBuffer }).bytes)).toBe(text);
    // Only the file just refused for its first line: after another refusal there is nothing to read again.
    await c.loadTable(file('other.csv'));
    tb.reply({ type: 'problem', id: tb.sent.at(-1)!.id, problem: { code: 'ragged', row: 3, got: 1, expected: 2 } });
    const count = tb.sent.length;
    await c.readTableHeaderless();
    expect(tb.sent).toHaveLength(count);
  });

  it('a second table becomes the choice; seed and options changes do not choose a table the user switched away from', async () => {
    const { c, tb, load, lastTrain } = setup();
    await load();
    await load('wine.csv', 142);
    expect([c.store.getState().flags.table, c.store.getState().settings.epochs]).toEqual(['wine.csv', 100]); // 5 steps an epoch
    c.chooseData('synthetic-32');
    c.updateSettings({ seed: 5 });
    tb.reply({
      type: 'prepared',
      id: tb.sent.at(-1)!.id,
      prepared: preparedTable({ train: 142, val: 36, inputs: 4, classes: 3, name: 'wine.csv' }),
    });
    expect(c.store.getState().flags.table).toBeNull();
    c.train();
    expect(lastTrain()!.config.dataset).toBe('synthetic-32');
  });

  it('a run’s frequent messages are folded in together (a small table’s epochs come faster than the page draws), in order', async () => {
    vi.useFakeTimers();
    try {
      const { c, t, load } = setup();
      await load();
      c.train();
      const runId = c.store.getState().runId;
      let updates = 0;
      c.store.subscribe(() => updates++);
      const progress = (epoch: number) => ({
        stage: 'training' as const,
        epoch,
        epochs: 125,
        batch: 4,
        batchesPerEpoch: 4,
        samplesPerSec: 1000,
        etaSec: 1,
        fraction: epoch / 125,
      });
      const metrics = (epoch: number) => ({
        epoch,
        trainLoss: 1,
        trainAcc: 0.5,
        valLoss: 1,
        valAcc: 0.5,
        seconds: 0.01,
        validationSeconds: 0,
        numTensors: 0,
      });
      for (let e = 1; e <= 3; e++) {
        t.reply({
          type: 'progress',
          runId,
          progress: progress(e),
          losses: Float32Array.of(1, 1, 1, 1),
          firstBatch: (e - 1) * 4,
        });
        t.reply({ type: 'epoch', runId, metrics: metrics(e) });
      }
      expect([updates, c.store.getState().epochs.length]).toEqual([0, 0]);
      vi.advanceTimersByTime(1);
      expect([updates, c.store.getState().epochs.length, c.store.getState().losses.length]).toEqual([1, 3, 12]);
      // Another message first folds in those waiting.
      t.reply({ type: 'epoch', runId, metrics: metrics(4) });
      t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1000, scoring: null });
      expect([c.store.getState().epochs.length, c.store.getState().phase]).toEqual([4, 'done']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a pre-trained network the user opens is what Train retrains; back on the table, its default follows the batch size', async () => {
    const { c, load, lastTrain } = setup();
    await load();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(gzipSync(encodeSnapshot(makeSnapshot())))),
    );
    await c.openSnapshot('synthetic-32');
    const s = c.store.getState();
    expect([s.origin?.kind, s.flags.table, s.settings.dataset, s.settings.epochs]).toEqual([
      'snapshot',
      null,
      'synthetic-32',
      makeSnapshot().provenance.config.epochs,
    ]);
    c.train();
    expect(lastTrain()!.config.dataset).toBe('synthetic-32');
    c.chooseData('table');
    expect([c.store.getState().settings.batchSize, c.store.getState().settings.epochs]).toEqual([64, 250]); // 2 steps an epoch
  });

  it('a link naming a table that is not loaded says so, and neither autotrain nor Train trains something else', async () => {
    const { c, t, load, lastTrain } = setup('#snapshot=none&autotrain=1&table=iris.csv&epochs=60');
    expect(t.sent.some((m) => m.type === 'train')).toBe(false);
    c.train();
    expect(lastTrain()).toBeUndefined();
    expect(c.store.getState().notices.map(en)).toEqual([
      expect.stringContaining('This link trains your own table “iris.csv”'),
    ]);
    await load();
    // The link's epochs are the table's own.
    expect(c.store.getState().settings.epochs).toBe(60);
    c.train();
    expect(lastTrain()!.config).toMatchObject({ dataset: 'user', epochs: 60 });
  });
});
