// Movement pruning as the page drives it, with a fake training worker.
import { describe, expect, it } from 'vitest';
import type { LayerParams } from '../../core/base';
import { answerFinetune, finishedRun, lastJob, syntheticLayers, tick } from '../testPorts';

const layers = syntheticLayers();
/** A controller whose run (synthetic-32, seed 4, 3 epochs, lr 0.01) has finished. */
const finished = () => finishedRun(layers);
/** The last job sent, as a fine-tune job. */
const lastFinetune = (t: ReturnType<typeof finishedRun>['t']) => {
  const { job } = lastJob(t.sent);
  if (job.kind !== 'finetune') throw new Error(`the last job is ${job.kind}`);
  return job;
};
const answer = answerFinetune;
const scaled = (ls: LayerParams[], f: (w: number, i: number) => number) =>
  ls.map((l) => ({ ...l, kernel: l.kernel.map(f) }));

describe('movement pruning', () => {
  it('fine-tunes for the scores, prunes the lowest −Σw·g at the scope setting, fine-tunes that mask from the moved weights', async () => {
    const { c, t } = finished();
    c.updateSettings({ scope: 'per-layer' });
    const done = c.movement(0.5);
    const ask = lastJob(t.sent);
    if (ask.job.kind !== 'movement') throw new Error(ask.job.kind);
    expect([ask.job.epochs, ask.job.learningRate]).toEqual([2, 0.001]); // a fine-tune: 2 epochs at a tenth of 0.01
    const moved = scaled(layers, (w) => w * 0.5);
    const scores = layers.map((l) => Float32Array.from({ length: l.inputs * l.units }, (_, i) => i)); // row-major order: the first half goes
    t.reply({ type: 'job-done', runId: ask.runId, kind: 'movement', result: { scores, layers: moved } });
    await tick();
    const job = lastFinetune(t);
    expect(job.layers[0].kernel).toEqual(moved[0].kernel);
    job.masks.forEach((mk) => mk.forEach((v, i) => expect(v).toBe(i < Math.floor(0.5 * mk.length) ? 0 : 1))); // per layer: half of each
    answer(t, moved, 0.62);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.criterion, r.afterValAcc])).toEqual([['movement', 'movement', 0.62]]);
    expect(e.series).toMatchObject({ kind: 'movement', status: 'done' });
  });
});
