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
): {
  valAccuracy: number;
  trainAccuracy: number;
  valLoss: number;
  sparsity: number;
  /** Per class, the validation rows right: dense and pruned (arg-max of the logits, first index on a tie). */
  denseCorrect: number[];
  prunedCorrect: number[];
  /** Validation rows right dense and wrong pruned, and the reverse, in row order. */
  forgotten: number[];
  newlyRight: number[];
  /** The validation labels, by row. */
  labels: number[];
} | null {
  if (!s.scoring || !s.runConfig) return null;
  const layers = s.scoring.layers;
  const { masks } = computeMasks(
    criterionIndex(s.settings.criterion, layers, s.settings.granularity, s.runConfig.seed),
    pruneSpecOf(s.settings),
  );
  const valEval = new MaskedEvaluator(layers, data.val.x, data.val.y, data.val.n);
  const dense = valEval.logits(layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1))).logits;
  const { result: val, logits } = valEval.logits(masks);
  const classes = layers[layers.length - 1].units;
  const right = (z: Float64Array, r: number) => {
    let arg = 0;
    for (let c = 1; c < classes; c++) if (z[r * classes + c] > z[r * classes + arg]) arg = c;
    return arg === data.val.y[r];
  };
  const denseCorrect = new Array<number>(classes).fill(0);
  const prunedCorrect = new Array<number>(classes).fill(0);
  const forgotten: number[] = [];
  const newlyRight: number[] = [];
  for (let r = 0; r < data.val.n; r++) {
    const a = right(dense, r);
    const b = right(logits, r);
    if (a) denseCorrect[data.val.y[r]]++;
    if (b) prunedCorrect[data.val.y[r]]++;
    if (a && !b) forgotten.push(r);
    if (b && !a) newlyRight.push(r);
  }
  const train = new MaskedEvaluator(layers, data.train.x, data.train.y, data.train.n).evaluate(masks);
  return {
    valAccuracy: val.accuracy,
    trainAccuracy: train.accuracy,
    valLoss: val.loss,
    sparsity: maskReport(masks, layers).sparsity,
    denseCorrect,
    prunedCorrect,
    forgotten,
    newlyRight,
    labels: Array.from(data.val.y),
  };
}
