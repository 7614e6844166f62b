// The source article's code and its fine-tune as the page drives them, with a fake training worker.
import { describe, expect, it } from 'vitest';
import { answerFinetune, finishedRun, lastJob, metrics, syntheticLayers } from '../testPorts';

const layers = syntheticLayers();

describe("the article's code", () => {
  it('runs at T on the trained weights; its result is shown apart from the log', async () => {
    const { c, t } = finishedRun(layers);
    const done = c.articleCode(1e-5);
    const { runId, job } = lastJob(t.sent);
    if (job.kind !== 'article-code') throw new Error(job.kind);
    expect([job.t, job.layers[2].bias]).toEqual([1e-5, layers[2].bias]);
    const result = {
      articleMaxAbs: [1e-7],
      lossMaxAbs: [1e-2],
      belowT: 4416,
      parameters: 4500,
      changed: 0,
      before: metrics(),
      after: metrics(),
    };
    t.reply({ type: 'job-done', runId, kind: 'article-code', result });
    await done;
    const e = c.store.getState().experiments;
    expect([e.article.code, e.finetune?.status, e.log]).toEqual([result, 'done', []]);
  });

  it("fine-tunes as the article does (no mask), then as the lab does; both are shown, only the lab's is logged", async () => {
    const { c, t } = finishedRun(layers);
    const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, (_, i) => i % 2));
    const done = c.articleFinetune(masks);
    const first = lastJob(t.sent).job;
    expect(first).toMatchObject({ kind: 'finetune', masked: false });
    answerFinetune(t, layers, 0.6);
    await new Promise((r) => setTimeout(r, 0));
    expect(lastJob(t.sent).job).toMatchObject({ kind: 'finetune', masked: true });
    answerFinetune(t, layers, 0.7);
    await done;
    const a = c.store.getState().experiments.article;
    expect([a.unmasked?.after.valAcc, a.masked?.after.valAcc, a.sparsity]).toEqual([0.6, 0.7, 0.5]);
    expect(c.store.getState().experiments.log.map((r) => r.kind)).toEqual(['one-shot']);
  });
});
