// SNIP and the lottery-ticket search as the page drives them, with a fake training worker: which jobs
// it sends (weights, masks, epochs, learning rate), in which order, and what reaches the chart's log.
import { describe, expect, it } from 'vitest';
import { type LayerParams, initParams } from '../../core/base';
import type { JobOf } from '../../train/jobs';
import { answerFinetune, finishedRun, lastJob, syntheticLayers, tick } from '../testPorts';

const layers = syntheticLayers();
const N = layers.reduce((a, l) => a + l.inputs * l.units, 0); // 4,416 kernel weights
/** A controller whose run (synthetic-32, seed 4, 3 epochs, lr 0.01) has finished. */
const finished = () => finishedRun(layers);
/** The last job sent, as a fine-tune job. */
const lastFinetune = (t: ReturnType<typeof finishedRun>['t']) => {
  const { job } = lastJob(t.sent);
  if (job.kind !== 'finetune') throw new Error(`the last job is ${job.kind}`);
  return job;
};
const answer = answerFinetune;
const pruned = (masks: Uint8Array[]) => masks.map((x) => x.length - x.reduce((a, v) => a + v, 0));
const scaled = (ls: LayerParams[], f: (w: number, i: number) => number) =>
  ls.map((l) => ({ ...l, kernel: l.kernel.map(f) }));

describe('SNIP at initialisation', () => {
  it('asks for one batch’s gradients at the initial weights, trains that mask from them, then the shuffled one', async () => {
    const { c, t } = finished();
    const done = c.snip(0.8);
    const init = initParams(32, 4);
    const ask = lastJob(t.sent);
    expect(ask.job.kind).toBe('init-grads');
    expect(ask.job.layers.map((l) => Array.from(l.kernel))).toEqual(init.map((l) => Array.from(l.kernel)));
    t.reply({
      type: 'job-done',
      runId: ask.runId,
      kind: 'init-grads',
      result: { gradAbs: init.map((l) => l.kernel.map((_, i) => (i % 11) + 1)) },
    });
    await tick();
    const first = lastFinetune(t);
    expect({ epochs: first.epochs, lr: first.learningRate }).toEqual({ epochs: 3, lr: 0.01 });
    expect(first.layers.map((l) => Array.from(l.kernel))).toEqual(init.map((l) => Array.from(l.kernel)));
    expect(pruned(first.masks).reduce((a, b) => a + b, 0)).toBe(Math.floor(0.8 * N));
    answer(t, init, 0.6);
    await tick();
    const second = lastFinetune(t);
    expect(pruned(second.masks)).toEqual(pruned(first.masks)); // same count per layer…
    expect(second.masks.map((x) => Array.from(x))).not.toEqual(first.masks.map((x) => Array.from(x))); // …other weights
    answer(t, init, 0.55);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.afterValAcc])).toEqual([
      ['snip', 0.6],
      ['snip-shuffled', 0.55],
    ]);
    expect(e.series).toMatchObject({ kind: 'snip', status: 'done' });
  });
});

describe('lottery tickets', () => {
  it('rewinds, prunes by magnitude in nested rounds, retrains from the rewound weights and from a fresh init', async () => {
    const { c, t } = finished();
    const done = c.lottery({ rounds: 2, rate: 0.5, rewind: 1, epochs: 2 });
    const init = initParams(32, 4);
    const rewind = lastFinetune(t);
    expect([rewind.epochs, rewind.learningRate, pruned(rewind.masks).every((p) => p === 0)]).toEqual([1, 0.01, true]);
    expect(rewind.layers[0].kernel).toEqual(init[0].kernel);
    const rewound = scaled(init, (w) => w * 2);
    answer(t, rewound, 0.5);
    await tick();
    const jobs: JobOf<'finetune'>[] = [];
    const trained = [scaled(layers, (_, i) => Math.cos(i)), scaled(layers, (_, i) => Math.sin(i * 0.7))];
    for (let r = 0; r < 2; r++) {
      const ticket = lastFinetune(t);
      expect(ticket.layers[1].kernel).toEqual(rewound[1].kernel);
      expect(ticket.epochs).toBe(2);
      answer(t, trained[r], 0.7 - r / 10);
      await tick();
      const reinit = lastFinetune(t);
      expect(reinit.masks).toEqual(ticket.masks);
      expect(reinit.layers[0].kernel).not.toEqual(init[0].kernel);
      answer(t, init, 0.4);
      await tick();
      jobs.push(ticket);
    }
    await done;
    // Round 1: magnitude of the run's own trained weights, 50 %; round 2: of round 1's, 75 %, nested.
    const kept = (ls: LayerParams[], masks: Uint8Array[]) =>
      Math.min(
        ...ls.flatMap((l, k) =>
          Array.from(l.kernel)
            .filter((_, i) => masks[k][i])
            .map(Math.abs),
        ),
      );
    const firstCut = kept(layers, jobs[0].masks);
    layers.forEach((l, k) =>
      l.kernel.forEach((w, i) => jobs[0].masks[k][i] === 0 && expect(Math.abs(w)).toBeLessThanOrEqual(firstCut)),
    );
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
    c.cancelJob();
    await tick();
    expect(t.sent.at(-1)).toMatchObject({ type: 'cancel' });
    expect(t.sent.length).toBe(sent + 1);
    expect(c.store.getState().experiments.series).toMatchObject({ kind: 'lottery', status: 'cancelled' });
  });
});
