import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, forwardLogits, lossAndAccuracy, type LayerParams } from '../core/base';
import { createMlp, logits, predict } from './model';
import { scoringPass } from './scoring';
import { randomData, TINY_SHAPES, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

/** Mean cross-entropy of rows [start, start+size) in float64, the independent reference. */
function batchLoss(
  layers: LayerParams[],
  x: Float32Array,
  y: Uint8Array,
  start: number,
  size: number,
  width: number,
): number {
  const xb = Array.from(x.subarray(start * width, (start + size) * width));
  const k = layers.map((l) => ({ ...l, kernel: Float64Array.from(l.kernel), bias: Float64Array.from(l.bias) }));
  return lossAndAccuracy(forwardLogits(k, xb, size), y.subarray(start, start + size), size, 3).loss;
}

describe('scoring pass', () => {
  it('matches central finite differences of the loss (gradAbsMean and gradSqMean)', async () => {
    const params = initParams(5, 17, TINY_SHAPES);
    const { x, y } = randomData(10, 5, 3, 99);
    const batchSize = 4; // batches of 4, 4 and a partial 2
    const model = createMlp(params);
    const xt = tf.tensor2d(x, [10, 5]);
    const yt = tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), 3).toFloat() as tf.Tensor2D;
    const stats = await scoringPass(model, xt, yt, batchSize);
    expect(stats).not.toBeNull();
    expect(stats!.batches).toBe(3);

    const h = 1e-6;
    let compared = 0;
    params.forEach((layer, l) => {
      for (let i = 0; i < layer.kernel.length; i++) {
        let abs = 0,
          sq = 0;
        for (let b = 0; b < 3; b++) {
          const start = b * batchSize,
            size = Math.min(batchSize, 10 - start);
          const plus = params.map((p) => ({ ...p, kernel: Float64Array.from(p.kernel) as unknown as Float32Array }));
          const minus = params.map((p) => ({ ...p, kernel: Float64Array.from(p.kernel) as unknown as Float32Array }));
          plus[l].kernel[i] += h;
          minus[l].kernel[i] -= h;
          const g = (batchLoss(plus, x, y, start, size, 5) - batchLoss(minus, x, y, start, size, 5)) / (2 * h);
          abs += Math.abs(g) / 3;
          sq += (g * g) / 3;
        }
        const gotAbs = stats!.gradAbsMean[l][i],
          gotSq = stats!.gradSqMean[l][i];
        expect(Math.abs(gotAbs - abs)).toBeLessThanOrEqual(1e-3 * Math.abs(abs) + 1e-7);
        expect(Math.abs(gotSq - sq)).toBeLessThanOrEqual(1e-3 * Math.abs(sq) + 1e-9);
        if (abs > 1e-4) compared++;
      }
    });
    // Most weights have clearly non-zero gradients, so the comparison is not vacuous.
    expect(compared).toBeGreaterThan(30);
    model.dispose();
    tf.dispose([xt, yt]);
  });

  it('does not change the weights and leaves no tensors behind', async () => {
    const params = initParams(5, 3, TINY_SHAPES);
    const model = createMlp(params);
    const { x, y } = randomData(9, 5, 3, 1);
    const xt = tf.tensor2d(x, [9, 5]);
    const yt = tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), 3).toFloat() as tf.Tensor2D;
    const before = tf.memory().numTensors;
    await scoringPass(model, xt, yt, 4);
    expect(tf.memory().numTensors).toBe(before);
    expect(await model.layers[0].kernel.data()).toEqual(params[0].kernel);
    model.dispose();
    tf.dispose([xt, yt]);
  });
});

describe('tfjs model against the plain-TS forward pass', () => {
  it('gives the same logits and softmax within 1e-4 for the 784-64-32-10 network', async () => {
    const params = initParams(784, 5);
    // Non-zero biases so they are checked too.
    params.forEach((p, l) => p.bias.forEach((_, j) => (p.bias[j] = 0.05 * (j % 5) - 0.1 * l)));
    const model = createMlp(params);
    const { x } = randomData(64, 784, 10, 8);
    const xt = tf.tensor2d(x, [64, 784]);
    const lg = logits(model, xt);
    const probs = predict(model, xt);
    const got = await lg.data();
    const gotP = await probs.data();
    const ref = forwardLogits(params, x, 64);
    let maxDiff = 0;
    ref.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - got[i]))));
    expect(maxDiff).toBeLessThan(1e-4);
    for (let r = 0; r < 64; r++) {
      const row = Array.from(ref.subarray(r * 10, r * 10 + 10));
      const m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b);
      e.forEach((v, c) => expect(Math.abs(v / s - gotP[r * 10 + c])).toBeLessThan(1e-4));
    }
    tf.dispose([xt, lg, probs]);
    model.dispose();
  });
});
