/**
 * The training steps in tfjs, on any backend: the reference the fused step is checked against. In the
 * style of tfjs-examples' mnist-core: every step inside tf.tidy, nothing read back per batch; the batch
 * losses stay on the device until the loop reads them in a group.
 */
import * as tf from '@tensorflow/tfjs';
import { gatherRows } from './batches';
import { readAndDispose } from './read';
import { correctCount, logits, meanCrossEntropy, type Mlp } from './model';
import type { AfterGrads, Steps } from './steps';
import type { DeviceData } from './data';

/** The live |∂L/∂w| estimate's decay per sampled batch (an exponential moving average). */
export const LIVE_GRAD_DECAY = 0.7;

/**
 * Adam steps on the model's own variables. With `masks` (one 0/1 tensor per kernel, shaped like it),
 * pruned weights stay exactly 0: their gradients are zeroed before the Adam step (so its moments never
 * move them) and the mask is re-applied to the kernels after every step.
 */
export function tfjsSteps(
  model: Mlp,
  data: DeviceData,
  learningRate: number,
  liveStats: boolean,
  afterGrads?: AfterGrads,
  masks?: tf.Tensor2D[],
): Steps {
  // Keras' Adam defaults (β1 0.9, β2 0.999, ε 1e-7).
  const optimizer: tf.Optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  const kernels = model.layers.map((l) => l.kernel);
  const ema = tf.tidy(() => (liveStats ? kernels.map((k) => tf.variable(tf.zerosLike(k), false)) : []));
  const lossSum = tf.tidy(() => tf.variable(tf.scalar(0), false));
  const correctSum = tf.tidy(() => tf.variable(tf.scalar(0, 'int32'), false));
  const pending: tf.Scalar[] = [];
  return {
    kind: 'tfjs',
    get queued() {
      return pending.length;
    },
    step(order, start, size, live) {
      const loss = tf.tidy(() => {
        const [xb, yb, lb] = gatherRows([data.trainX, data.trainOneHot, data.trainLabels], order, start, size);
        let correct: tf.Scalar | null = null;
        const { value, grads } = tf.variableGrads(() => {
          const lg = logits(model, xb);
          correct = tf.keep(correctCount(lg, lb));
          return meanCrossEntropy(lg, yb);
        }, model.trainable);
        if (masks) kernels.forEach((k, i) => (grads[k.name] = tf.mul(grads[k.name], masks[i])));
        afterGrads?.(grads);
        optimizer.applyGradients(grads);
        if (masks) kernels.forEach((k, i) => k.assign(tf.mul(k, masks[i])));
        if (live && liveStats) {
          kernels.forEach((k, i) =>
            ema[i].assign(tf.add(tf.mul(ema[i], LIVE_GRAD_DECAY), tf.mul(tf.abs(grads[k.name]), 1 - LIVE_GRAD_DECAY))),
          );
        }
        lossSum.assign(tf.add(lossSum, tf.mul(value, size)));
        correctSum.assign(tf.add(correctSum, correct!));
        tf.dispose(correct!);
        return value;
      });
      pending.push(loss);
    },
    async takeLosses() {
      if (pending.length === 0) return new Float32Array(0);
      const scalars = pending.splice(0);
      const stacked = tf.stack(scalars);
      tf.dispose(scalars);
      return readAndDispose(stacked);
    },
    async liveGrads() {
      const flat = tf.tidy(() => tf.concat(ema.map((e) => tf.reshape(e, [-1]))));
      const all = await readAndDispose(flat);
      let off = 0;
      return ema.map((e) => all.slice(off, (off += e.size)));
    },
    startEpoch() {
      tf.tidy(() => {
        lossSum.assign(tf.zerosLike(lossSum));
        correctSum.assign(tf.zerosLike(correctSum));
      });
    },
    async epochSummary(seen) {
      const summary = tf.tidy(() => {
        const lg = logits(model, data.valX);
        return tf.stack([
          tf.div(lossSum, seen),
          tf.div(tf.cast(correctSum, 'float32'), seen),
          meanCrossEntropy(lg, data.valOneHot),
          tf.div(tf.cast(correctCount(lg, data.valLabels), 'float32'), data.valX.shape[0]),
        ]);
      });
      const [trainLoss, trainAcc, valLoss, valAcc] = await readAndDispose(summary);
      return [trainLoss, trainAcc, valLoss, valAcc];
    },
    async finish() {},
    dispose() {
      tf.dispose([...pending.splice(0), ...ema, lossSum, correctSum]);
      optimizer.dispose();
    },
  };
}
