// Gradual pruning as the page drives it, with a fake training worker.
import { describe, expect, it } from 'vitest';
import { initParams } from '../../core/base';
import { answerFinetune, finishedRun, lastJob, syntheticLayers } from '../testPorts';

const layers = syntheticLayers();
/** A controller whose run (synthetic-32, seed 4, 3 epochs, lr 0.01) has finished. */
const finished = () => finishedRun(layers);
const answer = answerFinetune;

describe('gradual pruning', () => {
  it('trains from the initial weights with the schedule; its mask updates reach the state; the end point is logged', async () => {
    const { c, t } = finished();
    const schedule = { initial: 0, final: 0.8, begin: 10, end: 200, frequency: 10, power: 3 };
    const done = c.gradual(schedule);
    const job = lastJob(t.sent);
    if (job.job.kind !== 'gradual') throw new Error(job.job.kind);
    expect(job.job.schedule).toEqual(schedule);
    expect(job.job.layers[2].kernel).toEqual(initParams(32, 4)[2].kernel);
    expect(c.store.getState().experiments.gradual).toMatchObject({ totalSteps: 3 * 250, step: -1, masks: null });
    const masks = layers.map((l) => new Uint8Array(l.inputs * l.units));
    const progress = {
      stage: 'training' as const,
      epoch: 1,
      epochs: 3,
      batch: 20,
      batchesPerEpoch: 250,
      samplesPerSec: 1e3,
      etaSec: 9,
      fraction: 0.1,
    };
    t.reply({ type: 'job-progress', runId: job.runId, kind: 'gradual', progress: { training: progress } });
    t.reply({
      type: 'job-progress',
      runId: job.runId,
      kind: 'gradual',
      progress: { masks: { step: 10, sparsity: 0.2, masks } },
    });
    // An older run's: dropped.
    t.reply({
      type: 'job-progress',
      runId: job.runId - 1,
      kind: 'gradual',
      progress: { masks: { step: 20, sparsity: 0.3, masks } },
    });
    expect(c.store.getState().experiments.gradual).toMatchObject({ step: 10, sparsity: 0.2, masks });
    expect(c.store.getState().experiments.finetune?.progress).toEqual(progress);
    answer(t, layers, 0.66);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.sparsity, r.afterValAcc])).toEqual([['gradual', 0.8, 0.66]]);
    expect(e.series).toMatchObject({ kind: 'gradual', status: 'done' });
  });
});
