import { describe, expect, it } from 'vitest';
import { COMPACT_MAGIC, decodeCompact, encodeCompact } from './compactFormat';
import { crc32, type DenseWeights, createRng, type Rng } from '../base';
import { dequantizedLayers, LAYOUTS, WEIGHT_FORMATS, type Layout, type WeightFormat } from './quantize';

const r = createRng(3);

function randomNet(sizes: number[], rng: Rng): DenseWeights[] {
  return sizes.slice(1).map((units, k) => ({
    inputs: sizes[k],
    units,
    kernel: Float32Array.from({ length: sizes[k] * units }, () => rng.normal() * (k + 1)),
    bias: Float32Array.from({ length: units }, () => rng.normal()),
  }));
}
const randomMasks = (layers: DenseWeights[], keep: number, rng: Rng) =>
  layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, () => (rng.next() < keep ? 1 : 0)));

/** Decodes `bytes` and checks it against `dequantizedLayers` bit for bit, and the masks. */
function checkRoundTrip(
  layers: DenseWeights[],
  masks: Uint8Array[] | null,
  format: WeightFormat,
  layout: Layout,
): Uint8Array {
  const bytes = encodeCompact(layers, masks, format, layout);
  const got = decodeCompact(bytes);
  expect([got.format, got.layout]).toEqual([format, layout]);
  const want = dequantizedLayers(layers, masks, format, layout);
  got.layers.forEach((l, k) => {
    expect([l.inputs, l.units]).toEqual([want[k].inputs, want[k].units]);
    for (let i = 0; i < l.kernel.length; i++)
      if (!Object.is(l.kernel[i], want[k].kernel[i]))
        expect.unreachable(`${format}/${layout} layer ${k}[${i}]: ${l.kernel[i]} ≠ ${want[k].kernel[i]}`);
    expect(Array.from(l.bias)).toEqual(Array.from(want[k].bias));
    const m = got.masks[k];
    if (layout === 'csr') expect(Array.from(m)).toEqual(masks ? Array.from(masks[k]) : new Array(m.length).fill(1));
    else expect(Array.from(m)).toEqual(Array.from(l.kernel, (w) => (w !== 0 ? 1 : 0)));
  });
  return bytes;
}

describe('compact weights format', () => {
  it('round-trips every format and layout to exactly dequantizedLayers, masks recovered for CSR', () => {
    const layers = randomNet([30, 20, 12, 10], r);
    for (const masks of [null, randomMasks(layers, 0.3, r), randomMasks(layers, 0.02, r)])
      for (const format of WEIGHT_FORMATS) for (const layout of LAYOUTS) checkRoundTrip(layers, masks, format, layout);
  });

  it('uses uint16 unit indices above 256 units and uint32 row pointers above 65535 weights', () => {
    const layers = randomNet([300, 300], r);
    const masks = randomMasks(layers, 0.8, r);
    const nnz = masks[0].reduce((a, b) => a + b, 0);
    expect(nnz).toBeGreaterThan(65535);
    const bytes = checkRoundTrip(layers, masks, 'float16', 'csr');
    expect(bytes.length).toBe(12 + 8 + (4 + 301 * 4 + nnz * 2) + nnz * 2 + 300 * 4 + 4);
  });

  it('has the sizes computed by hand for a tiny network', () => {
    // 3 → 2 → 2, 3 and 2 live weights. Fixed: header 12 + layer table 2 × 8 + CRC 4 = 32 bytes.
    const layers: DenseWeights[] = [
      { inputs: 3, units: 2, kernel: [0.5, 1, -1, 2, 0.25, -0.75], bias: [0.1, 0.2] },
      { inputs: 2, units: 2, kernel: [1, -2, 3, 4], bias: [0, 1] },
    ];
    const masks = [Uint8Array.of(1, 0, 0, 0, 1, 1), Uint8Array.of(0, 1, 1, 0)];
    const size = (format: WeightFormat, layout: Layout) => checkRoundTrip(layers, masks, format, layout).length;
    // Dense: [affines 8 each] + 6 or 4 values + biases 8 per layer.
    expect(size('float32', 'dense')).toBe(32 + (24 + 8) + (16 + 8));
    expect(size('float16', 'dense')).toBe(32 + (12 + 8) + (8 + 8));
    expect(size('int8-layer', 'dense')).toBe(32 + (8 + 6 + 8) + (8 + 4 + 8));
    expect(size('int8-unit', 'dense')).toBe(32 + (16 + 6 + 8) + (16 + 4 + 8));
    // CSR prefix: nnz 4 + uint16 row pointers (inputs + 1) + uint8 indices: 4 + 8 + 3 = 15 and 4 + 6 + 2 = 12.
    expect(size('float32', 'csr')).toBe(32 + (15 + 12 + 8) + (12 + 8 + 8));
    expect(size('float16', 'csr')).toBe(32 + (15 + 6 + 8) + (12 + 4 + 8));
    expect(size('int8-layer', 'csr')).toBe(32 + (15 + 8 + 3 + 8) + (12 + 8 + 2 + 8));
    expect(size('int8-unit', 'csr')).toBe(32 + (15 + 16 + 3 + 8) + (12 + 16 + 2 + 8));
    const bytes = encodeCompact(layers, masks, 'int8-unit', 'csr');
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe(COMPACT_MAGIC);
    expect(Array.from(bytes.subarray(4, 12))).toEqual([1, 3, 1, 2, 112, 0, 0, 0]);
    // Layer 0 after the table: nnz 3, row pointers 0 1 1 3, unit indices 0 0 1.
    expect(Array.from(bytes.subarray(28, 43))).toEqual([3, 0, 0, 0, 0, 0, 1, 0, 1, 0, 3, 0, 0, 0, 1]);
    expect(new DataView(bytes.buffer).getUint32(108, true)).toBe(crc32(bytes.subarray(0, 108)));
  });

  it('shrinks with sparsity in CSR and beats dense when sparse', () => {
    const layers = randomNet([100, 40, 10], r);
    for (const format of WEIGHT_FORMATS) {
      const sizes = [0.5, 0.2, 0.1, 0].map(
        (keep) => encodeCompact(layers, randomMasks(layers, keep, r), format, 'csr').length,
      );
      sizes.slice(1).forEach((s, i) => expect(s).toBeLessThan(sizes[i]));
      expect(sizes[2]).toBeLessThan(encodeCompact(layers, null, format, 'dense').length / 2);
    }
  });

  it('refuses a bad magic, version, truncation, extra bytes and every single corrupted byte', () => {
    const layers = randomNet([6, 4, 3], r);
    const masks = randomMasks(layers, 0.5, r);
    for (const layout of LAYOUTS) {
      const good = encodeCompact(layers, masks, 'int8-unit', layout);
      const bad = (edit: (b: Uint8Array) => Uint8Array) => () => decodeCompact(edit(Uint8Array.from(good)));
      expect(bad((b) => ((b[0] = 0x58), b))).toThrow(/not a compact weights file: magic "XPLW"/);
      expect(bad((b) => ((b[4] = 2), b))).toThrow(/version 2 is not supported/);
      expect(bad((b) => b.subarray(0, b.length - 1))).toThrow(/truncated/);
      expect(bad((b) => b.subarray(0, 5))).toThrow(/truncated: 5 bytes/);
      expect(bad((b) => Uint8Array.from([...b, 0]))).toThrow(/1 bytes after the declared end/);
      for (let n = 0; n < good.length; n++) expect(() => decodeCompact(good.subarray(0, n))).toThrow(RangeError);
      for (let i = 0; i < good.length; i++) {
        for (const flip of [0x01, 0x80]) {
          const b = Uint8Array.from(good);
          b[i] ^= flip;
          expect(() => decodeCompact(b), `byte ${i}`).toThrow(RangeError);
        }
      }
      expect(bad((b) => ((b[20] ^= 1), b))).toThrow(/corrupted: CRC-32/);
    }
  });

  it('refuses inconsistent structure even with a valid checksum', () => {
    const layers = randomNet([6, 4, 3], r);
    const masks = randomMasks(layers, 0.5, r);
    const resealed = (format: WeightFormat, layout: Layout, edit: (b: Uint8Array, v: DataView) => void) => () => {
      const b = Uint8Array.from(encodeCompact(layers, masks, format, layout));
      const v = new DataView(b.buffer);
      edit(b, v);
      v.setUint32(b.length - 4, crc32(b.subarray(0, b.length - 4)), true);
      return decodeCompact(b);
    };
    expect(resealed('float32', 'dense', (b) => (b[5] = 9))).toThrow(/unknown format code 9/);
    expect(resealed('float32', 'dense', (b) => (b[6] = 2))).toThrow(/unknown layout code 2/);
    expect(resealed('float32', 'dense', (_, v) => v.setUint32(20, 5, true))).toThrow(
      /layer 1 has 5 inputs, the layer before 4 units/,
    );
    // CSR layer 0 starts at 28 (12 + 16): nnz, 7 uint16 row pointers, then the unit indices.
    expect(resealed('float16', 'csr', (_, v) => v.setUint16(32, 1, true))).toThrow(/row pointers run from 1/);
    expect(resealed('float16', 'csr', (b) => (b[46] = 4))).toThrow(/unit index 4/);
    expect(resealed('int8-layer', 'dense', (_, v) => v.setFloat32(28, NaN, true))).toThrow(/affine 0 is scale NaN/);
  });

  it('does not mutate its inputs', () => {
    const layers = randomNet([5, 4, 3], r);
    const masks = randomMasks(layers, 0.5, r);
    const before = JSON.stringify([layers.map((l) => Array.from(l.kernel)), masks.map((m) => Array.from(m))]);
    const bytes = encodeCompact(layers, masks, 'int8-unit', 'csr');
    const copy = Uint8Array.from(bytes);
    decodeCompact(bytes);
    expect(JSON.stringify([layers.map((l) => Array.from(l.kernel)), masks.map((m) => Array.from(m))])).toBe(before);
    expect(bytes).toEqual(copy);
  });
});
