/** Helpers for the Node unit tests of the tfjs code (CPU backend). Not imported by the app. */
import * as tf from '@tensorflow/tfjs';
import { type LayerParams, type LayerShape, createRng } from '../core/base';
import { buildPruneIndex, computeMasks, scoreLayers } from '../core/prune';
import type { LayersModelArtifacts } from '../core/formats';
import type { Dataset } from '../core/data';

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

export const TINY_SHAPES: LayerShape[] = [
  { name: 'dense_1', inputs: 5, units: 4 },
  { name: 'dense_2', inputs: 4, units: 3 },
  { name: 'dense_3', inputs: 3, units: 3 },
];

/** `n` random rows of `width` standard-normal features and labels in [0, classes). */
export function randomData(
  n: number,
  width: number,
  classes: number,
  seed: number,
): { x: Float32Array; y: Uint8Array } {
  const r = createRng(seed);
  return {
    x: Float32Array.from({ length: n * width }, () => r.normal()),
    y: Uint8Array.from({ length: n }, () => r.int(classes)),
  };
}

/** The first `nTrain` / `nVal` rows of a dataset (smaller runs for tests). */
export function subset(ds: Dataset, nTrain: number, nVal: number): Dataset {
  const cut = (s: Dataset['train'], n: number) => ({
    x: s.x.slice(0, n * ds.inputSize),
    y: s.y.slice(0, n),
    indices: s.indices.slice(0, n),
    n,
  });
  return { ...ds, train: cut(ds.train, nTrain), val: cut(ds.val, nVal) };
}

/** Softmax of each row of row-major logits `[n, c]`, in place (returns `lg`). */
export function softmaxRows(lg: Float64Array, c: number): Float64Array {
  for (let row = 0; row < lg.length / c; row++) {
    const z = lg.subarray(row * c, (row + 1) * c);
    const max = Math.max(...z);
    let sum = 0;
    z.forEach((v, j) => (sum += z[j] = Math.exp(v - max)));
    z.forEach((v, j) => (z[j] = v / sum));
  }
  return lg;
}

/** What `tf.loadLayersModel` gets from a model.json and its weights file. */
export const fromArtifacts = ({ modelJson, weightData }: LayersModelArtifacts) =>
  tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
    weightData: weightData.buffer.slice(
      weightData.byteOffset,
      weightData.byteOffset + weightData.byteLength,
    ) as ArrayBuffer,
  });

/** Global magnitude masks of the given layers at `sparsity` (weights; 1 = kept), the pruning the fine-tune tests start from. */
export function magnitudeMasks(params: LayerParams[], sparsity: number): Uint8Array[] {
  const shapes = params.map((p) => ({ inputs: p.inputs, units: p.units }));
  const scores = scoreLayers(
    'magnitude',
    params.map((p) => ({ ...p, gradAbsMean: p.kernel, gradSqMean: p.kernel })),
  );
  return computeMasks(buildPruneIndex(scores, shapes, 'weights'), {
    mode: 'sparsity',
    value: sparsity,
    scope: 'global',
    granularity: 'weights',
  }).masks;
}
