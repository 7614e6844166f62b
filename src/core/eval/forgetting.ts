/**
 * What pruning forgets (Hooker et al. 2019): from the dense and the pruned network's logits on one split,
 * the per-class accuracy of each, their confusion matrices, and the examples the pruned network gets wrong
 * that the dense one got right ("forgotten") and the reverse ("newly right"), ranked by how far the true
 * class's probability moved. Logits are row-major `[n, classes]` (float64, as the masked evaluator gives
 * them); labels are class ids `[n]`. The arg-max rule is the forward pass's (`lossAndAccuracy`: the first
 * index wins a tie), so the counts here add up to its `correct` exactly. Nothing is mutated.
 */

/** Each row's predicted class and the softmax probability of its true class. */
export interface RowOutputs {
  /** Arg-max class per row `[n]` (first index wins ties). */
  pred: Int32Array;
  /** softmax(logits)[label] per row `[n]`. */
  pTrue: Float64Array;
}

/** Predicted class and true-class probability of every row. Returns new arrays. */
export function rowOutputs(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
): RowOutputs {
  const pred = new Int32Array(n);
  const pTrue = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const o = r * classes;
    let max = -Infinity;
    let arg = 0;
    for (let c = 0; c < classes; c++) {
      if (logits[o + c] > max) {
        max = logits[o + c];
        arg = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(logits[o + c] - max);
    pred[r] = arg;
    pTrue[r] = Math.exp(logits[o + labels[r]] - max) / sum;
  }
  return { pred, pTrue };
}

/** Softmax probabilities of row `row` of row-major logits `[n, classes]`. Returns a new array `[classes]`. */
export function rowProbabilities(logits: ArrayLike<number>, row: number, classes: number): Float64Array {
  const o = row * classes;
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, logits[o + c]);
  const p = new Float64Array(classes);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += p[c] = Math.exp(logits[o + c] - max);
  for (let c = 0; c < classes; c++) p[c] /= sum;
  return p;
}

/** Counts row-major `[classes (true), classes (predicted)]`: entry (t, p) = rows of class t predicted p. New array. */
export function confusionMatrix(
  pred: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
): Int32Array {
  const m = new Int32Array(classes * classes);
  for (let r = 0; r < n; r++) m[labels[r] * classes + pred[r]]++;
  return m;
}

/** Per class: rows of that class (`count`) and how many of them are predicted right (`correct`, the diagonal). */
export interface ClassCounts {
  correct: Int32Array;
  count: Int32Array;
}

/** The diagonal and row sums of a confusion matrix `[classes, classes]`. New arrays. */
export function classCounts(confusion: ArrayLike<number>, classes: number): ClassCounts {
  const correct = new Int32Array(classes);
  const count = new Int32Array(classes);
  for (let t = 0; t < classes; t++) {
    correct[t] = confusion[t * classes + t];
    for (let p = 0; p < classes; p++) count[t] += confusion[t * classes + p];
  }
  return { correct, count };
}

/** One example whose verdict changed with pruning. */
export interface ChangedExample {
  /** Row of the split. */
  index: number;
  label: number;
  /** Predicted class, dense and pruned. */
  densePred: number;
  prunedPred: number;
  /** True-class probability, dense and pruned. */
  pDense: number;
  pPruned: number;
}

export interface ForgetReport {
  n: number;
  classes: number;
  dense: ClassCounts & { confusion: Int32Array };
  pruned: ClassCounts & { confusion: Int32Array };
  /** Dense right, pruned wrong: by the drop in the true class's probability (pDense − pPruned), largest first; ties by index. */
  forgotten: ChangedExample[];
  /** Dense wrong, pruned right: by the rise in the true class's probability (pPruned − pDense), largest first; ties by index. */
  newlyRight: ChangedExample[];
}

const ranked = (xs: ChangedExample[], key: (e: ChangedExample) => number) =>
  xs.sort((a, b) => key(b) - key(a) || a.index - b.index);

/** The whole comparison of a pruned network with its dense one on one split. `dense` and `pruned` from `rowOutputs`. */
export function forgetReport(
  dense: RowOutputs,
  pruned: RowOutputs,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
): ForgetReport {
  const side = (o: RowOutputs) => {
    const confusion = confusionMatrix(o.pred, labels, n, classes);
    return { ...classCounts(confusion, classes), confusion };
  };
  const forgotten: ChangedExample[] = [];
  const newlyRight: ChangedExample[] = [];
  for (let r = 0; r < n; r++) {
    const label = labels[r];
    const wasRight = dense.pred[r] === label;
    if (wasRight === (pruned.pred[r] === label)) continue;
    const e = {
      index: r,
      label,
      densePred: dense.pred[r],
      prunedPred: pruned.pred[r],
      pDense: dense.pTrue[r],
      pPruned: pruned.pTrue[r],
    };
    (wasRight ? forgotten : newlyRight).push(e);
  }
  return {
    n,
    classes,
    dense: side(dense),
    pruned: side(pruned),
    forgotten: ranked(forgotten, (e) => e.pDense - e.pPruned),
    newlyRight: ranked(newlyRight, (e) => e.pPruned - e.pDense),
  };
}

/** Per class, pruned accuracy minus dense accuracy (NaN for a class with no rows). New array. */
export function classChange(report: ForgetReport): Float64Array {
  const { dense, pruned } = report;
  return Float64Array.from(dense.count, (k, c) => (k ? (pruned.correct[c] - dense.correct[c]) / k : NaN));
}

/**
 * The classes that lose most: those whose accuracy drops (`dense[c]` → `pruned[c]`, per-class accuracies,
 * NaN for a class without samples), the largest drop first (ties: by class id), at most `n`. Class ids.
 */
export function mostLostBy(dense: ArrayLike<number>, pruned: ArrayLike<number>, n = 3): number[] {
  const drop = (c: number) => (Number.isFinite(dense[c]) && Number.isFinite(pruned[c]) ? dense[c] - pruned[c] : 0);
  return Array.from({ length: dense.length }, (_, c) => c)
    .filter((c) => drop(c) > 0)
    .sort((a, b) => drop(b) - drop(a) || a - b)
    .slice(0, n);
}

/** Per-class accuracy (correct ÷ count; NaN for a class without samples). New array. */
export const classAccuracy = (c: ClassCounts): Float64Array =>
  Float64Array.from(c.correct, (k, i) => (c.count[i] ? k / c.count[i] : NaN));

/** `mostLostBy` on a report's per-class accuracies. */
export const mostLost = (report: ForgetReport, n = 3): number[] =>
  mostLostBy(classAccuracy(report.dense), classAccuracy(report.pruned), n);
