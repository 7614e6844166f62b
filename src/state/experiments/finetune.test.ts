// One fine-tune and the fine-tune curve as the page drives them, with a fake training worker: the job
// each sends, what reaches the bar and the chart's log, and how a failure, a crash or a cancel ends them.
import { describe, expect, it } from 'vitest';
import { CURVE_SPARSITIES } from '../store';
import { answerFinetune, finishedRun, lastJob, syntheticLayers, tick } from '../testPorts';

const layers = syntheticLayers();
const kept = (masks: Uint8Array[]) => masks.reduce((a, m) => a + m.reduce((b, v) => b + v, 0), 0);
const N = layers.reduce((a, l) => a + l.inputs * l.units, 0);
const progress = {
  stage: 'training' as const,
  epoch: 1,
  epochs: 2,
  batch: 5,
  batchesPerEpoch: 250,
  samplesPerSec: 1e3,
  etaSec: 3,
  fraction: 0.25,
};

describe('one fine-tune', () => {
  it('fine-tunes the trained weights under the mask for 2 epochs at a tenth of the rate; its progress and result are shown', async () => {
    const { c, t } = finishedRun(layers);
    const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, (_, i) => (i % 4 === 0 ? 0 : 1)));
    const done = c.finetune(masks, { criterion: 'magnitude' });
    const { runId, job } = lastJob(t.sent);
    if (job.kind !== 'finetune') throw new Error(job.kind);
    expect([job.epochs, job.learningRate, job.masked, job.layers[1].kernel]).toEqual([
      2,
      0.001,
      true,
      layers[1].kernel,
    ]);
    expect(c.store.getState().experiments.finetune).toMatchObject({
      status: 'running',
      kind: 'one-shot',
      criterion: 'magnitude',
    });
    expect(c.store.getState().experiments.finetune?.sparsity).toBeCloseTo(1 - kept(masks) / N, 12);
    t.reply({ type: 'job-progress', runId, kind: 'finetune', progress });
    expect(c.store.getState().experiments.finetune?.progress).toEqual(progress);
    answerFinetune(t, layers, 0.8);
    await done;
    const e = c.store.getState().experiments;
    expect([e.finetune?.status, e.finetune?.result?.after.valAcc]).toEqual(['done', 0.8]);
    expect(e.log.map((r) => [r.kind, r.criterion, r.afterValAcc])).toEqual([['one-shot', 'magnitude', 0.8]]);
  });

  it("shows the worker's words when the job fails, and logs nothing", async () => {
    const { c, t } = finishedRun(layers);
    const done = c.finetune(layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1)));
    t.reply({ type: 'error', runId: lastJob(t.sent).runId, message: 'out of memory' });
    await done;
    const e = c.store.getState().experiments;
    expect([e.finetune?.status, e.finetune?.error, e.log]).toEqual(['error', 'out of memory', []]);
  });

  it('does nothing without a trained network', async () => {
    const { c, t } = finishedRun(layers);
    c.reset();
    const sent = t.sent.length;
    await c.finetune([]);
    expect(t.sent.length).toBe(sent);
  });
});

describe('the fine-tune curve', () => {
  it('prunes and fine-tunes at each level in turn; the series ends done with every point logged', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.finetuneCurve('magnitude');
    for (let k = 0; k < CURVE_SPARSITIES.length; k++) {
      const { job } = lastJob(t.sent);
      if (job.kind !== 'finetune') throw new Error(job.kind);
      expect(N - kept(job.masks)).toBe(Math.floor(CURVE_SPARSITIES[k] * N)); // the largest count not above the level
      expect(c.store.getState().experiments.series).toMatchObject({ kind: 'curve', status: 'running', step: k });
      answerFinetune(t, layers, 0.9 - k / 10);
      await tick();
    }
    await done;
    const e = c.store.getState().experiments;
    expect(e.log.map((r) => r.afterValAcc)).toEqual(CURVE_SPARSITIES.map((_, k) => 0.9 - k / 10));
    expect(e.series).toMatchObject({ status: 'done', step: 5, total: 5 });
  });

  it('a worker crash ends the curve with an error and no further job; the new worker gets none', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.finetuneCurve('gradient');
    answerFinetune(t, layers, 0.7);
    await tick();
    const jobs = t.sent.filter((m) => m.type === 'job').length;
    t.port.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    await done;
    const e = c.store.getState().experiments;
    expect([e.finetune?.status, e.series?.status, e.series?.step, e.log.length]).toEqual(['error', 'error', 1, 1]);
    expect(e.finetune?.error).toContain('boom');
    expect(t.sent.filter((m) => m.type === 'job').length).toBe(jobs);
  });

  it('cancelling stops the job in the worker; its late answer changes nothing', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.finetuneCurve('magnitude');
    const { runId } = lastJob(t.sent);
    c.cancelJob();
    expect(t.sent.at(-1)).toEqual({ type: 'cancel', runId });
    answerFinetune(t, layers, 0.5);
    await done;
    const e = c.store.getState().experiments;
    expect([e.finetune, e.series?.status, e.log]).toEqual([null, 'cancelled', []]);
  });

  it('a new run supersedes it: nothing of the curve is left', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.finetuneCurve('magnitude');
    c.train();
    await done;
    const e = c.store.getState().experiments;
    expect([e.finetune, e.series, e.log]).toEqual([null, null, []]);
    expect(t.sent.filter((m) => m.type === 'job')).toHaveLength(1);
  });
});
