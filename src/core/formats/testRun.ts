/** A run for the run file's tests: a built-in dataset's network with random weights, masks and statistics. */
import { HIDDEN_UNITS, layerShapes, createRng, permutation, type LayerShape, type Rng } from '../base';
import { type DatasetName, INPUT_SIZE } from '../data';
import type { RunInput } from './runFormat';

/** Layers of the given shapes with every array drawn from `r` (weights normal, about 30 % of each mask pruned). */
export function randomLayers(shapes: LayerShape[], r: Rng) {
  return shapes.map((s) => {
    const n = s.inputs * s.units;
    return {
      ...s,
      kernel: Float32Array.from({ length: n }, () => r.normal()),
      bias: Float32Array.from({ length: s.units }, () => r.normal()),
      gradAbsMean: Float32Array.from({ length: n }, () => r.next()),
      gradSqMean: Float32Array.from({ length: n }, () => r.next() * 1e-6),
      mask: Uint8Array.from({ length: n }, () => (r.next() < 0.3 ? 0 : 1)),
    };
  });
}

/** The sparsities of the layers' masks: overall and per layer. */
export function sparsityOf(layers: { mask: Uint8Array }[]) {
  const pruned = layers.map((l) => l.mask.reduce((a, b) => a + 1 - b, 0));
  const total = layers.reduce((a, l) => a + l.mask.length, 0);
  return {
    overall: pruned.reduce((a, b) => a + b, 0) / total,
    perLayer: pruned.map((p, l) => p / layers[l].mask.length),
  };
}

/** The sweep's first point of a test run: the dense network, validation split. */
export const SWEEP_START = {
  criterion: 'gradient',
  split: 'val',
  scope: 'global',
  granularity: 'weights',
  target: 0,
  sparsity: 0,
  threshold: 0,
  accuracy: 0.85,
  loss: 0.4,
} as const;

/**
 * A run on `name` with `hidden` layers, every array drawn from `seed`, its sparsities those of its masks, a
 * sweep of 4 points (non-finite thresholds among them).
 */
export function makeRun(name: DatasetName, seed: number, hidden: readonly number[] = HIDDEN_UNITS): RunInput {
  const r = createRng(seed);
  const order = permutation(10000, r);
  const layers = randomLayers(layerShapes(INPUT_SIZE[name], hidden), r);
  const sparsity = sparsityOf(layers);
  return {
    createdAt: '2025-01-02T03:04:05.678Z',
    config: {
      dataset: name,
      seed,
      epochs: 5,
      batchSize: 32,
      learningRate: 0.001,
      backend: 'auto',
      criterion: 'gradient',
      threshold: 0.01,
      backendUsed: 'cpu',
      note: null,
      flag: true,
    },
    hidden,
    data: { name, trainIndices: order.slice(0, 8000), valIndices: order.slice(8000) },
    layers,
    metrics: {
      dense: { trainAcc: 0.9, trainLoss: 0.3, valAcc: 0.85, valLoss: 0.4 },
      pruned: { trainAcc: 0.8, trainLoss: 0.5, valAcc: 0.75, valLoss: NaN },
      sparsity,
    },
    sweep: [
      SWEEP_START,
      {
        criterion: 'obd',
        split: 'train',
        scope: 'global',
        granularity: 'neurons',
        target: 0.4,
        sparsity: 0.5,
        threshold: 1.5e-7,
        accuracy: 0.8,
        loss: 0.5,
      },
      {
        criterion: 'random',
        split: 'val',
        scope: 'global',
        granularity: 'weights',
        target: 1,
        sparsity: 1,
        threshold: Infinity,
        accuracy: 0.1,
        loss: 2.3,
      },
      {
        criterion: 'magnitude',
        split: 'val',
        scope: 'per-layer',
        granularity: 'weights',
        target: 0.2,
        sparsity: 0.2,
        threshold: NaN,
        accuracy: 0.84,
        loss: 0.41,
      },
    ],
  };
}
