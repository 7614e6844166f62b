import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, forwardLogits, lossAndAccuracy } from '../core/base';
import { oneBatchGradients } from './initGrads';
import { randomData, TINY_SHAPES, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

describe('SNIP’s one-batch gradients', () => {
  it('are |∂L/∂w| of the first rows only (central finite differences in float64), and leave no tensors', async () => {
    const params = initParams(5, 11, TINY_SHAPES);
    const { x, y } = randomData(12, 5, 3, 5);
    const trainX = tf.tensor2d(x, [12, 5]);
    const trainOneHot = tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), 3).toFloat() as tf.Tensor2D;
    const before = tf.memory().numTensors;
    const g = await oneBatchGradients(params, { trainX, trainOneHot }, 4);
    expect(tf.memory().numTensors).toBe(before);
    const loss = (l: number, i: number, d: number) => {
      const k = params.map((p) => ({ ...p, kernel: Float64Array.from(p.kernel), bias: Float64Array.from(p.bias) }));
      k[l].kernel[i] += d;
      return lossAndAccuracy(forwardLogits(k, Array.from(x.subarray(0, 20)), 4), y.subarray(0, 4), 4, 3).loss;
    };
    let compared = 0;
    params.forEach((p, l) =>
      p.kernel.forEach((_, i) => {
        const fd = Math.abs((loss(l, i, 1e-6) - loss(l, i, -1e-6)) / 2e-6);
        expect(Math.abs(g[l][i] - fd)).toBeLessThanOrEqual(1e-3 * fd + 1e-7);
        if (fd > 1e-4) compared++;
      }),
    );
    expect(compared).toBeGreaterThan(20);
    tf.dispose([trainX, trainOneHot]);
  });
});
