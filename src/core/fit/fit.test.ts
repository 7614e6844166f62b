import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels } from '../../../scripts/wasm-compile.mjs';
import { FIT_WASM_BASE64 } from './fit.wasm';

describe('WebAssembly fused training step', () => {
  it('the committed bytes are fit.wat compiled (run `npm run wasm` after editing it)', async () => {
    const wat = readFileSync(new URL('./fit.wat', import.meta.url), 'utf8');
    const bytes: Uint8Array = await compileKernels(wat);
    expect(Buffer.from(bytes).toString('base64')).toBe(FIT_WASM_BASE64);
  });

  it('is valid WebAssembly with SIMD, imports exp and log, exports step, forward and the memory', () => {
    const bytes = Buffer.from(FIT_WASM_BASE64, 'base64');
    expect(WebAssembly.validate(bytes)).toBe(true);
    const mod = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(mod).map((e) => `${e.module}.${e.name}`)).toEqual(['m.exp', 'm.log']);
    const names = WebAssembly.Module.exports(mod).map((e) => `${e.kind}:${e.name}`);
    expect(names.sort()).toEqual(['function:forward', 'function:step', 'memory:memory']);
  });
});
