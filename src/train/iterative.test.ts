import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic32 } from '../core/data';
import { initParams } from '../core/base';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { iterativePrune, stepSparsity } from './iterative';
import { createMlp, readParams } from './model';
import { subset, useCpuBackend } from './testUtil';
import { train } from './trainer';

beforeAll(useCpuBackend);
const noHooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };

describe('iterative pruning', () => {
  it('uses a geometric schedule ending at the target', () => {
    expect(stepSparsity(0.9, 0, 3)).toBe(0);
    expect(stepSparsity(0.9, 3, 3)).toBeCloseTo(0.9, 12);
    expect(stepSparsity(0.9, 1, 3)).toBeCloseTo(1 - 0.1 ** (1 / 3), 12);
  });

  it('reaches the target sparsity with pruned weights exactly 0, keeping earlier pruned weights pruned', async () => {
    const ds = subset(makeSynthetic32(5), 600, 300);
    const data = toDevice(ds);
    const config = { dataset: 'synthetic-32' as const, seed: 3, epochs: 4, batchSize: 32, learningRate: 0.01 };
    const model = createMlp(initParams(32, 3));
    await train(model, data, config, { liveGradStats: false }, new RunControl(), noHooks);
    const trained = await readParams(model);
    model.dispose();
    const before = tf.memory().numTensors;
    const out = await iterativePrune(
      trained,
      data,
      { ...config, learningRate: 0.001 },
      { criterion: 'taylor', target: 0.9, steps: 3, epochsPerStep: 1, seed: 3 },
      new RunControl(),
      noHooks,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(out.completed).toBe(true);
    const zeros = out.params!.reduce((a, p) => a + p.kernel.filter((w) => w === 0).length, 0);
    const total = out.params!.reduce((a, p) => a + p.kernel.length, 0);
    expect(zeros).toBeGreaterThanOrEqual(Math.floor(0.9 * total));
    expect(out.maskViolations).toBe(0);
    expect(out.after!.valAcc).toBeGreaterThan(out.oneShot.valAcc - 0.02);
    disposeDevice(data);
  });
});
