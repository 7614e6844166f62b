import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels } from '../../../scripts/wasm-compile.mjs';
import { KERNELS_WASM_BASE64 } from './kernels.wasm';

describe('WebAssembly kernels', () => {
  it('the committed bytes are kernels.wat compiled (run `npm run wasm` after editing it)', async () => {
    const wat = readFileSync(new URL('./kernels.wat', import.meta.url), 'utf8');
    const bytes: Uint8Array = await compileKernels(wat);
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it('are valid WebAssembly with SIMD and export the three kernels and the memory', () => {
    const bytes = Buffer.from(KERNELS_WASM_BASE64, 'base64');
    expect(WebAssembly.validate(bytes)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => `${e.kind}:${e.name}`);
    expect(names.sort()).toEqual(['function:columnUpdate', 'function:layer', 'function:sparseLayer', 'memory:memory']);
  });
});
