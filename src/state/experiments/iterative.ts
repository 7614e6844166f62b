/** Iterative pruning (Han et al. 2015): one worker job that prunes to `target` in steps, fine-tuning after each. */
import type { Criterion } from '../../core/prune';
import { FINETUNE_LR_FACTOR, ITERATIVE_EPOCHS_PER_STEP, ITERATIVE_STEPS } from '../store';
import type { Lab } from './lab';

export interface IterativeExperiment {
  /** Iterative pruning to `target` (global, weights). */
  iterative(criterion: Criterion, target: number): Promise<void>;
}

export function createIterative(lab: Lab): IterativeExperiment {
  return {
    async iterative(criterion, target) {
      const x = lab.begin();
      if (!x) return;
      const { config, data, layers } = x.net;
      x.series({ kind: 'iterative', criterion, status: 'running', step: 0, total: 1 });
      const job = {
        kind: 'iterative' as const,
        config,
        data,
        layers,
        criterion,
        target,
        steps: ITERATIVE_STEPS,
        epochsPerStep: ITERATIVE_EPOCHS_PER_STEP,
        learningRate: config.learningRate * FINETUNE_LR_FACTOR,
      };
      if (await x.job(job, { shown: { kind: 'iterative', criterion, sparsity: target } })) x.end(true);
    },
  };
}
