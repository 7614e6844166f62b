import { describe, expect, it, vi } from 'vitest';
import { layerShapes, initParams, createRng } from '../base';
import { JsEngine, type EvalEngine } from './evalEngine';
import { sparseFeatures } from './sparseFeatures';
import { kernelsModule, WasmEngine } from './wasmEngine';

function setup(seed: number, d: number, n: number, widths: number[], classes: number) {
  const r = createRng(seed);
  const layers = initParams(d, seed, layerShapes(d, widths, classes));
  layers.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.1 * r.normal())));
  const x = Float32Array.from({ length: n * d }, () => (r.next() < 0.6 ? 0 : r.next()));
  const f = sparseFeatures(x, n, d);
  const masks = layers.map((p) => Uint8Array.from(p.kernel, () => (r.next() < 0.7 ? 1 : 0)));
  return { r, layers, f, masks };
}

/** z1 without the padding column(s), as a plain array. */
const z1Of = (e: EvalEngine, n: number, units: number) =>
  Array.from({ length: n * units }, (_, k) => e.z1[Math.floor(k / units) * e.z1Stride + (k % units)]);

describe('WebAssembly SIMD engine', () => {
  it('is available in Node', () => {
    expect(kernelsModule()).not.toBeNull();
  });

  it('matches the plain-TS engine bit for bit: full first layer, incremental updates, later layers', () => {
    for (const [seed, widths, classes] of [
      [1, [16, 8], 5],
      [2, [15, 9], 3],
      [3, [3, 1], 10],
    ] as const) {
      const n = 97;
      const d = 23;
      const { r, layers, f, masks } = setup(seed, d, n, [...widths], classes);
      const wasm = new WasmEngine(kernelsModule()!, layers, f);
      const js = new JsEngine(layers, f);
      wasm.firstLayer(masks[0]);
      js.firstLayer(masks[0]);
      expect(z1Of(wasm, n, widths[0])).toEqual(z1Of(js, n, widths[0]));
      // The same random flips applied to both (grouped by input, in input order).
      for (const e of [wasm, js]) {
        const fr = createRng(seed + 100);
        let c = 0;
        e.flips.ptr[0] = 0;
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < widths[0]; j++) {
            if (fr.next() < 0.2) {
              e.flips.unit[c] = j;
              e.flips.delta[c++] = fr.normal();
            }
          }
          e.flips.ptr[i + 1] = c;
        }
      }
      expect(wasm.applyFlips()).toBe(false);
      js.applyFlips(0); // column walk
      expect(z1Of(wasm, n, widths[0])).toEqual(z1Of(js, n, widths[0]));
      const a = new Float64Array(n * classes);
      const b = new Float64Array(n * classes);
      wasm.later(masks.slice(1), a);
      js.later(masks.slice(1), b);
      expect(Array.from(a)).toEqual(Array.from(b));
      // New later masks are picked up (the masked kernels are cached per mask).
      const other = masks.slice(1).map((m) => Uint8Array.from(m, () => (r.next() < 0.5 ? 1 : 0)));
      wasm.later(other, a);
      js.later(other, b);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });

  it('row and column walks of the plain-TS engine agree bit for bit', () => {
    const n = 50;
    const { layers, f, masks } = setup(4, 30, n, [12, 6], 4);
    const [cols, rows] = [new JsEngine(layers, f), new JsEngine(layers, f)];
    for (const e of [cols, rows]) {
      e.firstLayer(masks[0]);
      const fr = createRng(9);
      let c = 0;
      for (let i = 0; i < 30; i++) {
        for (let j = 0; j < 12; j++) if (fr.next() < 0.3) ((e.flips.unit[c] = j), (e.flips.delta[c++] = fr.normal()));
        e.flips.ptr[i + 1] = c;
      }
    }
    expect(cols.applyFlips(0)).toBe(false);
    expect(rows.applyFlips(f.nnz)).toBe(true);
    expect(Array.from(rows.z1)).toEqual(Array.from(cols.z1));
  });
});

describe('without WebAssembly', () => {
  it('the evaluator falls back to the plain-TS engine and gives the same numbers', async () => {
    const { layers, f, masks } = setup(5, 20, 40, [8, 4], 3);
    const y = Uint8Array.from({ length: 40 }, (_, i) => i % 3);
    const { MaskedEvaluator: WithWasm } = await import('../eval');
    const expected = new WithWasm(layers, f, y, 40).evaluate(masks);
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const { MaskedEvaluator } = await import('../eval');
      const ev = new MaskedEvaluator(layers, f, y, 40);
      expect(ev.engineKind).toBe('js');
      expect(ev.evaluate(masks)).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});

describe('when WebAssembly memory cannot be had', () => {
  it('the evaluator uses the plain-TS engine instead of failing', async () => {
    const n = 3000; // more than the first 64 KB page of memory
    const { layers, f, masks } = setup(6, 20, n, [8, 4], 3);
    const y = Uint8Array.from({ length: n }, (_, i) => i % 3);
    const { MaskedEvaluator } = await import('../eval');
    const expected = new MaskedEvaluator(layers, f, y, n, 'js').evaluate(masks);
    const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    try {
      const ev = new MaskedEvaluator(layers, f, y, n);
      expect(grow).toHaveBeenCalled();
      expect(ev.engineKind).toBe('js');
      expect(ev.evaluate(masks)).toEqual(expected);
    } finally {
      grow.mockRestore();
    }
  });
});
