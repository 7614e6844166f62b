import { describe, expect, it } from 'vitest';
import {
  affineParams,
  dequantizeAffine,
  dequantizedLayers,
  fromFloat16Bits,
  kernelAffines,
  quantizeAffine,
  toFloat16Bits,
  WEIGHT_FORMATS,
  type Affine,
} from './quantize';
import { createRng } from '../base';

const r = createRng(7);

describe('float16', () => {
  it('encodes hand-computed values', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(0.5)).toBe(0x3800);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(65519.99)).toBe(0x7bff);
    expect(toFloat16Bits(65520)).toBe(0x7c00);
    expect(toFloat16Bits(-1e9)).toBe(0xfc00);
    expect(toFloat16Bits(Infinity)).toBe(0x7c00);
    expect(toFloat16Bits(-Infinity)).toBe(0xfc00);
    expect(toFloat16Bits(0)).toBe(0);
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toFloat16Bits(2 ** -25)).toBe(0); // halfway to 0: ties to even
    expect(toFloat16Bits(2 ** -25 * 1.0001)).toBe(1);
    expect(toFloat16Bits(3 * 2 ** -25)).toBe(2); // 1.5 ulps → 2 (even)
    expect(toFloat16Bits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(toFloat16Bits(2 ** -14 - 2 ** -25)).toBe(0x0400); // subnormal rounding up into the normals
    expect(toFloat16Bits(1 / 3)).toBe(0x3555); // 0x155 / 1024 = 0.3330…, remainder 0.333 → down
    expect(toFloat16Bits(2 / 3)).toBe(0x3955);
    // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: to even (1); 1 + 3·2^-11 → 1 + 2·2^-10.
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toFloat16Bits(2048 + 1)).toBe(0x6800); // 2049 halfway between 2048 and 2050 → 2048
    expect(toFloat16Bits(2048 + 3)).toBe(0x6802); // 2051 → 2052
    expect(toFloat16Bits(NaN)).toBe(0x7e00);
    expect(fromFloat16Bits(0x3555)).toBe(1365 / 4096);
    expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
    expect(fromFloat16Bits(0x7bff)).toBe(65504);
    expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
    expect(fromFloat16Bits(0xfc00)).toBe(-Infinity);
    expect(Object.is(fromFloat16Bits(0x8000), -0)).toBe(true);
    expect(fromFloat16Bits(0x7e00)).toBeNaN();
    expect(fromFloat16Bits(0xfc01)).toBeNaN();
  });

  it('round-trips every 16-bit pattern (NaNs stay NaN)', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = fromFloat16Bits(h);
      expect(Math.fround(v)).toBe(v);
      if (Number.isNaN(v)) expect(toFloat16Bits(v)).toBe(0x7e00);
      else if (toFloat16Bits(v) !== h)
        expect.unreachable(`pattern ${h.toString(16)} → ${v} → ${toFloat16Bits(v).toString(16)}`);
    }
  });

  it('rounds random values to the nearer neighbour', () => {
    for (let t = 0; t < 2000; t++) {
      const v = (r.next() - 0.5) * 2 ** (r.int(40) - 25);
      const h = toFloat16Bits(v);
      const got = fromFloat16Bits(h);
      const other = [fromFloat16Bits(h + 1), fromFloat16Bits(h - 1)].filter(
        (x) => Number.isFinite(x) && Math.sign(x) === Math.sign(got),
      );
      for (const o of other) expect(Math.abs(v - got)).toBeLessThanOrEqual(Math.abs(v - o));
    }
  });
});

/** Max |v − decoded| / scale over the values. */
function worst(values: Float32Array, a: Affine): number {
  const d = dequantizeAffine(quantizeAffine(values, a), a);
  let w = 0;
  values.forEach((v, i) => (w = Math.max(w, Math.abs(v - d[i]) - Math.abs(v) * 2 ** -24)));
  return w / a.scale;
}

describe('8-bit affine', () => {
  it('keeps the error within scale / 2, 0 exact, on random data of any sign and scale', () => {
    for (let t = 0; t < 200; t++) {
      const n = 1 + r.int(300);
      const s = 2 ** (r.int(30) - 15);
      const shift = [0, 1, -1][t % 3] * s * r.next() * 3;
      const values = Float32Array.from({ length: n }, () => shift + s * r.normal());
      if (t % 4 === 0) values[r.int(n)] = 0;
      for (const zeroExact of [true, false]) {
        const a = affineParams(values, zeroExact);
        expect(Math.fround(a.scale)).toBe(a.scale);
        expect(Math.fround(a.min)).toBe(a.min);
        expect(worst(values, a)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (zeroExact) expect(Object.is(dequantizeAffine(quantizeAffine([0], a), a)[0], 0)).toBe(true);
      }
    }
  });

  it('reproduces constant, all-zero and empty tensors exactly', () => {
    for (const c of [0.37, -2.5, 0, 1e-30, -65536.5]) {
      const v = new Float32Array(5).fill(c);
      for (const zeroExact of [true, false]) {
        const a = affineParams(v, zeroExact);
        expect(Array.from(dequantizeAffine(quantizeAffine(v, a), a))).toEqual(Array.from(v));
        if (zeroExact) expect(dequantizeAffine(quantizeAffine([0], a), a)[0]).toBe(0);
      }
    }
    expect(affineParams([])).toEqual({ scale: 1, min: 0 });
    expect(() => affineParams([1, NaN])).toThrow(RangeError);
  });

  it('per unit is at least as accurate as per layer on columns of very different scales', () => {
    const inputs = 40;
    const units = 6;
    const kernel = Float32Array.from({ length: inputs * units }, (_, i) => r.normal() * 10 ** ((i % units) - 3));
    const layer = { inputs, units, kernel, bias: new Float32Array(units) };
    const err = (format: 'int8-layer' | 'int8-unit') => {
      const d = dequantizedLayers([layer], null, format)[0].kernel;
      const perColumn = new Float64Array(units);
      kernel.forEach((v, i) => (perColumn[i % units] = Math.max(perColumn[i % units], Math.abs(v - d[i]))));
      return perColumn;
    };
    const layerErr = err('int8-layer');
    const unitErr = err('int8-unit');
    unitErr.forEach((e, j) => expect(e).toBeLessThanOrEqual(layerErr[j] * (1 + 1e-6)));
    expect(unitErr[0]).toBeLessThan(layerErr[0] / 100);
    expect(kernelAffines(kernel, units, null, 'int8-unit', 'dense')).toHaveLength(units);
  });
});

describe('dequantizedLayers', () => {
  const layers = [
    {
      inputs: 5,
      units: 4,
      kernel: Float32Array.from({ length: 20 }, () => r.normal()),
      bias: Float32Array.from({ length: 4 }, () => r.normal()),
    },
    { inputs: 4, units: 3, kernel: Array.from({ length: 12 }, () => r.normal()), bias: [0.1, -0, 0.3] },
  ];
  const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, (_, i) => (i % 3 ? 1 : 0)));

  it('decodes pruned weights to exactly +0 in every format and layout, biases float32, and mutates nothing', () => {
    const copy = JSON.stringify([
      layers.map((l) => [Array.from(l.kernel), Array.from(l.bias)]),
      masks.map((m) => Array.from(m)),
    ]);
    for (const format of WEIGHT_FORMATS) {
      for (const layout of ['dense', 'csr'] as const) {
        const out = dequantizedLayers(layers, masks, format, layout);
        out.forEach((l, k) => {
          expect(l.kernel).toBeInstanceOf(Float32Array);
          expect(l.kernel).not.toBe(layers[k].kernel);
          Array.from(l.kernel).forEach((w, i) => {
            if (!masks[k][i]) expect(Object.is(w, 0)).toBe(true);
            else
              expect(Math.abs(w - layers[k].kernel[i])).toBeLessThan(
                format === 'float32' ? 1e-7 : format === 'float16' ? 2e-3 : 0.05,
              );
          });
          expect(Array.from(l.bias)).toEqual(Array.from(layers[k].bias, (b) => Math.fround(b) + 0));
        });
      }
    }
    expect(
      JSON.stringify([layers.map((l) => [Array.from(l.kernel), Array.from(l.bias)]), masks.map((m) => Array.from(m))]),
    ).toBe(copy);
  });

  it('CSR int8 uses the live range only (finer), dense keeps 0 representable', () => {
    const kernel = Float32Array.from({ length: 20 }, (_, i) => 1 + i / 20);
    const mask = Uint8Array.from({ length: 20 }, (_, i) => (i % 2 ? 1 : 0));
    const [dense] = kernelAffines(kernel, 4, mask, 'int8-layer', 'dense');
    const [csr] = kernelAffines(
      Float32Array.from(kernel, (v, i) => (mask[i] ? v : 0)),
      4,
      mask,
      'int8-layer',
      'csr',
    );
    expect(dense.min).toBeLessThanOrEqual(0);
    expect(csr.min).toBe(Math.fround(1 + 1 / 20));
    expect(csr.scale).toBeLessThan(dense.scale / 2); // 0.9 / 255 against 1.95 / 255
  });
});
