/**
 * Masked fine-tuning: continue training a pruned network with its mask enforced, and measure it before
 * and after. Pruned weights are exactly 0 at the end (checked, and reported as `maskViolations`).
 */
import * as tf from '@tensorflow/tfjs';
import { readAndDispose } from './read';
import type { LayerParams } from '../core/base';
import { RunControl } from './control';
import { correctCount, createMlp, logits, meanCrossEntropy, readParams, type Mlp } from './model';
import type { SplitMetrics } from './jobs';
import type { TrainConfig } from './runTypes';
import { train, type DeviceData, type TrainHooks } from './trainer';

/** Loss and accuracy of the model on both splits (one readback). */
export async function measure(model: Mlp, data: DeviceData): Promise<SplitMetrics> {
  const t = tf.tidy(() => {
    const part = (x: tf.Tensor2D, y: tf.Tensor2D, labels: tf.Tensor1D) => {
      const lg = logits(model, x);
      return [meanCrossEntropy(lg, y), tf.div(tf.cast(correctCount(lg, labels), 'float32'), x.shape[0])];
    };
    return tf.stack([
      ...part(data.trainX, data.trainOneHot, data.trainLabels),
      ...part(data.valX, data.valOneHot, data.valLabels),
    ]);
  });
  const [trainLoss, trainAcc, valLoss, valAcc] = await readAndDispose(t);
  return { trainLoss, trainAcc, valLoss, valAcc };
}

/** Pruned weights (mask 0) that are not exactly 0: 0 with the mask held. Masks as 0/1 per kernel weight. */
export function maskViolations(params: LayerParams[], masks: ArrayLike<number>[]): number {
  let n = 0;
  params.forEach((p, l) => p.kernel.forEach((w, i) => (n += masks[l][i] === 0 && w !== 0 ? 1 : 0)));
  return n;
}

export interface FinetuneOutcome {
  completed: boolean;
  before: SplitMetrics;
  after: SplitMetrics | null;
  params: LayerParams[] | null;
  /** Pruned weights that are not exactly 0 after fine-tuning (0 with the mask held; regrown ones without). */
  maskViolations: number;
  seconds: number;
}

/** The outcome of a job stopped before its end (cancelled, superseded): the figures before it, and its time. */
export const stopped = (before: SplitMetrics, t0: number): FinetuneOutcome => ({
  completed: false,
  before,
  after: null,
  params: null,
  maskViolations: 0,
  seconds: (performance.now() - t0) / 1000,
});

/**
 * @param params the trained (unpruned) weights; the mask is applied before measuring "before".
 * @param masks one Uint8Array per kernel, row-major `[inputs, units]`, 1 = kept. Not mutated.
 * @param masked false fine-tunes as the source article does (`model.fit` after pruning, no mask): the
 *   pruned weights then grow back, and `maskViolations` counts them.
 */
export async function finetune(
  params: LayerParams[],
  masks: Uint8Array[],
  data: DeviceData,
  config: TrainConfig,
  control: RunControl,
  hooks: TrainHooks,
  masked = true,
): Promise<FinetuneOutcome> {
  const t0 = performance.now();
  const maskT = tf.tidy(() =>
    masks.map((m, l) => tf.tensor2d(Float32Array.from(m), [params[l].inputs, params[l].units])),
  );
  const model = createMlp(params);
  try {
    tf.tidy(() => model.layers.forEach((l, i) => l.kernel.assign(tf.mul(l.kernel, maskT[i]))));
    const before = await measure(model, data);
    const outcome = await train(model, data, config, {}, control, hooks, masked ? maskT : undefined);
    if (!outcome.completed) return stopped(before, t0);
    const after = await measure(model, data);
    const out = await readParams(model);
    return {
      completed: true,
      before,
      after,
      params: out,
      maskViolations: maskViolations(out, masks),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    model.dispose();
    tf.dispose(maskT);
  }
}
