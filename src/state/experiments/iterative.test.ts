// Iterative pruning as the page drives it, with a fake training worker: one job, its result logged.
import { describe, expect, it } from 'vitest';
import { answerFinetune, finishedRun, lastJob, syntheticLayers } from '../testPorts';

const layers = syntheticLayers();

describe('iterative pruning', () => {
  it('sends one job of 3 steps of one epoch at a tenth of the rate; its result is logged and the series done', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.iterative('lamp', 0.9);
    const { job } = lastJob(t.sent);
    if (job.kind !== 'iterative') throw new Error(job.kind);
    expect([job.criterion, job.target, job.steps, job.epochsPerStep, job.learningRate]).toEqual([
      'lamp',
      0.9,
      3,
      1,
      0.001,
    ]);
    expect(job.layers[0].kernel).toEqual(layers[0].kernel);
    expect(c.store.getState().experiments.series).toMatchObject({ kind: 'iterative', status: 'running' });
    answerFinetune(t, layers, 0.75);
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => [r.kind, r.criterion, r.sparsity, r.afterValAcc])).toEqual([
      ['iterative', 'lamp', 0.9, 0.75],
    ]);
    expect(e.series).toMatchObject({ status: 'done', step: 1 });
  });
});
