import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAndDispose } from './read';
import { useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

describe('readAndDispose', () => {
  it('returns the values and frees the tensor', async () => {
    const before = tf.memory().numTensors;
    expect(Array.from(await readAndDispose(tf.tensor1d([1, 2, 3])))).toEqual([1, 2, 3]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the tensor when the read fails (as on a lost GPU device)', async () => {
    const before = tf.memory().numTensors;
    const t = tf.tensor1d([1]);
    t.data = () => Promise.reject(new Error('Buffer was unmapped before mapping was resolved.'));
    await expect(readAndDispose(t)).rejects.toThrow('unmapped');
    expect(tf.memory().numTensors).toBe(before);
  });
});
