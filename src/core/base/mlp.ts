/**
 * Plain-TypeScript forward pass of the MLP (relu hidden layers, softmax output) in float64.
 * Used as the independent reference for the tfjs model and, later, for masked evaluation.
 */
import type { LayerParams } from './arch';

/** A kernel/bias pair; kernel row-major `[inputs, units]`. Any numeric array type. */
export interface DenseWeights {
  inputs: number;
  units: number;
  kernel: ArrayLike<number>;
  bias: ArrayLike<number>;
}

/**
 * Logits for `n` rows of `x` (row-major `[n, layers[0].inputs]`). Hidden layers use relu; the last
 * layer is linear (softmax is applied by the loss). Returns a new Float64Array `[n, lastUnits]`.
 */
export function forwardLogits(layers: readonly DenseWeights[], x: ArrayLike<number>, n: number): Float64Array {
  let act: ArrayLike<number> = x;
  layers.forEach((layer, l) => {
    const { inputs, units, kernel, bias } = layer;
    const out = new Float64Array(n * units);
    for (let r = 0; r < n; r++) {
      const o = r * units;
      for (let j = 0; j < units; j++) out[o + j] = bias[j];
      for (let i = 0; i < inputs; i++) {
        const a = act[r * inputs + i];
        if (a === 0) continue;
        const k = i * units;
        for (let j = 0; j < units; j++) out[o + j] += a * kernel[k + j];
      }
      if (l < layers.length - 1) for (let j = 0; j < units; j++) if (out[o + j] < 0) out[o + j] = 0;
    }
    act = out;
  });
  return act as Float64Array;
}

export interface LossAndAccuracy {
  /** Mean categorical cross-entropy of softmax(logits) (natural log). */
  loss: number;
  /** Fraction of rows whose arg-max logit equals the label (first index wins ties). */
  accuracy: number;
  correct: number;
  /** Accuracy per class (NaN for a class with no samples). */
  perClass: Float64Array;
}

/** Mean softmax cross-entropy, accuracy and per-class accuracy of row-major logits `[n, classes]`. Pure. */
export function lossAndAccuracy(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
): LossAndAccuracy {
  let total = 0;
  let correct = 0;
  const perClassCorrect = new Float64Array(classes);
  const perClassCount = new Float64Array(classes);
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
    const label = labels[r];
    total += Math.log(sum) + max - logits[o + label];
    perClassCount[label]++;
    if (arg === label) {
      correct++;
      perClassCorrect[label]++;
    }
  }
  const perClass = perClassCorrect.map((c, i) => (perClassCount[i] ? c / perClassCount[i] : NaN));
  return { loss: n > 0 ? total / n : NaN, accuracy: n > 0 ? correct / n : NaN, correct, perClass };
}

/** Convenience: loss and accuracy of the network on a dataset split. */
export function evaluate(
  layers: readonly LayerParams[] | readonly DenseWeights[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
): LossAndAccuracy {
  const logits = forwardLogits(layers, x, n);
  return lossAndAccuracy(logits, y, n, layers[layers.length - 1].units);
}
