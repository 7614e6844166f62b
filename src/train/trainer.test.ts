import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic32 } from '../core/data';
import { initParams } from '../core/base';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { createMlp, readParams } from './model';
import type { EpochMetrics, TrainConfig } from './runTypes';
import { subset, useCpuBackend } from './testUtil';
import { RATE_SKIP_BATCHES, train, type TrainHooks } from './trainer';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(2), 480, 160);
const config: TrainConfig = { dataset: 'synthetic-32', seed: 5, epochs: 3, batchSize: 32, learningRate: 0.01 };

async function run(
  cfg: TrainConfig,
  hooks: Partial<TrainHooks> = {},
  control = new RunControl(),
  liveGradStats = true,
) {
  const data = toDevice(ds);
  const model = createMlp(initParams(32, cfg.seed));
  const epochs: EpochMetrics[] = [];
  try {
    const outcome = await train(model, data, cfg, { liveGradStats }, control, {
      onProgress: hooks.onProgress ?? (() => {}),
      onEpoch: (m) => (epochs.push(m), hooks.onEpoch?.(m)),
      onLiveGrads: hooks.onLiveGrads ?? (() => {}),
    });
    return { outcome, epochs, params: await readParams(model) };
  } finally {
    model.dispose();
    disposeDevice(data);
  }
}

describe('training loop', () => {
  it('learns, reports every batch loss once, and keeps the tensor count flat across epochs', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const { outcome, epochs } = await run(config, {
      onProgress: (_p, losses, first) => losses.forEach((_, i) => seen.push(first + i)),
    });
    expect(outcome.completed).toBe(true);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => i)); // 3 epochs × 15 batches
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs[2].valAcc).toBeGreaterThan(0.3); // chance is 0.1
    expect(new Set(epochs.map((e) => e.numTensors)).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives bit-identical weights for the same seed and different ones for another seed', async () => {
    const a = await run(config),
      b = await run(config),
      c = await run({ ...config, seed: 6 });
    a.params.forEach((l, i) => {
      expect(Buffer.from(l.kernel.buffer).equals(Buffer.from(b.params[i].kernel.buffer))).toBe(true);
      expect(Buffer.from(l.bias.buffer).equals(Buffer.from(b.params[i].bias.buffer))).toBe(true);
    });
    expect(Buffer.from(a.params[0].kernel.buffer).equals(Buffer.from(c.params[0].kernel.buffer))).toBe(false);
  });

  it('sends a live |∂L/∂w| estimate with one array per kernel', async () => {
    const live: Float32Array[][] = [];
    await run({ ...config, epochs: 1 }, { onLiveGrads: (_s, g) => live.push(g) });
    expect(live.length).toBeGreaterThan(0);
    expect(live[0].map((g) => g.length)).toEqual([32 * 64, 64 * 32, 32 * 10]);
    expect(live[0].every((g) => g.every((v) => Number.isFinite(v) && v >= 0))).toBe(true);
    expect(live[0][2].some((v) => v > 0)).toBe(true);
  });

  it('stops cleanly mid-epoch and releases every tensor', async () => {
    const before = tf.memory().numTensors;
    const control = new RunControl();
    let reports = 0;
    const { outcome, epochs } = await run(config, { onProgress: () => ++reports === 2 && control.stop() }, control);
    expect(outcome.completed).toBe(false);
    expect(epochs).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses and resumes without losing batches', async () => {
    const control = new RunControl();
    let batches = 0;
    const pending = run(
      { ...config, epochs: 1 },
      {
        onProgress: (_p, losses) => {
          batches += losses.length;
          if (!control.paused && batches < 15 && batches >= 4) {
            control.pause();
            setTimeout(() => control.resume(), 30);
          }
        },
      },
      control,
    );
    const { outcome } = await pending;
    expect(outcome.completed).toBe(true);
    expect(batches).toBe(15);
    expect(control.pausedMs).toBeGreaterThan(0);
  });

  it('stops with a clear message when the loss is no longer finite', async () => {
    const before = tf.memory().numTensors;
    await expect(run({ ...config, learningRate: 1e30 })).rejects.toThrow(/loss became .* Try a smaller learning rate/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('throughput accounting', () => {
  it('survives a warm-up that ends exactly at an epoch boundary and times at least one batch', async () => {
    const data = toDevice(ds);
    const model = createMlp(initParams(32, 1));
    const hooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };
    try {
      const atBoundary = await train(
        model,
        data,
        { ...config, epochs: 2 },
        { warmupBatches: 15, maxBatches: 20 },
        new RunControl(),
        hooks,
      );
      expect(atBoundary.completed).toBe(true);
      // Positive and finite: a rate over zero timed batches is Infinity, the bug this guards against.
      expect(atBoundary.samplesPerSec).toBeGreaterThan(0);
      expect(Number.isFinite(atBoundary.samplesPerSec)).toBe(true);
      const allWarmup = await train(model, data, config, { warmupBatches: 50, maxBatches: 5 }, new RunControl(), hooks);
      expect(allWarmup.samplesPerSec).toBeGreaterThan(0);
      expect(Number.isFinite(allWarmup.samplesPerSec)).toBe(true);
    } finally {
      model.dispose();
      disposeDevice(data);
    }
  });
});

describe('ETA', () => {
  it(`is not told from the first ${RATE_SKIP_BATCHES} batches (kernels compile there), then from the steady rate`, async () => {
    const seen: [number, number][] = [];
    await run(config, {
      onProgress: (p) => p.stage === 'training' && seen.push([p.epoch * 15 - 15 + p.batch, p.etaSec]),
    });
    expect(seen.filter(([b]) => b <= RATE_SKIP_BATCHES).every(([, eta]) => Number.isNaN(eta))).toBe(true);
    const later = seen.filter(([b]) => b > 2 * RATE_SKIP_BATCHES);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every(([, eta]) => Number.isFinite(eta) && eta >= 0)).toBe(true);
  });
});

describe('batches', () => {
  it('are gathered by index: no kernel reads a whole training split per step (the WASM slice copies its whole input)', async () => {
    const data = toDevice(ds);
    const model = createMlp(initParams(32, 1));
    const hooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };
    try {
      const info = await tf.profile(
        async () =>
          void (await train(
            model,
            data,
            { ...config, epochs: 1 },
            { maxBatches: 6, skipScoring: true },
            new RunControl(),
            hooks,
          )),
      );
      const gathers = info.kernels.filter((k) => k.name === 'GatherV2');
      expect(gathers.length).toBe(6 * 3); // features, one-hot and labels of each batch
      expect(
        info.kernels.filter((k) => k.name === 'Slice' && k.inputShapes.some((s) => s?.[0] === ds.train.n)),
      ).toEqual([]);
    } finally {
      model.dispose();
      disposeDevice(data);
    }
  });
});
