import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, smokeTest } from './backend';

describe('backend selection (Node: only the CPU backend exists)', () => {
  it('falls back to CPU and explains each skipped backend in one line', async () => {
    const info = await selectBackend('auto');
    expect(info.name).toBe('cpu');
    expect(info.requested).toBe('auto');
    expect(info.fallbackReason).toMatch(/^webgpu skipped: .*; webgl skipped: /);
    expect(info.fallbackReason).not.toContain('\n');
  });

  it('honours a forced backend without a fallback note', async () => {
    const info = await selectBackend('cpu');
    expect(info).toMatchObject({ name: 'cpu', requested: 'cpu', fallbackReason: '', software: false });
  });

  it('passes the gradient check on a correct backend and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await smokeTest()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
