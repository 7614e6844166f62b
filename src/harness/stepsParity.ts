/**
 * The WebGPU steps' check against tfjs's (`__gpl.stepsParity`, e2e/webgpu-steps.spec.ts): builds a job —
 * a dataset's first rows, the lab's initial weights of `seed`, seeded random masks — runs the worker's
 * 'steps-parity' job (both steps on the same batches) and reduces its two runs to their differences.
 */
import { createRng, deriveSeed, HIDDEN_UNITS, initParams, layerShapes } from '../core/base';
import { dataRefOf, type DatasetName } from '../core/data';
import { loadDataset } from '../data/load';
import type { Controller } from '../state/controller';

export interface StepsParityOptions {
  dataset: DatasetName;
  seed: number;
  steps: number;
  batchSize?: number;
  learningRate?: number;
  /** Share of every kernel's weights masked (seeded random), 0 for none. */
  sparsity?: number;
  valRows?: number;
  /** The hidden layers' widths (default 64, 32). */
  hidden?: readonly number[];
}

export interface StepsParityReport {
  /** Dispatches per step: the WGSL steps' own counter, and both sides as the wrapped encoder counted them. */
  dispatches: { counted: number; webgpu: number; tfjs: number };
  /** Largest |Δ| over all weights and biases after the steps. */
  weightDiff: number;
  /** The smallest, over layers, of how far tfjs moved the layer's largest-moving weight from its start. */
  weightMoved: number;
  /** Batch losses on each side, and the largest |Δloss| / loss. */
  losses: [number, number];
  lossRelDiff: number;
  /** Training and validation correct counts on each side, and the validation loss's relative difference. */
  trainCorrect: [number, number];
  valCorrect: [number, number];
  valLossRelDiff: number;
  /** Largest |Δ| of the live average, relative to its layer's largest value (tfjs). */
  liveRelDiff: number;
  /** Masked weights that are not exactly 0 after the WGSL steps. */
  maskedNonZero: number;
  masked: number;
  leakedTensors: [number, number];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

export async function stepsParity(c: Controller, dataUrl: string, o: StepsParityOptions): Promise<StepsParityReport> {
  const bs = o.batchSize ?? 32;
  const ds = await loadDataset({ name: o.dataset, seed: o.seed }, dataUrl, { cache: false });
  const ref = dataRefOf(ds, o.seed);
  const data = {
    ...ref,
    trainIndices: ref.trainIndices.slice(0, o.steps * bs),
    valIndices: ref.valIndices.slice(0, o.valRows ?? 500),
  };
  const hidden = o.hidden ?? HIDDEN_UNITS;
  const layers = initParams(ds.inputSize, o.seed, layerShapes(ds.inputSize, hidden, ds.numClasses));
  const rng = createRng(deriveSeed(o.seed, 'parity-masks'));
  const masks = o.sparsity
    ? layers.map((l) => Uint8Array.from({ length: l.kernel.length }, () => (rng.next() < o.sparsity! ? 0 : 1)))
    : undefined;
  const config = {
    dataset: o.dataset,
    seed: o.seed,
    epochs: 1,
    batchSize: bs,
    learningRate: o.learningRate ?? 0.01,
    hidden: [...hidden],
  };
  const { tfjs, webgpu, counted } = await c.stepsParity({ config, data, layers, steps: o.steps, masks });

  let weightDiff = 0;
  let weightMoved = Infinity;
  let liveRelDiff = 0;
  let maskedNonZero = 0;
  tfjs.layers.forEach((l, i) => {
    const mine = webgpu.layers[i];
    weightDiff = Math.max(weightDiff, maxDiff(l.kernel, mine.kernel), maxDiff(l.bias, mine.bias));
    weightMoved = Math.min(weightMoved, maxDiff(l.kernel, layers[i].kernel));
    liveRelDiff = Math.max(liveRelDiff, maxDiff(tfjs.live[i], webgpu.live[i]) / Math.max(...tfjs.live[i]));
    masks?.[i].forEach((keep, j) => (maskedNonZero += keep === 0 && mine.kernel[j] !== 0 ? 1 : 0));
  });
  let lossRelDiff = 0;
  tfjs.losses.forEach((v, b) => (lossRelDiff = Math.max(lossRelDiff, Math.abs(v - webgpu.losses[b]) / v)));
  const rows = o.steps * bs;
  const nVal = data.valIndices.length;
  const [, trainAccA, valLossA, valAccA] = tfjs.summary;
  const [, trainAccB, valLossB, valAccB] = webgpu.summary;
  return {
    dispatches: { counted, webgpu: webgpu.dispatchesPerStep, tfjs: tfjs.dispatchesPerStep },
    weightDiff,
    weightMoved,
    losses: [tfjs.losses.length, webgpu.losses.length],
    lossRelDiff,
    trainCorrect: [Math.round(trainAccA * rows), Math.round(trainAccB * rows)],
    valCorrect: [Math.round(valAccA * nVal), Math.round(valAccB * nVal)],
    valLossRelDiff: Math.abs(valLossA - valLossB) / valLossA,
    liveRelDiff,
    maskedNonZero,
    masked: masks ? masks.reduce((s, m) => s + m.length - m.reduce((a, k) => a + k, 0), 0) : 0,
    leakedTensors: [tfjs.leakedTensors, webgpu.leakedTensors],
  };
}
