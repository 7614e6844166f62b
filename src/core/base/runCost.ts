/**
 * How long a run takes, from measured speeds: the training backend's throughput (a probe at start-up,
 * or the run's own rate once it trains) and the evaluator's full-pass time (for the curves). Pure.
 * Phases: training steps, a validation pass at the end of every epoch, the scoring pass (one pass of
 * gradients over the training set), then the accuracy-vs-sparsity curves and the sensitivity.
 */
import { HIDDEN_UNITS, sameHidden, weightCount } from './arch';

/** Training samples per second at two batch sizes for the 784-input network, and at batch 32 for the 32-input one. */
export interface Throughput {
  batch32: number;
  batch128: number;
  /** At NARROW_INPUTS inputs, batch 32 (a step's fixed costs dominate there, so it is measured, not scaled). */
  narrow32?: number;
}

export const NARROW_INPUTS = 32;

/** The scoring pass costs about this share of a training epoch (gradients, no Adam step; 0.5–0.75 measured on WASM). */
export const SCORING_PER_EPOCH = 0.7;
/** A forward pass costs about this share of a training step per sample. */
export const FORWARD_SHARE = 1 / 3;
/** One curve point costs about this many full evaluation passes (warm passes; the walk and its messages add to each point: 1.0 synthetic-32, 1.6 MNIST measured on WASM). */
export const CURVE_POINT_SHARE = 1.3;

/** Multiply-adds a sample of a network of these layers (10 classes: the probe's). */
const macs = (inputs: number, hidden: readonly number[] = HIDDEN_UNITS) => weightCount(inputs, hidden, 10);

/**
 * Seconds per training step of `batch` samples: the step at batch 32 (measured at this input width when
 * the probe did, else a fixed cost plus the per-sample cost scaled by this width's multiply-adds) plus
 * the per-sample cost (from the probe's two batch sizes, scaled the same way) of the other samples.
 */
export function secondsPerBatch(
  t: Throughput,
  batch: number,
  inputs: number,
  hidden: readonly number[] = HIDDEN_UNITS,
): number {
  const s32 = 32 / t.batch32;
  const s128 = 128 / t.batch128;
  const perSample = Math.max(0, (s128 - s32) / 96) * (macs(inputs, hidden) / macs(784));
  const fixed = Math.max(0, s32 - 32 * Math.max(0, (s128 - s32) / 96));
  const probed = inputs === NARROW_INPUTS && t.narrow32 && sameHidden(hidden, HIDDEN_UNITS);
  const at32 = probed ? 32 / t.narrow32! : fixed + 32 * perSample;
  return Math.max(0, at32 + (batch - 32) * perSample);
}

export interface RunShape {
  epochs: number;
  batchSize: number;
  inputs: number;
  trainN: number;
  valN: number;
  /** The hidden layers (default HIDDEN_UNITS): the per-sample cost scales with the network's multiply-adds. */
  hidden?: readonly number[];
}

export interface RunEstimate {
  training: number;
  validation: number;
  scoring: number;
  curves: number;
  total: number;
}

/**
 * The curves' seconds from the evaluator's full passes (ms): every criterion's validation and training
 * curve (51 levels each) and the validation sensitivity of every layer (21 levels each).
 */
export function curvesSeconds(
  fullPassMs: { val: number; train: number },
  o: { criteria: number; levels: number; layers: number; sensitivityLevels: number },
): number {
  const valPoints = o.criteria * o.levels + o.criteria * o.layers * o.sensitivityLevels;
  return (CURVE_POINT_SHARE * (valPoints * fullPassMs.val + o.criteria * o.levels * fullPassMs.train)) / 1000;
}

/**
 * The whole run, phase by phase (seconds). `curves` is the curves' estimate, or 0 when unknown;
 * `measuredRate`, the samples/s an earlier run with this shape trained at, replaces the probe's step.
 */
export function estimateRun(t: Throughput, r: RunShape, curves: number, measuredRate?: number): RunEstimate {
  const batches = Math.ceil(r.trainN / r.batchSize);
  const step =
    measuredRate && measuredRate > 0 ? r.batchSize / measuredRate : secondsPerBatch(t, r.batchSize, r.inputs, r.hidden);
  const training = r.epochs * batches * step;
  const perSampleForward =
    (FORWARD_SHARE * (secondsPerBatch(t, 128, r.inputs, r.hidden) - secondsPerBatch(t, 0, r.inputs, r.hidden))) / 128;
  const validation = r.epochs * (secondsPerBatch(t, 0, r.inputs, r.hidden) + r.valN * perSampleForward);
  const scoring = SCORING_PER_EPOCH * batches * step;
  return { training, validation, scoring, curves, total: training + validation + scoring + curves };
}

/** A measured rate as the lab quotes it: three significant digits at most, whole numbers (21,347 → 21,300). */
export function roundRate(samplesPerSec: number): number {
  if (!(samplesPerSec > 0) || !Number.isFinite(samplesPerSec)) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(samplesPerSec)) - 2);
  return Math.round(samplesPerSec / step) * step;
}
