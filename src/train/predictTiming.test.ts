// The tfjs predict timing (src/train/predictTiming.ts) on the CPU backend: the model it times is the
// network (its predictions are the plain-TS pass's), the per-call figures are derived from the clock
// as documented, and it leaves no tensors behind. Real times are a benchmark, never asserted here.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerShapes, forwardLogits, createRng } from '../core/base';
import { predictModel, timePredict } from './predictTiming';
import { useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

const r = createRng(3);
const layers = layerShapes(12).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, () => r.normal() * 0.4),
  bias: Float32Array.from({ length: s.units }, () => r.normal() * 0.1),
}));

describe('timePredict', () => {
  it('times the network itself: its model predicts the softmax of the plain-TS logits', async () => {
    const n = 5;
    const x = Float32Array.from({ length: n * 12 }, () => r.next());
    const model = predictModel(layers);
    const xt = tf.tensor2d(x, [n, 12]);
    const yt = model.predict(xt) as tf.Tensor;
    const probs = await yt.data();
    tf.dispose([xt, yt]);
    model.dispose();
    const logits = forwardLogits(layers, x, n);
    for (let row = 0; row < n; row++) {
      const z = Array.from(logits.subarray(row * 10, row * 10 + 10));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, j) => expect(probs[row * 10 + j]).toBeCloseTo(v / sum, 5));
    }
  });

  it('calibrates repetitions on the clock and reports per-call milliseconds, leaving no tensors', async () => {
    // A fake clock that advances 1 ms per reading: a sample of k calls reads it twice, so lasts 1 ms.
    let t = 0;
    const before = tf.memory().numTensors;
    const out = await timePredict(layers, [1, 4], { samples: 5, minSampleMs: 1, now: () => t++ });
    expect(tf.memory().numTensors).toBe(before);
    for (const b of [1, 4]) {
      expect(out[b].samples).toBe(5);
      expect(out[b].repsPerSample).toBe(1);
      expect(out[b].medianMs).toBe(1);
      expect(out[b].p10Ms).toBeLessThanOrEqual(out[b].medianMs);
    }
  });
});
