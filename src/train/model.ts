/**
 * The 64-32-10 MLP as plain tfjs variables (no tf.layers), so that training, gradient statistics and
 * masking can all reach the kernels directly. Kernels are `[inputs, units]` like Keras' Dense.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from '../core/base';

export interface DenseVars {
  name: string;
  inputs: number;
  units: number;
  kernel: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1>;
}

export interface Mlp {
  layers: DenseVars[];
  /** Kernels first, then biases: the trainable list given to the optimizer. */
  trainable: tf.Variable[];
  dispose(): void;
}

/** Creates variables from plain parameters (copied to the device). */
export function createMlp(params: LayerParams[]): Mlp {
  // Variable names are left to tfjs (unique), so two models can coexist during a restart.
  const layers = tf.tidy(() =>
    params.map((p) => ({
      name: p.name,
      inputs: p.inputs,
      units: p.units,
      kernel: tf.variable(tf.tensor2d(p.kernel, [p.inputs, p.units])),
      bias: tf.variable(tf.tensor1d(p.bias)),
    })),
  );
  return {
    layers,
    trainable: [...layers.map((l) => l.kernel), ...layers.map((l) => l.bias)],
    dispose: () => layers.forEach((l) => (l.kernel.dispose(), l.bias.dispose())),
  };
}

/** Logits `[n, classes]` (relu hidden layers, linear output; softmax lives in the loss). */
export function logits(model: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  let a: tf.Tensor2D = x;
  model.layers.forEach((l, i) => {
    const z = tf.add(tf.matMul(a, l.kernel), l.bias) as tf.Tensor2D;
    a = i < model.layers.length - 1 ? tf.relu(z) : z;
  });
  return a;
}

/** Softmax probabilities: what Keras' `predict` returns for a softmax output layer. */
export function predict(model: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.softmax(logits(model, x)));
}

/**
 * Mean categorical cross-entropy of softmax(logits) against one-hot labels: L_b in the README.
 * Computed from logits (log-softmax) for numerical stability; equal to Keras'
 * `categorical_crossentropy` on the softmax output up to its epsilon clipping.
 */
export function meanCrossEntropy(lg: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(lg)), 1)));
}

/** Number of rows whose arg-max logit equals the label, as an int32 scalar. */
export function correctCount(lg: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(lg, 1), labels), 'int32'));
}

/** Reads the current parameters back (async; never dataSync). Returns fresh Float32Arrays. */
export async function readParams(model: Mlp): Promise<LayerParams[]> {
  return Promise.all(
    model.layers.map(async (l) => ({
      name: l.name,
      inputs: l.inputs,
      units: l.units,
      kernel: (await l.kernel.data()) as Float32Array,
      bias: (await l.bias.data()) as Float32Array,
    })),
  );
}

/**
 * Writes weights held outside tfjs (the fused steps') into the model's variables, layer by layer: kernels
 * row-major `[inputs, units]`, biases `[units]`.
 */
export function assignParams(model: Mlp, layers: { kernel: Float32Array; bias: Float32Array }[]): void {
  tf.tidy(() =>
    model.layers.forEach((l, i) => {
      l.kernel.assign(tf.tensor2d(layers[i].kernel, [l.inputs, l.units]));
      l.bias.assign(tf.tensor1d(layers[i].bias));
    }),
  );
}
