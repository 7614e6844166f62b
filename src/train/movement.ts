/**
 * Movement pruning's scores (Sanh et al. 2020): fine-tune the trained network (dense) and accumulate, on
 * the device, S = −Σ_t w_t · ∂L/∂w_t over its steps. A weight moving away from zero scores high, one
 * shrinking towards zero low (pruned first), whatever its size now. One readback at the end; kernels
 * row-major `[inputs, units]`.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from '../core/base';
import { RunControl } from './control';
import { createMlp, readParams } from './model';
import type { TrainConfig } from './runTypes';
import { readAndDispose } from './read';
import { train, type DeviceData, type TrainHooks } from './trainer';

export async function movementScores(
  trained: LayerParams[],
  data: DeviceData,
  config: TrainConfig,
  control: RunControl,
  hooks: TrainHooks,
): Promise<{ scores: Float32Array[]; layers: LayerParams[] } | null> {
  const model = createMlp(trained);
  const kernels = model.layers.map((l) => l.kernel);
  const sums = tf.tidy(() => kernels.map((k) => tf.variable(tf.zerosLike(k), false)));
  try {
    const afterGrads = (grads: tf.NamedTensorMap) =>
      kernels.forEach((k, i) => sums[i].assign(tf.sub(sums[i], tf.mul(k, grads[k.name]))));
    const outcome = await train(model, data, config, { liveGradStats: false }, control, { ...hooks, afterGrads });
    if (!outcome.completed) return null;
    const all = await readAndDispose(tf.tidy(() => tf.concat(sums.map((s) => tf.reshape(s, [-1])))));
    let off = 0;
    return { scores: sums.map((s) => all.slice(off, (off += s.size))), layers: await readParams(model) };
  } finally {
    model.dispose();
    tf.dispose(sums);
  }
}
