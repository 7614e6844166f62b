import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { selectBackend, smokeTest } from './backend';

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
  it('falls back to WASM, which passes the gradient check, and explains each skipped backend in one line', async () => {
    const info = await selectBackend('auto');
    expect(info.name).toBe('wasm');
    expect(info.requested).toBe('auto');
    expect(info.fallbackReason).toMatch(/^webgpu skipped: .*; webgl skipped: /);
    expect(info.fallbackReason).not.toContain('\n');
  });

  it('honours a forced backend without a fallback note', async () => {
    const info = await selectBackend('cpu');
    expect(info).toMatchObject({
      name: 'cpu',
      requested: 'cpu',
      fallbackReason: '',
      software: false,
      slowerChoice: null,
    });
  });

  it('passes the gradient check on a correct backend and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await smokeTest()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
