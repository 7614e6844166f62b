import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels } from '../../../scripts/wasm-compile.mjs';
import { INFER_WASM_BASE64 } from './infer.wasm';

describe('WebAssembly inference kernels', () => {
  it('the committed bytes are infer.wat compiled (run `npm run wasm` after editing it)', async () => {
    const wat = readFileSync(new URL('./infer.wat', import.meta.url), 'utf8');
    const bytes: Uint8Array = await compileKernels(wat);
    expect(Buffer.from(bytes).toString('base64')).toBe(INFER_WASM_BASE64);
  });

  it('are valid WebAssembly with SIMD and export the five kernels and the memory', () => {
    const bytes = Buffer.from(INFER_WASM_BASE64, 'base64');
    expect(WebAssembly.validate(bytes)).toBe(true);
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => `${e.kind}:${e.name}`);
    expect(names.sort()).toEqual([
      'function:csr',
      'function:csrTiles',
      'function:dense',
      'function:fromTiles',
      'function:toTiles',
      'memory:memory',
    ]);
  });
});
