import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, forwardLogits, lossAndAccuracy } from '../core/base';
import { RunControl } from './control';
import { movementScores } from './movement';
import type { TrainConfig } from './runTypes';
import { randomData, TINY_SHAPES, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

describe('movement scores', () => {
  it('are −w·∂L/∂w summed over the steps (one full-batch step: checked against finite differences), and leak nothing', async () => {
    const params = initParams(5, 9, TINY_SHAPES);
    const { x, y } = randomData(8, 5, 3, 21);
    const trainX = tf.tensor2d(x, [8, 5]);
    const labels = tf.tensor1d(Int32Array.from(y), 'int32');
    const trainOneHot = tf.oneHot(labels, 3).toFloat() as tf.Tensor2D;
    const data = { trainX, trainOneHot, trainLabels: labels, valX: trainX, valOneHot: trainOneHot, valLabels: labels };
    const config: TrainConfig = { dataset: 'synthetic-32', seed: 1, epochs: 1, batchSize: 8, learningRate: 0.01 };
    const before = tf.memory().numTensors;
    const out = await movementScores(params, data, config, new RunControl(), {
      onProgress: () => {},
      onEpoch: () => {},
      onLiveGrads: () => {},
    });
    expect(tf.memory().numTensors).toBe(before);
    const loss = (l: number, i: number, d: number) => {
      const k = params.map((p) => ({ ...p, kernel: Float64Array.from(p.kernel), bias: Float64Array.from(p.bias) }));
      k[l].kernel[i] += d;
      return lossAndAccuracy(forwardLogits(k, Array.from(x), 8), y, 8, 3).loss;
    };
    let compared = 0;
    params.forEach((p, l) =>
      p.kernel.forEach((w, i) => {
        const g = (loss(l, i, 1e-6) - loss(l, i, -1e-6)) / 2e-6;
        expect(Math.abs(out!.scores[l][i] - -w * g)).toBeLessThanOrEqual(1e-3 * Math.abs(w * g) + 1e-7);
        if (Math.abs(w * g) > 1e-4) compared++;
      }),
    );
    expect(compared).toBeGreaterThan(15);
    expect(out!.layers[0].kernel).not.toEqual(params[0].kernel); // it fine-tuned
    tf.dispose([trainX, labels, trainOneHot]);
  });
});
