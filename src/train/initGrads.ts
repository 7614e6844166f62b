/**
 * What SNIP needs before any training: |∂L/∂w| of one batch at the initial weights (Lee et al. 2019 use
 * one mini-batch of 100 on MNIST). The batch is the first `samples` training rows in their stored order
 * (the split is a seeded shuffle). The scoring pass over those rows as a single batch; kernels row-major
 * `[inputs, units]`.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from '../core/base';
import { gatherRows, inOrder } from './batches';
import { createMlp } from './model';
import { scoringPass } from './scoring';
import type { DeviceData } from './trainer';

/** SNIP's batch: 100 samples, as the paper's MNIST runs. */
export const SNIP_SAMPLES = 100;

export async function oneBatchGradients(
  layers: LayerParams[],
  data: Pick<DeviceData, 'trainX' | 'trainOneHot'>,
  samples = SNIP_SAMPLES,
): Promise<Float32Array[]> {
  const n = Math.min(samples, data.trainX.shape[0]);
  const [x, y] = tf.tidy(() => gatherRows([data.trainX, data.trainOneHot], inOrder(n), 0, n));
  const model = createMlp(layers);
  try {
    const stats = await scoringPass(model, x, y, n);
    if (!stats) throw new Error('the gradient pass stopped');
    return stats.gradAbsMean;
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}
