/**
 * The source article's code on this network: its gradient and pruning steps as written, and its
 * fine-tune (no mask) beside the lab's (mask held) from the same masks.
 */
import { finetuneJob, shownFinetune } from './finetune';
import type { Lab } from './lab';

export interface ArticleExperiments {
  /** The source article's gradient and pruning steps on this network, at threshold `t`. */
  articleCode(t: number): Promise<void>;
  /** The article's fine-tune (no mask) of `masks`, then the lab's (mask held), one after the other. */
  articleFinetune(masks: Uint8Array[]): Promise<void>;
}

export function createArticle(lab: Lab): ArticleExperiments {
  return {
    async articleCode(t) {
      const x = lab.begin();
      if (!x) return;
      const job = { kind: 'article-code' as const, data: x.net.data, layers: x.net.layers, t };
      const code = await x.job(job, { shown: { kind: 'article', criterion: 'gradient', sparsity: 0 } });
      if (code) x.update((e) => ({ ...e, article: { ...e.article, code } }));
    },
    async articleFinetune(masks) {
      const x = lab.begin();
      if (!x) return;
      x.update((e) => ({ ...e, article: { ...e.article, unmasked: null, masked: null, sparsity: null } }));
      // The unmasked result becomes the article's as the job ends (`jobDone`).
      const unmasked = { kind: 'unmasked' as const, masked: false };
      if (!(await x.job(finetuneJob(x.net, masks, unmasked), { shown: shownFinetune(x.net, masks, unmasked) }))) return;
      const masked = await x.job(finetuneJob(x.net, masks), { shown: shownFinetune(x.net, masks) });
      if (masked) x.update((e) => ({ ...e, article: { ...e.article, masked } }));
    },
  };
}
