/** Loads a dataset in the worker and puts it on the device. */
import * as tf from '@tensorflow/tfjs';
import { makeSynthetic32, type Dataset, type DatasetName } from '../core/dataset';
import { decodeMnist, mnistDataset, type MnistRaw } from '../core/mnistFormat';
import type { DeviceData } from './trainer';

let mnistCache: Promise<MnistRaw> | null = null;

/** Fetches the MNIST file; decompresses it unless the server already did (gzip magic 1f 8b). */
async function fetchMnist(url: string): Promise<MnistRaw> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the MNIST data from ${url} (HTTP ${res.status})`);
  let bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return decodeMnist(bytes);
}

export async function loadDataset(name: DatasetName, seed: number, mnistUrl: string): Promise<Dataset> {
  if (name === 'synthetic-32') return makeSynthetic32(seed);
  mnistCache ??= fetchMnist(mnistUrl).catch((e) => {
    mnistCache = null;
    throw e;
  });
  return mnistDataset(await mnistCache);
}

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
