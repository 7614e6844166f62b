// The training loop on the fused WebAssembly steps against the same loop on the tfjs steps (CPU backend):
// the whole of `train` — batches, progress, epochs, validation, the weights handed back — not only the step
// (the step itself is checked in src/core/fit and src/train/fusedParity.test.ts, whose derived bound of
// 1e-3 per 100 steps at lr 0.01 on the weights is used here, scaled to this run's 30 steps).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, layerShapes, type LayerParams } from '../core/base';
import { makeSynthetic32 } from '../core/data';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { createMlp, readParams } from './model';
import type { EpochMetrics, ProgressInfo, StepsKind, TrainConfig } from './runTypes';
import { magnitudeMasks, subset, useCpuBackend } from './testUtil';
import { train, type TrainHooks } from './trainer';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(3), 480, 160);
// 2 epochs × 15 batches = 30 steps.
const config: TrainConfig = { dataset: 'synthetic-32', seed: 7, epochs: 2, batchSize: 32, learningRate: 0.01 };
const WEIGHT_BOUND = 30 * 0.01 * 1e-3;

async function run(
  steps: StepsKind,
  opts: { masks?: Uint8Array[]; hooks?: Partial<TrainHooks>; stopAt?: number } = {},
) {
  const before = tf.memory().numTensors;
  const data = toDevice(ds);
  const model = createMlp(initParams(32, config.seed));
  const shape = (l: number) => [model.layers[l].inputs, model.layers[l].units] as [number, number];
  const maskT = opts.masks && tf.tidy(() => opts.masks!.map((m, l) => tf.tensor2d(Float32Array.from(m), shape(l))));
  if (maskT) tf.tidy(() => model.layers.forEach((l, i) => l.kernel.assign(tf.mul(l.kernel, maskT[i]))));
  const epochs: EpochMetrics[] = [];
  const progress: ProgressInfo[] = [];
  const losses: number[] = [];
  const control = new RunControl();
  const live: Float32Array[][] = [];
  try {
    const outcome = await train(
      model,
      data,
      config,
      { liveGradStats: true, steps },
      control,
      {
        onProgress: (p, l) => {
          progress.push(p);
          losses.push(...l);
          if (opts.stopAt !== undefined && losses.length >= opts.stopAt) control.stop();
        },
        onEpoch: (m) => epochs.push(m),
        onLiveGrads: (_s, g) => live.push(g),
        ...opts.hooks,
      },
      maskT,
    );
    return { outcome, epochs, progress, losses, live, params: await readParams(model) };
  } finally {
    model.dispose();
    disposeDevice(data);
    tf.dispose(maskT);
    expect(tf.memory().numTensors).toBe(before);
  }
}

const maxDiff = (a: LayerParams[], b: LayerParams[]) =>
  Math.max(
    ...a.flatMap((l, i) => [
      ...l.kernel.map((v, j) => Math.abs(v - b[i].kernel[j])),
      ...l.bias.map((v, j) => Math.abs(v - b[i].bias[j])),
    ]),
  );

describe('the training loop on the fused WebAssembly steps', () => {
  it('trains as the tfjs steps do: the same batches, losses, epochs and weights within the bound; says which ran', async () => {
    const fused = await run('fused-wasm');
    const ref = await run('tfjs');
    expect(fused.outcome.steps).toBe('fused-wasm');
    expect(ref.outcome.steps).toBe('tfjs');
    expect(fused.progress.every((p) => p.steps === 'fused-wasm')).toBe(true);
    expect(fused.outcome.completed).toBe(true);
    expect(fused.losses.length).toBe(30);
    fused.losses.forEach((l, i) => expect(Math.abs(l - ref.losses[i])).toBeLessThan(2e-4 * Math.abs(ref.losses[i])));
    expect(fused.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    fused.epochs.forEach((e, i) => {
      const r = ref.epochs[i];
      expect(Math.abs(e.trainLoss - r.trainLoss)).toBeLessThan(2e-4 * r.trainLoss);
      expect(Math.abs(e.valLoss - r.valLoss)).toBeLessThan(2e-4 * r.valLoss);
      expect(e.trainAcc).toBeCloseTo(r.trainAcc, 6);
      expect(e.valAcc).toBeCloseTo(r.valAcc, 6);
    });
    expect(maxDiff(fused.params, ref.params)).toBeLessThan(WEIGHT_BOUND);
    // The weights were handed back: they moved from the initial ones.
    expect(maxDiff(fused.params, initParams(32, config.seed))).toBeGreaterThan(100 * WEIGHT_BOUND);
  });

  it('holds a mask exactly and matches the masked tfjs steps', async () => {
    const masks = magnitudeMasks(initParams(32, config.seed), 0.7);
    const fused = await run('fused-wasm', { masks });
    const ref = await run('tfjs', { masks });
    fused.params.forEach((l, i) => masks[i].forEach((m, j) => m === 0 && expect(Math.abs(l.kernel[j])).toBe(0)));
    expect(maxDiff(fused.params, ref.params)).toBeLessThan(WEIGHT_BOUND);
  });

  it('hands back the weights of a stopped run, and keeps the tfjs steps where a hook needs tfjs gradients', async () => {
    const stopped = await run('fused-wasm', { stopAt: 4 });
    expect(stopped.outcome.completed).toBe(false);
    expect(maxDiff(stopped.params, initParams(32, config.seed))).toBeGreaterThan(0);
    const hooked = await run('fused-wasm', { hooks: { afterGrads: () => {} } });
    expect(hooked.outcome.steps).toBe('tfjs');
    // The default on the CPU backend is tfjs (the fused steps are the wasm backend's).
    const data = toDevice(ds);
    const model = createMlp(initParams(32, 1));
    const noop = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };
    const outcome = await train(model, data, { ...config, epochs: 1 }, {}, new RunControl(), noop);
    expect(outcome.steps).toBe('tfjs');
    model.dispose();
    disposeDevice(data);
  });
});

describe('which steps train a network of other hidden layers', () => {
  it('the fused steps take any stack of layers up to MAX_WIDTH units; a wider one trains on the tfjs steps', async () => {
    for (const [hidden, expected] of [
      [[32, 32, 16, 16], 'fused-wasm'],
      [[8], 'fused-wasm'],
      [[300, 16], 'tfjs'],
    ] as const) {
      const before = tf.memory().numTensors;
      const data = toDevice(ds);
      const model = createMlp(initParams(32, 1, layerShapes(32, hidden, 10)));
      const seen: ProgressInfo[] = [];
      try {
        await train(model, data, { ...config, epochs: 1 }, { steps: 'fused-wasm', maxBatches: 3 }, new RunControl(), {
          onProgress: (p) => seen.push(p),
          onEpoch: () => {},
          onLiveGrads: () => {},
        });
      } finally {
        model.dispose();
        disposeDevice(data);
      }
      expect(seen.map((p) => p.steps).at(-1), hidden.join(',')).toBe(expected);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
