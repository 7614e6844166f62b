/**
 * Fine-tuning: one fine-tune of a mask, and a fine-tune curve (prune → fine-tune at each of
 * CURVE_SPARSITIES for one criterion, one job after another). `finetuneJob` is the fine-tune job the
 * other experiments (tickets, movement, the article's) run too.
 */
import type { LayerParams } from '../../core/base';
import type { Criterion } from '../../core/prune';
import type { JobOf } from '../../train/jobs';
import { CURVE_SPARSITIES, FINETUNE_EPOCHS, FINETUNE_LR_FACTOR, type FinetuneKind } from '../store';
import { networkMasks, sparsityOf, type Lab, type Network } from './lab';

export interface FinetuneOptions {
  /** Default FINETUNE_EPOCHS. */
  epochs?: number;
  /** Of the run's learning rate; default FINETUNE_LR_FACTOR. */
  learningRateFactor?: number;
  kind?: FinetuneKind;
  criterion?: string;
  /** The weights to start from; default the trained network's. */
  layers?: LayerParams[];
  /** false: the article's fine-tune, without holding the mask. */
  masked?: boolean;
}

/** The fine-tune job of `masks` on the network (kernels and masks row-major `[inputs, units]`, 1 = kept). */
export function finetuneJob(net: Network, masks: Uint8Array[], o: FinetuneOptions = {}): JobOf<'finetune'> {
  return {
    kind: 'finetune',
    masked: o.masked ?? true,
    config: net.config,
    data: net.data,
    epochs: o.epochs ?? FINETUNE_EPOCHS,
    learningRate: net.config.learningRate * (o.learningRateFactor ?? FINETUNE_LR_FACTOR),
    layers: o.layers ?? net.layers,
    masks,
  };
}

/** How a fine-tune of `masks` shows while it runs. */
export const shownFinetune = (net: Network, masks: Uint8Array[], o: FinetuneOptions = {}) => ({
  kind: o.kind ?? 'one-shot',
  criterion: o.criterion ?? net.settings.criterion,
  sparsity: sparsityOf(masks),
});

export interface FinetuneExperiments {
  /** Fine-tunes the trained network under `masks` (defaults: 2 epochs at a tenth of the learning rate). */
  finetune(masks: Uint8Array[], options?: Omit<FinetuneOptions, 'masked'>): Promise<void>;
  /** Prune → fine-tune at each of CURVE_SPARSITIES for one criterion (at the scope setting of the moment). */
  finetuneCurve(criterion: Criterion): Promise<void>;
}

export function createFinetune(lab: Lab): FinetuneExperiments {
  return {
    async finetune(masks, options = {}) {
      const x = lab.begin();
      if (!x) return;
      await x.job(finetuneJob(x.net, masks, options), { shown: shownFinetune(x.net, masks, options) });
    },
    async finetuneCurve(criterion) {
      const x = lab.begin();
      if (!x) return;
      const total = CURVE_SPARSITIES.length;
      for (let k = 0; k < total; k++) {
        x.series({ kind: 'curve', criterion, status: 'running', step: k, total });
        const scope = lab.store.getState().settings.scope;
        const spec = { mode: 'sparsity' as const, value: CURVE_SPARSITIES[k], scope, granularity: 'weights' as const };
        const masks = networkMasks(x.net, criterion, spec);
        const options = { kind: 'curve' as const, criterion };
        if (!(await x.job(finetuneJob(x.net, masks, options), { shown: shownFinetune(x.net, masks, options) }))) return;
      }
      x.end(true);
    },
  };
}
