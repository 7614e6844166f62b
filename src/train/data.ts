/** Loads a dataset in the worker and puts it on the device. */
import * as tf from '@tensorflow/tfjs';
import { datasetFromIndices, makeSynthetic32, synthetic32Source, type Dataset, type DatasetName } from '../core/dataset';
import { decodeMnist, mnistDataset, mnistSource, type MnistRaw } from '../core/mnistFormat';
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

function mnistRaw(url: string): Promise<MnistRaw> {
  mnistCache ??= fetchMnist(url).catch((e) => {
    mnistCache = null;
    throw e;
  });
  return mnistCache;
}

/** The dataset with its standard split, or with the given sample numbers (an imported run). */
export async function loadDataset(name: DatasetName, seed: number, mnistUrl: string, indices?: { train: Uint32Array; val: Uint32Array }): Promise<Dataset> {
  if (!indices) return name === 'synthetic-32' ? makeSynthetic32(seed) : mnistDataset(await mnistRaw(mnistUrl));
  const source = name === 'synthetic-32' ? synthetic32Source(seed) : mnistSource(await mnistRaw(mnistUrl));
  const max = source.labels.length;
  for (const split of [indices.train, indices.val]) for (const s of split) if (s >= max) throw new Error(`sample number ${s} is not in the ${name} data (${max} samples)`);
  return datasetFromIndices(source, indices.train, indices.val);
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
