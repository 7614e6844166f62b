/** Puts a loaded dataset on the device (see `src/data/load.ts` for loading it). */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../core/data';
import type { DeviceData } from './trainer';

/** Uploads a dataset: features, one-hot labels and int32 labels for both splits. */
export function toDevice(ds: Dataset): DeviceData {
  return tf.tidy(() => {
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
}

export function disposeDevice(d: DeviceData): void {
  tf.dispose(Object.values(d));
}
