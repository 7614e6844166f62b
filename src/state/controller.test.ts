// The controller's wiring with fake workers: the explicit transitions (a backend ready → autotrain; a
// run done → both evaluation workers load its network; an import → the same, without retraining) and
// what the page sends, which is never the data itself.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layerShapes } from '../core/base';
import { serializeRun, encodeSnapshot } from '../core/formats';
import { makeSnapshot } from '../core/formats/testSnapshot';
import { translate, type Msg } from '../i18n/catalogue';
import type { ToEval } from '../eval/protocol';
import type { ToWorker } from '../train/protocol';
import { createController } from './controller';
import { backend, fakeEval, fakeTraining, loadedMessage } from './testPorts';

const en = (m: Msg | null | undefined) => m && translate('en', m.key, m.params);

const layers = layerShapes(32).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i)),
  bias: new Float32Array(s.units),
  gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 7) / 100),
  gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 5) / 1e4),
}));
const split = () => {
  const order = Array.from({ length: 10000 }, (_, i) => (i * 7919) % 10000);
  return { trainIndices: Uint32Array.from(order.slice(0, 8000)), valIndices: Uint32Array.from(order.slice(8000)) };
};
const loaded = (id: number) => loadedMessage(id, layers);

function setup(hash = '#snapshot=none') {
  const t = fakeTraining();
  const ev = fakeEval();
  const cv = fakeEval();
  const hashes: string[] = [];
  const c = createController({
    search: '',
    hash,
    dataUrl: 'http://x/data/mnist.bin.gz',
    snapshotUrl: (name) => `http://x/snapshots/${name}.gpls.gz`,
    writeHash: (h) => hashes.push(h),
    ports: { training: () => t.port, evaluation: ev.port, curves: cv.port },
  });
  return { c, t, ev, cv, hashes };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('controller wiring', () => {
  it('a finished run hands its network (not its data) to both evaluation workers, once', () => {
    vi.useFakeTimers();
    const { c, t, ev, cv } = setup('#dataset=synthetic-32&seed=4&snapshot=none');
    expect(t.sent[0]).toMatchObject({ type: 'init', dataUrl: 'http://x/data/mnist.bin.gz' });
    t.reply({ type: 'ready', backend });
    c.train();
    const runId = c.store.getState().runId;
    expect(t.sent.at(-1)).toMatchObject({ type: 'train', runId, config: { dataset: 'synthetic-32', seed: 4 } });
    const data = { name: 'synthetic-32' as const, seed: 4, ...split() };
    t.reply({ type: 'dataset', runId, data });
    expect(ev.sent).toEqual([]);
    t.reply({
      type: 'done',
      runId,
      trainSeconds: 1,
      samplesPerSec: 1000,
      scoring: { layers, batches: 250, seconds: 1 },
    });
    for (const worker of [ev, cv]) {
      const load = worker.sent[0] as Extract<ToEval, { type: 'load' }>;
      expect(load.type).toBe('load');
      expect(load.network).toEqual({ layers, seed: 4, data, dataUrl: 'http://x/data/mnist.bin.gz' });
      expect(Object.keys(load.network.data).sort()).toEqual(['name', 'seed', 'trainIndices', 'valIndices']); // no features
    }
    expect(ev.sent.map((m) => m.type)).toEqual(['load']);
    expect(cv.sent.map((m) => m.type)).toEqual(['load', 'sweep']);
    expect(c.store.getState().pruning).toMatchObject({
      status: 'loading',
      loadId: ev.sent[0].id,
      requested: ev.sent[0].id,
      view: null,
    });
    // Loaded: the page evaluates the current settings itself at once, and asks the worker for the training figures.
    ev.reply(loaded(ev.sent[0].id));
    const p = c.store.getState().pruning;
    expect(ev.sent.map((m) => m.type)).toEqual(['load', 'train']);
    expect(p).toMatchObject({
      status: 'ready',
      requested: ev.sent[1].id,
      view: { id: ev.sent[1].id, criterion: 'gradient', train: null },
    });
    expect(p.view!.val.accuracy).toBeGreaterThan(0);
    // A later message of the finished run does not load it again.
    t.reply({ type: 'phase', runId, phase: 'scoring' });
    t.reply({
      type: 'done',
      runId: runId - 1,
      trainSeconds: 1,
      samplesPerSec: 1,
      scoring: { layers, batches: 1, seconds: 1 },
    });
    expect(ev.sent.filter((m) => m.type === 'load')).toHaveLength(1);
  });

  it('a run without a scoring pass loads nothing', () => {
    vi.useFakeTimers();
    const { c, t, ev } = setup();
    t.reply({ type: 'ready', backend });
    c.train({ skipScoring: true });
    const runId = c.store.getState().runId;
    t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: null });
    expect(ev.sent).toEqual([]);
  });

  it('autotrain=1 starts one run when the backend is ready, not at every ready', () => {
    vi.useFakeTimers();
    const { c, t, hashes } = setup('#dataset=synthetic-32&autotrain=1');
    expect(c.store.getState().openingSnapshot).toBeNull(); // autotrain opens no snapshot
    expect(t.sent.filter((m) => m.type === 'train')).toHaveLength(0);
    t.reply({ type: 'ready', backend });
    expect(t.sent.filter((m) => m.type === 'train')).toHaveLength(1);
    expect(hashes.at(-1)).toBe('dataset=synthetic-32&autotrain=1');
    c.reset();
    t.reply({ type: 'ready', backend }); // e.g. after a lost device
    expect(t.sent.filter((m) => m.type === 'train')).toHaveLength(1);
  });

  it("an import stops the worker's run and loads the evaluators without retraining; a bad file changes nothing", () => {
    vi.useFakeTimers();
    const { c, t, ev, cv } = setup();
    t.reply({ type: 'ready', backend });
    const mask = (l: (typeof layers)[number]) => new Uint8Array(l.kernel.length).fill(1);
    const text = serializeRun({
      createdAt: '2026-01-01T00:00:00.000Z',
      config: { dataset: 'synthetic-32', seed: 9, criterion: 'taylor', backendUsed: 'wasm' },
      data: { name: 'synthetic-32', ...split() },
      layers: layers.map((l) => ({ ...l, mask: mask(l) })),
      metrics: {
        dense: { trainAcc: 0.9, trainLoss: 0.3, valAcc: 0.8, valLoss: 0.5 },
        pruned: null,
        sparsity: { overall: 0, perLayer: [0, 0, 0] },
      },
      sweep: [],
    });
    const before = c.store.getState();
    expect(en(c.importRun('{"format": 1}'))).toMatch(
      /^This run file cannot be imported: not a Gradient Pruning Lab run file/,
    );
    expect(c.store.getState()).toBe(before);
    expect(t.sent.some((m) => m.type === 'stop')).toBe(false);

    expect(c.importRun(text)).toBeNull();
    const s = c.store.getState();
    const stop = t.sent.find((m) => m.type === 'stop')!;
    expect(s.runId).toBe(stop.runId);
    expect([s.phase, s.settings.criterion, s.settings.seed, s.dataset?.seed]).toEqual(['done', 'taylor', 9, 9]);
    expect(en(s.notices.at(-1))).toBe(
      'Imported run.json from 2026-01-01T00:00:00.000Z: settings, weights and gradient statistics restored without retraining (no training curves).',
    );
    expect(ev.sent.map((m) => m.type)).toEqual(['load']);
    expect(cv.sent.map((m) => m.type)).toEqual(['load', 'sweep']);
    expect((ev.sent[0] as Extract<ToEval, { type: 'load' }>).network.data.trainIndices).toEqual(split().trainIndices);
    expect(t.sent.some((m) => m.type === 'train')).toBe(false);
  });

  it('settings: a slider move evaluates without writing the hash; scope re-sweeps; a backend switch restarts', () => {
    vi.useFakeTimers();
    const { c, t, ev, cv, hashes } = setup('#dataset=synthetic-32&snapshot=none');
    t.reply({ type: 'ready', backend });
    c.train();
    const runId = c.store.getState().runId;
    t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 1, ...split() } });
    t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
    ev.reply({ type: 'error', id: 0, message: 'ignored: older than the load' });
    c.updateSettings({ threshold: 0.02 }, false);
    expect(c.store.getState().pruning.view).toBeNull(); // not loaded yet: nothing to evaluate
    ev.reply(loaded(ev.sent[0].id));
    const writes = hashes.length;
    const before = c.store.getState().pruning.view!;
    c.updateSettings({ threshold: 0.05 }, false);
    // Evaluated on the page in the same update as the settings: the view follows at once, the worker computes only the training figures.
    const after = c.store.getState();
    expect([after.settings.threshold, after.pruning.view!.id > before.id, after.pruning.view!.spec.value]).toEqual([
      Math.fround(0.05),
      true,
      Math.fround(0.05),
    ]);
    expect(ev.sent.at(-1)).toMatchObject({
      type: 'train',
      id: after.pruning.view!.id,
      spec: { value: Math.fround(0.05) },
    });
    expect(hashes).toHaveLength(writes);
    const state = c.store.getState();
    c.updateSettings({}, true); // the slider's release: the hash is written, nothing else changes
    expect(c.store.getState()).toBe(state);
    expect(hashes).toHaveLength(writes + 1);
    c.updateSettings({ scope: 'per-layer' });
    expect(
      cv.sent.filter((m) => m.type === 'sweep').map((m) => (m as Extract<ToEval, { type: 'sweep' }>).scope),
    ).toEqual(['global', 'per-layer']);
    expect(hashes.at(-1)).toBe('dataset=synthetic-32&scope=per-layer&T=0.05&snapshot=none');
    c.updateSettings({ backend: 'cpu' });
    expect(
      t.sent.filter((m) => m.type === 'init').map((m) => (m as Extract<ToWorker, { type: 'init' }>).backend),
    ).toEqual(['auto', 'cpu']);
    expect(c.store.getState()).toMatchObject({ phase: 'idle', scoring: null, backendStatus: 'starting' });
  });
});

/** Until the snapshot has opened or failed (fetch, gunzip and decode are asynchronous; slow under load). */
const opened = (c: { store: { getState(): { openingSnapshot: unknown } } }) =>
  vi.waitFor(() => expect(c.store.getState().openingSnapshot).toBeNull(), { timeout: 10_000, interval: 5 });

describe('snapshots', () => {
  const serve = (body: Uint8Array | null) => {
    const fetch = vi.fn(async (url: string) =>
      body ? new Response(gzipSync(body)) : new Response('no', { status: 404, statusText: url }),
    );
    vi.stubGlobal('fetch', fetch);
    return fetch;
  };
  /** Time for a snapshot to load that must be ignored (nothing to wait for: it must not happen). */
  const settle = () => new Promise((r) => setTimeout(r, 200));

  it("a first visit opens the dataset's snapshot: its network, curves and training settings, the link's pruning settings", async () => {
    const snap = makeSnapshot();
    const fetch = serve(encodeSnapshot(snap));
    const { c, t, ev, cv } = setup('#dataset=synthetic-32&criterion=taylor&epochs=7');
    expect(fetch).toHaveBeenCalledWith('http://x/snapshots/synthetic-32.gpls.gz');
    expect(c.store.getState().openingSnapshot).toBe('synthetic-32');
    await opened(c);
    const s = c.store.getState();
    expect([s.phase, s.origin?.kind, s.openingSnapshot, s.runId]).toEqual([
      'done',
      'snapshot',
      null,
      t.sent.find((m) => m.type === 'stop')!.runId,
    ]);
    expect(s.runConfig).toEqual(snap.provenance.config);
    // Training settings from the snapshot unless the link gives them; pruning settings from the link.
    expect([s.settings.seed, s.settings.batchSize, s.settings.epochs, s.settings.criterion]).toEqual([
      2,
      64,
      7,
      'taylor',
    ]);
    expect(s.epochs.map((e) => e.valAcc)).toEqual(snap.training.epochs.map((e) => e.valAcc));
    expect(s.losses).toHaveLength(250);
    expect(s.sweep).toMatchObject({ status: 'done', scope: 'global', granularity: 'weights' });
    expect(s.sweep.curves.gradient!.val).toEqual(snap.curves.gradient.val);
    expect(ev.sent.map((m) => m.type)).toEqual(['load']);
    ev.reply(loaded(ev.sent[0].id));
    expect((ev.sent[1] as Extract<ToEval, { type: 'train' }>).criterion).toBe('taylor');
    expect(c.store.getState().pruning.view!.criterion).toBe('taylor');
    // The curves came with it: the curves worker is not even loaded until a sweep is needed.
    expect(cv.sent).toEqual([]);
    c.updateSettings({ scope: 'per-layer' });
    expect(cv.sent.map((m) => m.type)).toEqual(['load', 'sweep']);
  });

  it('a missing or damaged snapshot leaves an empty, working lab with a notice', async () => {
    serve(null);
    let { c, ev } = setup('#dataset=synthetic-32');
    await opened(c);
    expect(c.store.getState()).toMatchObject({ phase: 'idle', origin: null, openingSnapshot: null });
    expect(c.store.getState().notices.map(en)).toEqual([
      'The pre-trained synthetic-32 network could not be opened (Could not load the snapshot from http://x/snapshots/synthetic-32.gpls.gz (HTTP 404)). The lab starts empty: press Train to train one.',
    ]);
    const [notice] = c.store.getState().notices;
    expect(translate('zh-CN', notice.key, notice.params)).toBe(
      '无法打开预训练的 synthetic-32 网络（Could not load the snapshot from http://x/snapshots/synthetic-32.gpls.gz (HTTP 404)）。实验室以空白状态启动：点击“训练”即可训练一个网络。',
    );
    expect(ev.sent).toEqual([]);
    const damaged = encodeSnapshot(makeSnapshot());
    damaged[damaged.length - 1] ^= 1;
    serve(damaged);
    ({ c } = setup('#dataset=synthetic-32'));
    await opened(c);
    expect(en(c.store.getState().notices[0])).toMatch(
      /could not be opened \(.* is not a snapshot this lab can read: array sensitivity\.random\.2 does not match its checksum \(the file is damaged\)\)/,
    );
    serve(encodeSnapshot(makeSnapshot()));
    ({ c } = setup('#snapshot=mnist'));
    await opened(c);
    expect(en(c.store.getState().notices[0])).toMatch(
      /The pre-trained mnist network could not be opened \(it holds a synthetic-32 network\)/,
    );
  });

  it('Train pressed while the snapshot loads wins: the snapshot is dropped', async () => {
    serve(encodeSnapshot(makeSnapshot()));
    const { c, t } = setup('#dataset=synthetic-32');
    t.reply({ type: 'ready', backend });
    c.train();
    await settle();
    expect(c.store.getState()).toMatchObject({ phase: 'loading', origin: { kind: 'trained' }, openingSnapshot: null });
  });
});

describe('links pasted into the open tab', () => {
  const serveSnapshot = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(gzipSync(encodeSnapshot(makeSnapshot())))),
    );

  it('on a snapshot, a link for the same one only changes the settings; snapshot=none empties the lab', async () => {
    serveSnapshot();
    const { c, ev } = setup('#dataset=synthetic-32');
    await opened(c);
    ev.reply(loaded(ev.sent[0].id));
    const runId = c.store.getState().runId;
    c.openUrl('', '#dataset=synthetic-32&criterion=obd&T=0.001&hide=export');
    let s = c.store.getState();
    expect([s.runId, s.origin?.kind, s.settings.criterion, s.settings.threshold, s.flags.hide]).toEqual([
      runId,
      'snapshot',
      'obd',
      Math.fround(0.001),
      ['export'],
    ]);
    expect(s.pruning.view!.criterion).toBe('obd'); // evaluated on the network already there
    c.openUrl('', '#dataset=synthetic-32&snapshot=none&epochs=abc');
    s = c.store.getState();
    expect([s.phase, s.origin, s.pendingLink]).toEqual(['idle', null, null]);
    expect(en(s.notices.at(-1))).toMatch(/^URL key "epochs" ignored/);
  });

  it("with the user's own network, the page asks: keep it (taking the link's settings) or open the link's", async () => {
    vi.useFakeTimers();
    const { c, t } = setup('#dataset=synthetic-32&snapshot=none');
    t.reply({ type: 'ready', backend });
    c.train();
    const runId = c.store.getState().runId;
    t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 1, ...split() } });
    t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
    c.openUrl('', '#dataset=synthetic-32&criterion=taylor');
    expect(en(c.store.getState().pendingLink?.prompt)).toBe(
      'This link opens the pre-trained synthetic-32 network: the network you have now would be replaced.',
    );
    expect(c.store.getState().settings.criterion).toBe('gradient'); // nothing changed yet
    c.resolvePendingLink(false);
    let s = c.store.getState();
    expect([s.pendingLink, s.runId, s.origin?.kind, s.settings.criterion]).toEqual([null, runId, 'trained', 'taylor']);
    vi.useRealTimers();
    serveSnapshot();
    c.openUrl('', '#dataset=synthetic-32&autotrain=1');
    expect(en(c.store.getState().pendingLink?.prompt)).toBe(
      'This link trains a new network: the network you have now would be replaced.',
    );
    c.resolvePendingLink(true);
    s = c.store.getState();
    expect([s.phase, s.origin?.kind, s.flags.autotrain]).toEqual(['loading', 'trained', true]);
    expect(s.runId).toBeGreaterThan(runId);
  });
});
