// Opening a pre-trained snapshot at a first visit, through the controller's wiring with fake workers: its
// network, curves and settings; a missing or damaged file leaves an empty lab with a notice; Train wins.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeSnapshot } from '../../core/formats';
import { criterionIndex } from '../../core/prune';
import { makeSnapshot } from '../../core/formats/testSnapshot';
import { translate, type Msg } from '../../i18n/catalogue';
import type { FromEval, ToEval } from '../../eval/protocol';
import { backend, controllerOnFakes as setup, loadedMessage, scoredLayers } from '../testPorts';

const en = (m: Msg | null | undefined) => m && translate('en', m.key, m.params);
const layers = scoredLayers();
const loaded = (id: number) => loadedMessage(id, layers);

afterEach(() => vi.unstubAllGlobals());

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
    // The training worker is not made before the snapshot's numbers are shown (its messages wait).
    expect(t.port.onmessage).toBeNull();
    const s = c.store.getState();
    expect([s.phase, s.origin?.kind, s.openingSnapshot, s.backendStatus]).toEqual([
      'done',
      'snapshot',
      null,
      'starting',
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
    // The page's criterion's prune indexes come first; the others follow ('indexes'), or are built on the page if asked for before.
    expect(ev.sent[0]).toMatchObject({ criterion: 'taylor' });
    const all = loaded(ev.sent[0].id) as Extract<FromEval, { type: 'loaded' }>;
    ev.reply({ ...all, indexes: { taylor: all.indexes.taylor } });
    expect((ev.sent[1] as Extract<ToEval, { type: 'train' }>).criterion).toBe('taylor');
    expect(c.store.getState().pruning.view!.criterion).toBe('taylor');
    const own = criterionIndex('gradient', c.store.getState().scoring!.layers, 'neurons', 2).global.values;
    expect(c.store.getState().pruning.sorted!.gradient.neurons).toEqual(own);
    const { taylor: _, ...rest } = all.indexes;
    ev.reply({ type: 'indexes', id: ev.sent[0].id, indexes: rest });
    expect(c.store.getState().pruning.sorted!.magnitude.weights).toBe(rest.magnitude!.weights.global.values);
    // Then, once painted, the worker starts and gets what waited, in order: its start-up, the snapshot's run id.
    expect(t.sent).toEqual([]);
    await vi.waitFor(() => expect(t.sent.map((m) => m.type)).toEqual(['init', 'stop']), { timeout: 1000, interval: 5 });
    expect(t.sent[1]).toMatchObject({ runId: s.runId });
    // The full passes' timing follows the numbers: the estimate of the curves takes it (an older load's is dropped).
    ev.reply({ type: 'timed', id: ev.sent[0].id - 1, fullPassMs: { val: 9, train: 9 } });
    expect(c.store.getState().evalSpeed['synthetic-32']).toBeUndefined();
    ev.reply({ type: 'timed', id: ev.sent[0].id, fullPassMs: { val: 0.5, train: 2 } });
    expect(c.store.getState().evalSpeed['synthetic-32']).toEqual({ val: 0.5, train: 2 });
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
    c.train(); // before the worker was made: Train makes it, and the run waits for its start-up
    expect(t.sent.map((m) => m.type)).toEqual(['init', 'train']);
    expect(c.store.getState().phase).toBe('loading');
    t.reply({ type: 'ready', backend });
    await settle();
    expect(c.store.getState()).toMatchObject({ phase: 'loading', origin: { kind: 'trained' }, openingSnapshot: null });
  });
});
