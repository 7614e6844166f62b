import { describe, expect, it } from 'vitest';
import type { ArticleCodeResult, FinetuneResult } from '../../train/jobs';
import { jobDone, initialExperiments, startFinetune } from './experimentsState';

const metrics = { trainLoss: 1, trainAcc: 0.5, valLoss: 1, valAcc: 0.4 };
const result = (maskViolations: number): FinetuneResult => ({
  before: metrics,
  after: { ...metrics, valAcc: 0.6 },
  layers: [],
  maskViolations,
  seconds: 1,
});
const code: ArticleCodeResult = {
  articleMaxAbs: [1e-6],
  lossMaxAbs: [1e-2],
  belowT: 10,
  parameters: 10,
  changed: 0,
  before: metrics,
  after: metrics,
};

describe('experiments slice: the article runs', () => {
  it("keeps the article's results apart from the chart's log; a masked fine-tune is logged", () => {
    let s = startFinetune(initialExperiments(), { jobId: 4, kind: 'article', criterion: 'gradient', sparsity: 0 });
    s = jobDone({ ...s, article: { ...s.article, code } }, 4);
    expect([s.finetune!.status, s.article.code, s.log]).toEqual(['done', code, []]);

    s = startFinetune(s, { jobId: 5, kind: 'unmasked', criterion: 'gradient', sparsity: 0.8 });
    s = jobDone(s, 5, result(3200));
    expect([s.article.unmasked!.maskViolations, s.article.sparsity, s.log]).toEqual([3200, 0.8, []]);
    expect(s.article.code).toBe(code);

    s = startFinetune(s, { jobId: 6, kind: 'one-shot', criterion: 'gradient', sparsity: 0.8 });
    s = jobDone(s, 6, result(0));
    expect(s.log).toHaveLength(1);
    expect(s.article.unmasked!.maskViolations).toBe(3200);
    // Another job's end, or this one's again, changes nothing.
    expect(jobDone(s, 4)).toBe(s);
    expect(jobDone(s, 6, result(1))).toBe(s);
  });
});
