/**
 * An independent, from-scratch evaluation of the current pruning settings (fresh index, masks and
 * evaluator), used by the e2e tests to check the numbers the slider shows.
 */
import { computeMasks } from '../core/masks';
import { maskReport } from '../core/maskReport';
import { MaskedEvaluator } from '../core/maskedEval';
import { pruneIndexFor } from './pruning';
import { pruneSpecOf } from './pruneSpec';
import type { AppState } from './store';

export function exactEvaluation(s: AppState): { valAccuracy: number; trainAccuracy: number; valLoss: number; sparsity: number } | null {
  if (!s.scoring || !s.dataset || !s.runConfig) return null;
  const layers = s.scoring.layers;
  const { masks } = computeMasks(pruneIndexFor(s.scoring, s.settings.criterion, s.settings.granularity, s.runConfig.seed), pruneSpecOf(s.settings));
  const val = new MaskedEvaluator(layers, s.dataset.val.x, s.dataset.val.y, s.dataset.val.n).evaluate(masks);
  const train = new MaskedEvaluator(layers, s.dataset.train.x, s.dataset.train.y, s.dataset.train.n).evaluate(masks);
  return { valAccuracy: val.accuracy, trainAccuracy: train.accuracy, valLoss: val.loss, sparsity: maskReport(masks, layers).sparsity };
}
