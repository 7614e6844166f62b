// A link is a link: pasted into an open tab (`openUrl`), from whatever state the user left it in, it ends
// in the same settings, flags and network as the same link opened in a new tab. Checked through the
// controller's real wiring with fake workers, over random starting states and random links; then by example:
// a link to the snapshot on screen, snapshot=none, and the question before the user's own network is replaced.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CRITERIA } from '../../core/prune';
import { createRng, type Rng } from '../../core/base';
import { encodeSnapshot } from '../../core/formats';
import { makeSnapshot } from '../../core/formats/testSnapshot';
import { translate, type Msg } from '../../i18n/catalogue';
import { createController, type Controller } from '../controller';
import {
  backend,
  controllerOnFakes,
  fakeEval,
  fakeTraining,
  loadedMessage,
  scoredLayers,
  syntheticSplit,
} from '../testPorts';
import { applyStep } from '../tour/tour';

const snapshot = makeSnapshot();
/** Every snapshot URL serves this synthetic-32 snapshot (so a link to mnist's is refused, as a damaged file is). */
/** The slider worker's answer to a load of the snapshot's network (built once: the indexes take a while). */
const loaded = ((m: ReturnType<typeof loadedMessage>) => (id: number) => ({ ...m, id }))(
  loadedMessage(0, snapshot.layers),
);
const serve = () =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(gzipSync(encodeSnapshot(snapshot)))),
  );

/** A lab on fake workers whose snapshot is `makeSnapshot()`'s, with the tour card's effect played by `tick`. */
function lab(hash: string) {
  const t = fakeTraining();
  const ev = fakeEval();
  const cv = fakeEval();
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/d',
    snapshotUrl: (n) => `http://x/${n}`,
    writeHash: () => {},
    ports: { training: () => t.port, evaluation: ev.port, curves: cv.port },
  });
  const answered = new Set<number>();
  let deps = '';
  /** What the page does between events: answer the slider worker's loads, the backend comes up, the tour card applies its step. */
  const tick = () => {
    for (const m of ev.sent) if (m.type === 'load' && !answered.has(m.id)) answered.add(m.id) && ev.reply(loaded(m.id));
    if (c.store.getState().backendStatus === 'starting') {
      c.startTraining(); // a first visit's worker waits for the numbers (or the pointer on Train)
      t.reply({ type: 'ready', backend });
    }
    // Tour.tsx: `useEffect(() => { if (open !== null && ready) applyStep(c, open) }, [c, open, ready, runId])`.
    const s = c.store.getState();
    const now = JSON.stringify([s.flags.tour, s.pruning.status === 'ready', s.runId]);
    if (now !== deps && s.flags.tour !== null && s.pruning.status === 'ready') applyStep(c, s.flags.tour);
    deps = now;
  };
  return { c, tick };
}

/** Until no snapshot is opening, then the page's reactions, until nothing changes. */
async function settle(l: ReturnType<typeof lab>) {
  await vi.waitFor(() => expect(l.c.store.getState().openingSnapshot).toBeNull(), { timeout: 10_000, interval: 5 });
  for (let i = 0; i < 4; i++) l.tick();
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[r.int(xs.length)];

/** A random link: the network it opens, and any of the settings and flags a shared link carries. */
function randomLink(r: Rng): string {
  const p: string[] = [];
  const maybe = (x: number, f: () => string) => r.next() < x && p.push(f());
  if (r.next() < 0.9) p.push('dataset=synthetic-32'); // else mnist: its snapshot is refused (this one holds synthetic-32)
  maybe(0.3, () => `snapshot=${pick(r, ['none', 'synthetic-32'])}`);
  maybe(0.15, () => 'autotrain=1');
  maybe(0.4, () => `mode=${pick(r, ['threshold', 'sparsity'])}`);
  maybe(0.3, () => `T=${(10 ** r.uniform(-4, -1)).toPrecision(2)}`);
  maybe(0.3, () => `sparsity=${r.uniform(0, 0.99).toFixed(2)}`);
  maybe(0.3, () => `epochs=${1 + r.int(20)}`);
  maybe(0.2, () => `seed=${r.int(9)}`);
  maybe(0.4, () => `criterion=${pick(r, CRITERIA)}`);
  maybe(0.2, () => `granularity=${pick(r, ['weights', 'neurons', '2:4'])}`);
  maybe(0.2, () => 'scope=per-layer');
  maybe(0.1, () => 'backend=cpu');
  maybe(0.25, () => `tour=${1 + r.int(10)}`);
  maybe(0.15, () => 'present=1');
  maybe(0.15, () => 'lang=zh-CN');
  maybe(0.1, () => 'hide=export');
  return `#${p.join('&')}`;
}

/** What a user does before pasting: moves the slider, changes mode, T, epochs…, opens the tour or presenter mode. */
function randomActions(r: Rng, c: Controller, tick: () => void) {
  const actions = [
    () => c.updateSettings({ sparsity: r.uniform(0, 0.99) }),
    () => c.updateSettings({ threshold: 10 ** r.uniform(-4, -1) }),
    () => c.updateSettings({ mode: pick(r, ['threshold', 'sparsity'] as const) }),
    () => c.updateSettings({ epochs: 1 + r.int(20) }),
    () => c.updateSettings({ criterion: pick(r, CRITERIA) }),
    () => c.updateSettings({ granularity: pick(r, ['weights', 'neurons', '2:4'] as const) }),
    () => c.updateSettings({ scope: pick(r, ['global', 'per-layer'] as const) }),
    () => c.updateFlags({ tour: r.next() < 0.3 ? null : 1 + r.int(10) }),
    () => c.updateFlags({ present: r.next() < 0.5 }),
    () => c.updateFlags({ lang: pick(r, ['en', 'zh-CN'] as const) }),
    () => c.reset(),
  ];
  for (let n = r.int(5); n > 0; n--) {
    pick(r, actions)();
    tick();
  }
}

const outcome = (c: Controller) => {
  const s = c.store.getState();
  return {
    settings: s.settings,
    flags: s.flags,
    network: s.origin && (s.origin.kind === 'snapshot' ? `snapshot ${s.origin.name}` : s.origin.kind),
    phase: s.phase,
    asks: s.pendingLink !== null,
  };
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a link pasted into an open tab', () => {
  it('ends in the state the same link opens in a new tab, from any starting state (random states × random links)', async () => {
    serve();
    const r = createRng(24);
    for (let trial = 0; trial < 40; trial++) {
      const link = randomLink(r);
      const fresh = lab(link);
      await settle(fresh);
      const start = pick(r, [
        '#dataset=synthetic-32',
        '#dataset=synthetic-32&snapshot=none',
        '#dataset=synthetic-32&mode=sparsity&sparsity=0.7&tour=4',
      ]);
      const open = lab(start);
      await settle(open);
      randomActions(r, open.c, open.tick);
      await settle(open);
      open.c.openUrl('', link);
      open.tick();
      await settle(open);
      expect(outcome(open.c), `${start}, then ${link}`).toEqual(outcome(fresh.c));
    }
  }, 60_000);

  it("the same snapshot: the link's settings as a new tab has them (its training settings, its opening sparsity), not the page's", async () => {
    serve();
    const open = lab('#dataset=synthetic-32');
    await settle(open);
    open.c.updateSettings({ epochs: 9 });
    open.c.updateSettings({ mode: 'threshold', threshold: 0.002 });
    open.c.openUrl('', '#dataset=synthetic-32&criterion=taylor');
    const s = open.c.store.getState();
    // The snapshot's 2 epochs (not the form's 9 or the default 5); half the weights pruned, as on a first visit.
    expect([
      s.origin?.kind,
      s.settings.epochs,
      s.settings.batchSize,
      s.settings.mode,
      s.settings.sparsity,
      s.settings.criterion,
    ]).toEqual(['snapshot', 2, 64, 'sparsity', 0.5, 'taylor']);
    expect(s.pruning.view!.criterion).toBe('taylor'); // evaluated on the network already there
  });
});

describe('links pasted into the open tab', () => {
  const en = (m: Msg | null | undefined) => m && translate('en', m.key, m.params);
  const layers = scoredLayers();
  /** Until the snapshot has opened or failed (fetch, gunzip and decode are asynchronous; slow under load). */
  const opened = (c: { store: { getState(): { openingSnapshot: unknown } } }) =>
    vi.waitFor(() => expect(c.store.getState().openingSnapshot).toBeNull(), { timeout: 10_000, interval: 5 });
  const serveSnapshot = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(gzipSync(encodeSnapshot(makeSnapshot())))),
    );

  it('on a snapshot, a link for the same one only changes the settings; snapshot=none empties the lab', async () => {
    serveSnapshot();
    const { c, ev } = controllerOnFakes('#dataset=synthetic-32');
    await opened(c);
    ev.reply(loadedMessage(ev.sent[0].id, layers));
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
    const { c, t } = controllerOnFakes('#dataset=synthetic-32&snapshot=none');
    t.reply({ type: 'ready', backend });
    c.train();
    const runId = c.store.getState().runId;
    t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 1, ...syntheticSplit() } });
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
