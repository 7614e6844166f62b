/**
 * An independent, from-scratch evaluation of the current pruning settings (the data loaded again from
 * its source, a fresh index, masks and evaluator), used by the e2e tests to check the numbers the slider
 * shows.
 */
import type { Dataset } from '../core/data';
import { computeMasks, criterionIndex, maskReport } from '../core/prune';
import { MaskedEvaluator } from '../core/eval';
import { pruneSpecOf, type AppState } from '../state/store';

export function exactEvaluation(
  s: AppState,
  data: Dataset,
): { valAccuracy: number; trainAccuracy: number; valLoss: number; sparsity: number } | null {
  if (!s.scoring || !s.runConfig) return null;
  const layers = s.scoring.layers;
  const { masks } = computeMasks(
    criterionIndex(s.settings.criterion, layers, s.settings.granularity, s.runConfig.seed),
    pruneSpecOf(s.settings),
  );
  const val = new MaskedEvaluator(layers, data.val.x, data.val.y, data.val.n).evaluate(masks);
  const train = new MaskedEvaluator(layers, data.train.x, data.train.y, data.train.n).evaluate(masks);
  return {
    valAccuracy: val.accuracy,
    trainAccuracy: train.accuracy,
    valLoss: val.loss,
    sparsity: maskReport(masks, layers).sparsity,
  };
}
