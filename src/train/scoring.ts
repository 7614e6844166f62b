/**
 * The scoring pass: weights frozen, one sweep over the training set in its stored order, mini-batches
 * of the training batch size (last partial batch included). For every kernel weight w it accumulates,
 * on the device,
 *   gradAbsMean = (1/B) Σ_b |∂L_b/∂w|     gradSqMean = (1/B) Σ_b (∂L_b/∂w)²
 * where L_b is the mean cross-entropy of batch b and B the number of batches. One readback at the end.
 */
import * as tf from '@tensorflow/tfjs';
import { gatherRows, inOrder } from './batches';
import { readAndDispose } from './read';
import { logits, meanCrossEntropy, type Mlp } from './model';
import { yieldToEventLoop } from '../core/base';

export interface GradStats {
  /** Per layer, row-major `[inputs, units]`. */
  gradAbsMean: Float32Array[];
  gradSqMean: Float32Array[];
  batches: number;
}

/**
 * @param x `[n, inputs]` features in stored order; @param oneHot `[n, classes]` labels.
 * @param shouldStop polled between batches; when it returns true the pass ends early and returns null.
 * Does not change the model.
 */
export async function scoringPass(
  model: Mlp,
  x: tf.Tensor2D,
  oneHot: tf.Tensor2D,
  batchSize: number,
  shouldStop: () => boolean = () => false,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GradStats | null> {
  const n = x.shape[0];
  const kernels = model.layers.map((l) => l.kernel);
  const absSum = tf.tidy(() => kernels.map((k) => tf.variable(tf.zerosLike(k), false)));
  const sqSum = tf.tidy(() => kernels.map((k) => tf.variable(tf.zerosLike(k), false)));
  const batches = Math.ceil(n / batchSize);
  const order = inOrder(n);
  try {
    for (let b = 0; b < batches; b++) {
      const start = b * batchSize;
      const size = Math.min(batchSize, n - start);
      tf.tidy(() => {
        const [xb, yb] = gatherRows([x, oneHot], order, start, size);
        const { value, grads } = tf.variableGrads(() => meanCrossEntropy(logits(model, xb), yb), kernels);
        value.dispose();
        kernels.forEach((k, i) => {
          const g = grads[k.name];
          absSum[i].assign(tf.add(absSum[i], tf.abs(g)));
          sqSum[i].assign(tf.add(sqSum[i], tf.square(g)));
        });
      });
      if (b % 16 === 15) {
        onProgress(b + 1, batches); // batches queued: on a GPU they may still be running
        await yieldToEventLoop();
        if (shouldStop()) return null;
      }
    }
    const flat = tf.tidy(() => tf.div(tf.concat([...absSum, ...sqSum].map((t) => tf.reshape(t, [-1]))), batches));
    const all = await readAndDispose(flat);
    const out: Float32Array[] = [];
    let offset = 0;
    for (const t of [...absSum, ...sqSum]) {
      out.push(all.slice(offset, offset + t.size));
      offset += t.size;
    }
    return { gradAbsMean: out.slice(0, kernels.length), gradSqMean: out.slice(kernels.length), batches };
  } finally {
    tf.dispose([...absSum, ...sqSum]);
  }
}
