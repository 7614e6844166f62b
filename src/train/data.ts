/** Puts a loaded dataset on the device (see `src/data/load.ts` for loading it). */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../core/data';

/** Training and validation data on the device. */
export interface DeviceData {
  trainX: tf.Tensor2D;
  trainOneHot: tf.Tensor2D;
  trainLabels: tf.Tensor1D;
  valX: tf.Tensor2D;
  valOneHot: tf.Tensor2D;
  valLabels: tf.Tensor1D;
  /** The same data in memory (what the fused steps train on), when the caller has it. */
  host?: Dataset;
}

/** Uploads a dataset: features, one-hot labels and int32 labels for both splits. */
export function toDevice(ds: Dataset): DeviceData {
  // The host copy is added outside tf.tidy, which would walk its arrays key by key.
  const device = tf.tidy(() => {
    const labels = (y: Uint8Array) => tf.tensor1d(Int32Array.from(y), 'int32');
    const trainLabels = labels(ds.train.y);
    const valLabels = labels(ds.val.y);
    return {
      trainX: tf.tensor2d(ds.train.x, [ds.train.n, ds.inputSize]),
      trainOneHot: tf.oneHot(trainLabels, ds.numClasses).toFloat() as tf.Tensor2D,
      trainLabels,
      valX: tf.tensor2d(ds.val.x, [ds.val.n, ds.inputSize]),
      valOneHot: tf.oneHot(valLabels, ds.numClasses).toFloat() as tf.Tensor2D,
      valLabels,
    };
  });
  return { ...device, host: ds };
}

export function disposeDevice(d: DeviceData): void {
  tf.dispose([d.trainX, d.trainOneHot, d.trainLabels, d.valX, d.valOneHot, d.valLabels]);
}
