import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { secondsPerBatch } from '../core/base';
import { probeThroughput } from './probe';

describe('throughput probe', () => {
  it('measures the real training loop at two batch sizes and both widths and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const t = await probeThroughput();
    expect(tf.memory().numTensors).toBe(before);
    for (const v of [t.batch32, t.batch128, t.narrow32!]) expect(Number.isFinite(v) && v > 0).toBe(true);
    // A step costs something at every batch size the estimate is asked about.
    const s = secondsPerBatch(t, 32, 784);
    expect(Number.isFinite(s) && s > 0).toBe(true);
  }, 60_000);
});
