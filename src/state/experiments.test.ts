// SNIP and the lottery-ticket search as the page drives them, with a fake training worker: which jobs
// it sends (weights, masks, epochs, learning rate), in which order, and what reaches the chart's log.
import { describe, expect, it } from 'vitest';
import { layerShapes, type LayerParams } from '../core/arch';
import { initParams } from '../core/init';
import type { FinetuneJob, ToWorker } from '../train/protocol';
import { createController } from './controller';
import { backend, fakeEval, fakeTraining } from './testPorts';

const layers = layerShapes(32).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i * 1.3 + s.units)),
  bias: new Float32Array(s.units),
  gradAbsMean: new Float32Array(s.inputs * s.units),
  gradSqMean: new Float32Array(s.inputs * s.units),
}));
const order = Array.from({ length: 10000 }, (_, i) => (i * 7919) % 10000);
const N = layers.reduce((a, l) => a + l.inputs * l.units, 0); // 4,416 kernel weights
const m = { trainLoss: 1, trainAcc: 0.5, valLoss: 1, valAcc: 0.5 };

/** A controller whose run (synthetic-32, seed 4, 3 epochs, lr 0.01) has finished. */
function finished() {
  const t = fakeTraining();
  const c = createController({ search: '', hash: '#dataset=synthetic-32&seed=4&epochs=3&lr=0.01&snapshot=none', dataUrl: 'http://x/m.gz', snapshotUrl: () => 'http://x/s', writeHash: () => {}, ports: { training: () => t.port, evaluation: fakeEval().port, curves: fakeEval().port } });
  t.reply({ type: 'ready', backend });
  c.train();
  const runId = c.store.getState().runId;
  t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 4, trainIndices: Uint32Array.from(order.slice(0, 8000)), valIndices: Uint32Array.from(order.slice(8000)) } });
  t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
  return { c, t };
}
const lastJob = (sent: ToWorker[]) => sent.at(-1) as Extract<ToWorker, { type: 'finetune' }>;
/** The worker's answer to the last job: `out` as the trained weights, `acc` as the validation accuracy. */
const answer = (t: ReturnType<typeof fakeTraining>, out: LayerParams[], acc: number) =>
  t.reply({ type: 'finetune-done', runId: lastJob(t.sent).runId, result: { before: m, after: { ...m, valAcc: acc }, layers: out, maskViolations: 0, seconds: 1 } });
const tick = () => new Promise((r) => setTimeout(r, 0));
const pruned = (masks: Uint8Array[]) => masks.map((x) => x.length - x.reduce((a, v) => a + v, 0));
const scaled = (ls: LayerParams[], f: (w: number, i: number) => number) => ls.map((l) => ({ ...l, kernel: l.kernel.map(f) }));

describe('SNIP at initialisation', () => {
  it('asks for one batch’s gradients at the initial weights, trains that mask from them, then the shuffled one', async () => {
    const { c, t } = finished();
    const done = c.snip(0.8);
    const init = initParams(32, 4);
    const ask = t.sent.at(-1) as Extract<ToWorker, { type: 'init-grads' }>;
    expect(ask.type).toBe('init-grads');
    expect(ask.job.layers.map((l) => Array.from(l.kernel))).toEqual(init.map((l) => Array.from(l.kernel)));
    t.reply({ type: 'init-grads-done', runId: ask.runId, gradAbs: init.map((l) => l.kernel.map((_, i) => (i % 11) + 1)) });
    await tick();
    const first = lastJob(t.sent).job as FinetuneJob;
    expect({ type: lastJob(t.sent).type, epochs: first.epochs, lr: first.learningRate }).toEqual({ type: 'finetune', epochs: 3, lr: 0.01 });
    expect(first.layers.map((l) => Array.from(l.kernel))).toEqual(init.map((l) => Array.from(l.kernel)));
    expect(pruned(first.masks).reduce((a, b) => a + b, 0)).toBe(Math.floor(0.8 * N));
    answer(t, init, 0.6);
    await tick();
    const second = lastJob(t.sent).job;
    expect(pruned(second.masks)).toEqual(pruned(first.masks)); // same count per layer…
    expect(second.masks.map((x) => Array.from(x))).not.toEqual(first.masks.map((x) => Array.from(x))); // …other weights
    answer(t, init, 0.55);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.afterValAcc])).toEqual([['snip', 0.6], ['snip-shuffled', 0.55]]);
    expect(e.series).toMatchObject({ kind: 'snip', status: 'done' });
  });
});

describe('lottery tickets', () => {
  it('rewinds, prunes by magnitude in nested rounds, retrains from the rewound weights and from a fresh init', async () => {
    const { c, t } = finished();
    const done = c.lottery({ rounds: 2, rate: 0.5, rewind: 1, epochs: 2 });
    const init = initParams(32, 4);
    const rewind = lastJob(t.sent).job;
    expect([rewind.epochs, rewind.learningRate, pruned(rewind.masks).every((p) => p === 0)]).toEqual([1, 0.01, true]);
    expect(rewind.layers[0].kernel).toEqual(init[0].kernel);
    const rewound = scaled(init, (w) => w * 2);
    answer(t, rewound, 0.5);
    await tick();
    const jobs: FinetuneJob[] = [];
    const trained = [scaled(layers, (_, i) => Math.cos(i)), scaled(layers, (_, i) => Math.sin(i * 0.7))];
    for (let r = 0; r < 2; r++) {
      const ticket = lastJob(t.sent).job;
      expect(ticket.layers[1].kernel).toEqual(rewound[1].kernel);
      expect(ticket.epochs).toBe(2);
      answer(t, trained[r], 0.7 - r / 10);
      await tick();
      const reinit = lastJob(t.sent).job;
      expect(reinit.masks).toEqual(ticket.masks);
      expect(reinit.layers[0].kernel).not.toEqual(init[0].kernel);
      answer(t, init, 0.4);
      await tick();
      jobs.push(ticket);
    }
    await done;
    // Round 1: magnitude of the run's own trained weights, 50 %; round 2: of round 1's, 75 %, nested.
    const kept = (ls: LayerParams[], masks: Uint8Array[]) => Math.min(...ls.flatMap((l, k) => Array.from(l.kernel).filter((_, i) => masks[k][i]).map(Math.abs)));
    const firstCut = kept(layers, jobs[0].masks);
    layers.forEach((l, k) => l.kernel.forEach((w, i) => jobs[0].masks[k][i] === 0 && expect(Math.abs(w)).toBeLessThanOrEqual(firstCut)));
    expect(pruned(jobs[0].masks).reduce((a, b) => a + b, 0)).toBe(N / 2);
    expect(pruned(jobs[1].masks).reduce((a, b) => a + b, 0)).toBe(0.75 * N);
    jobs[1].masks.forEach((mk, k) => mk.forEach((v, i) => jobs[0].masks[k][i] === 0 && expect(v).toBe(0)));
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => r.kind)).toEqual(['ticket', 'reinit', 'ticket', 'reinit']);
    expect(e.series).toMatchObject({ kind: 'lottery', status: 'done', step: 5, total: 5 });
  });

  it('cancelling stops the series: no further job, the series marked cancelled', async () => {
    const { c, t } = finished();
    void c.lottery({ rounds: 3, rate: 0.5, rewind: 0, epochs: 1 });
    const sent = t.sent.length;
    c.cancelFinetune();
    await tick();
    expect(t.sent.at(-1)).toMatchObject({ type: 'cancel' });
    expect(t.sent.length).toBe(sent + 1);
    expect(c.store.getState().experiments.series).toMatchObject({ kind: 'lottery', status: 'cancelled' });
  });
});

describe('gradual pruning', () => {
  it('trains from the initial weights with the schedule; its mask updates reach the state; the end point is logged', async () => {
    const { c, t } = finished();
    const schedule = { initial: 0, final: 0.8, begin: 10, end: 200, frequency: 10, power: 3 };
    c.gradual(schedule);
    const job = t.sent.at(-1) as Extract<ToWorker, { type: 'gradual' }>;
    expect(job.type).toBe('gradual');
    expect(job.job.schedule).toEqual(schedule);
    expect(job.job.layers[2].kernel).toEqual(initParams(32, 4)[2].kernel);
    expect(c.store.getState().experiments.gradual).toMatchObject({ totalSteps: 3 * 250, step: -1, masks: null });
    const masks = layers.map((l) => new Uint8Array(l.inputs * l.units));
    t.reply({ type: 'gradual-masks', runId: job.runId, step: 10, sparsity: 0.2, masks });
    t.reply({ type: 'gradual-masks', runId: job.runId - 1, step: 20, sparsity: 0.3, masks }); // an older job's: dropped
    expect(c.store.getState().experiments.gradual).toMatchObject({ step: 10, sparsity: 0.2, masks });
    t.reply({ type: 'finetune-done', runId: job.runId, result: { before: m, after: { ...m, valAcc: 0.66 }, layers, maskViolations: 0, seconds: 1 } });
    await tick();
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.sparsity, r.afterValAcc])).toEqual([['gradual', 0.8, 0.66]]);
    expect(e.series).toMatchObject({ kind: 'gradual', status: 'done' });
  });
});

describe('movement pruning', () => {
  it('fine-tunes for the scores, prunes the lowest −Σw·g at the scope setting, fine-tunes that mask from the moved weights', async () => {
    const { c, t } = finished();
    c.updateSettings({ scope: 'per-layer' });
    const done = c.movement(0.5);
    const ask = t.sent.at(-1) as Extract<ToWorker, { type: 'movement' }>;
    expect(ask.type).toBe('movement');
    expect([ask.job.epochs, ask.job.learningRate]).toEqual([2, 0.001]); // a fine-tune: 2 epochs at a tenth of 0.01
    const moved = scaled(layers, (w) => w * 0.5);
    const scores = layers.map((l) => Float32Array.from({ length: l.inputs * l.units }, (_, i) => i)); // row-major order: the first half goes
    t.reply({ type: 'movement-done', runId: ask.runId, scores, layers: moved });
    await tick();
    const job = lastJob(t.sent).job;
    expect(job.layers[0].kernel).toEqual(moved[0].kernel);
    job.masks.forEach((mk) => mk.forEach((v, i) => expect(v).toBe(i < Math.floor(0.5 * mk.length) ? 0 : 1))); // per layer: half of each
    answer(t, moved, 0.62);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.criterion, r.afterValAcc])).toEqual([['movement', 'movement', 0.62]]);
    expect(e.series).toMatchObject({ kind: 'movement', status: 'done' });
  });
});
