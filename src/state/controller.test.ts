// The controller's wiring with fake workers: the explicit transitions (a backend ready → autotrain; a
// run done → both evaluation workers load its network; an import → the same, without retraining) and
// what the page sends, which is never the data itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeRun } from '../core/formats';
import { translate, type Msg } from '../i18n/catalogue';
import type { ToEval } from '../eval/protocol';
import type { ToWorker } from '../train/protocol';
import { backend, controllerOnFakes as setup, loadedMessage, scoredLayers, syntheticSplit as split } from './testPorts';

const en = (m: Msg | null | undefined) => m && translate('en', m.key, m.params);

const layers = scoredLayers();
const loaded = (id: number) => loadedMessage(id, layers);

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
    expect(ev.sent.map((m) => m.type)).toEqual(['load']);
    // The curves' worker waits for the page's first pruned numbers (the cores are the page's and the slider worker's).
    expect(cv.sent).toEqual([]);
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
    // Shown: now the curves' worker loads the network and sweeps it.
    expect(cv.sent.map((m) => m.type)).toEqual(['load', 'sweep']);
    for (const worker of [ev, cv]) {
      const load = worker.sent[0] as Extract<ToEval, { type: 'load' }>;
      expect(load.network).toEqual({ layers, seed: 4, data, dataUrl: 'http://x/data/mnist.bin.gz' });
      expect(Object.keys(load.network.data).sort()).toEqual(['name', 'seed', 'trainIndices', 'valIndices']); // no features
    }
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
      hidden: [64, 32],
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
    expect((ev.sent[0] as Extract<ToEval, { type: 'load' }>).network.data.trainIndices).toEqual(split().trainIndices);
    // A load the slider's worker cannot do (here: refused) still lets the curves' worker try, and say why.
    expect(cv.sent).toEqual([]);
    ev.reply({ type: 'error', id: ev.sent[0].id, message: 'cannot load' });
    expect(cv.sent.map((m) => m.type)).toEqual(['load', 'sweep']);
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
