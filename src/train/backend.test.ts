import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { chooseByMeasurement, selectBackend, smokeTest } from './backend';

// In the browser Vite turns these imports into asset URLs; in Node, point them at the files.
vi.mock('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url', async () => ({
  default: await wasmFile('tfjs-backend-wasm.wasm'),
}));
vi.mock('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url', async () => ({
  default: await wasmFile('tfjs-backend-wasm-simd.wasm'),
}));
vi.mock('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url', async () => ({
  default: await wasmFile('tfjs-backend-wasm-threaded-simd.wasm'),
}));
async function wasmFile(name: string): Promise<string> {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  return join(
    dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist',
    name,
  );
}

describe('backend selection (Node: no WebGPU, no WebGL)', () => {
  it('auto starts on WASM at once, its choice pending, with nothing skipped', async () => {
    const info = await selectBackend('auto');
    expect(info).toMatchObject({
      name: 'wasm',
      requested: 'auto',
      pending: 'waiting',
      fallbackReason: '',
      skipped: [],
    });
  });

  it('the measurement skips what cannot start here, explains it in one line, and keeps the fastest that did', async () => {
    const sizes: number[] = [];
    const info = await selectBackend('auto').then(() =>
      chooseByMeasurement(64, {}, async (batch) => (sizes.push(batch), 1234)),
    );
    expect(sizes).toEqual([64]); // only WASM started: measured once, at the run's batch size
    expect(info).toMatchObject({ name: 'wasm', requested: 'auto', measuredBatch: 64 });
    expect(info.pending).toBeUndefined();
    expect(info.measured!.map((m) => [m.name, m.samplesPerSec])).toEqual([['wasm', 1234]]);
    expect(info.fallbackReason).toMatch(
      /^webgpu skipped: .*; webgl skipped: .*; auto measured at batch 64: wasm 1,230 samples\/s$/,
    );
    expect(info.fallbackReason).not.toContain('\n');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('honours a forced backend without a fallback note', async () => {
    const info = await selectBackend('cpu');
    expect(info).toMatchObject({
      name: 'cpu',
      requested: 'cpu',
      fallbackReason: '',
      software: false,
    });
  });

  it('passes the gradient check on a correct backend and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await smokeTest()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
