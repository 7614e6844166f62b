/**
 * Movement pruning (Sanh et al. 2020): a fine-tune that accumulates −Σ w·g, then the lowest scores
 * pruned to `sparsity` at the scope setting, then that mask fine-tuned from the moved weights.
 */
import { buildPruneIndex, computeMasks } from '../../core/prune';
import { FINETUNE_EPOCHS, FINETUNE_LR_FACTOR } from '../store';
import { finetuneJob, shownFinetune } from './finetune';
import type { Lab } from './lab';

export interface MovementExperiment {
  /** Fine-tune accumulating −Σ w·g, prune to `sparsity` by it (the scope setting's), fine-tune with the mask. */
  movement(sparsity: number): Promise<void>;
}

export function createMovement(lab: Lab): MovementExperiment {
  return {
    async movement(sparsity) {
      const x = lab.begin();
      if (!x) return;
      const { config, data, layers, settings } = x.net;
      x.series({ kind: 'movement', criterion: 'magnitude', status: 'running', step: 0, total: 2 });
      const learningRate = config.learningRate * FINETUNE_LR_FACTOR;
      const job = { kind: 'movement' as const, config, data, layers, epochs: FINETUNE_EPOCHS, learningRate };
      const moved = await x.job(job, { shown: { kind: 'movement-scores', criterion: 'movement', sparsity: 0 } });
      if (!moved) return;
      const spec = {
        mode: 'sparsity' as const,
        value: sparsity,
        scope: settings.scope,
        granularity: 'weights' as const,
      };
      const masks = computeMasks(buildPruneIndex(moved.scores, moved.layers, 'weights'), spec).masks;
      x.series({ kind: 'movement', criterion: 'magnitude', status: 'running', step: 1, total: 2 });
      const o = { kind: 'movement' as const, criterion: 'movement', layers: moved.layers };
      if (await x.job(finetuneJob(x.net, masks, o), { shown: shownFinetune(x.net, masks, o) })) x.end(true);
    },
  };
}
