/**
 * Weight formats of the export: float32, IEEE float16, and 8-bit affine quantisation of the kernels per
 * layer (one range per tensor) or per unit (one range per output column). Pure, no tfjs. Kernels are
 * row-major `[inputs, units]` (weight i → j at `kernel[i * units + j]`); masks are one array per layer
 * in that layout, 1 = kept, 0 = pruned. Biases are never quantised: they stay float32 in every format.
 *
 * Two layouts store a kernel: `dense` (every value, pruned ones as 0) and `csr` (only the live values,
 * see compactFormat.ts). They decode alike for the float formats; for the int8 formats the dense range
 * includes 0 with 0 exactly representable (pruned weights decode to exactly 0), while the CSR range
 * spans the live values only (finer steps; pruned weights are not stored, so they are exactly 0 anyway).
 */
import type { DenseWeights } from '../base';

export const WEIGHT_FORMATS = ['float32', 'float16', 'int8-layer', 'int8-unit'] as const;
export type WeightFormat = (typeof WEIGHT_FORMATS)[number];
export type Layout = 'dense' | 'csr';
export const LAYOUTS: readonly Layout[] = ['dense', 'csr'];

/** Bytes per stored kernel value of each format. */
export const BYTES_PER_VALUE: Record<WeightFormat, number> = {
  float32: 4,
  float16: 2,
  'int8-layer': 1,
  'int8-unit': 1,
};

/** `Math.round` with ties to even, for x ≥ 0. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/** ⌊log2 x⌋ for a finite x > 0, exact. */
function exponentOf(x: number): number {
  let e = Math.floor(Math.log2(x));
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e;
}

/**
 * The IEEE 754 binary16 bit pattern of `v`, rounded to nearest, ties to even, straight from the float64
 * value (no double rounding): subnormals below 2^-14, ±Infinity from 65520 on, NaN → 0x7E00, -0 → 0x8000.
 */
export function toFloat16Bits(v: number): number {
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // 1024 is the smallest normal, 0x0400
  const e = exponentOf(a);
  // The mantissa may round up to 2048: the carry then lands in the exponent field, as it should.
  return sign | (((e + 15) << 10) + roundHalfEven(a * 2 ** (10 - e)) - 1024);
}

/** The number a binary16 bit pattern (0..0xFFFF) stands for (exactly representable in float32). */
export function fromFloat16Bits(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1024 + m) * 2 ** (e - 25);
}

/**
 * 8-bit affine quantisation: value = q·scale + min, q ∈ 0..255, evaluated in float64 and stored as
 * float32, exactly as tfjs decodes a `uint8` weight. `scale` and `min` are float32-representable, so
 * the compact format stores them as float32 and a JSON manifest gives the same numbers.
 */
export interface Affine {
  scale: number;
  min: number;
}

const F32_TINY = 2 ** -126;

/** The smallest number ≥ x (x > 0) with at most `bits` significant bits, at least 2^-126. */
function ceilBits(x: number, bits: number): number {
  if (!(x > F32_TINY)) return F32_TINY;
  const step = 2 ** (exponentOf(x) - bits + 1);
  return Math.ceil(x / step) * step;
}

/**
 * Affine parameters for `values` (finite, else a RangeError). With `zeroExact` (the default, the dense
 * layout) the range is widened to include 0 and min is nudged as tfjs-converter does: q0 = round(−lo /
 * scale) is an integer and min = −q0·scale, so 0 decodes to exactly +0; scale is rounded up to 16
 * significant bits so that q0·scale (8 × 16 bits) is exact in float32. Without it (CSR, live values
 * only) min = lo and the range is the values' own. Either way |value − decoded| ≤ scale/2 (plus the
 * float32 rounding of the result). A constant tensor (or an all-zero or empty one) gets a scale that
 * reproduces it exactly: scale = |c| (or 1), q ∈ {0, 1}. Pure.
 */
export function affineParams(values: ArrayLike<number>, zeroExact = true): Affine {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`cannot quantise the non-finite value ${v} (index ${i})`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (values.length === 0) return { scale: 1, min: 0 };
  lo = Math.fround(lo);
  hi = Math.fround(hi);
  if (lo === hi) {
    if (!zeroExact || lo === 0) return { scale: 1, min: lo + 0 };
    return lo > 0 ? { scale: lo, min: 0 } : { scale: -lo, min: lo };
  }
  if (!zeroExact) return { scale: ceilBits((hi - lo) / 255, 24), min: lo };
  lo = Math.min(lo, 0);
  hi = Math.max(hi, 0);
  const scale = ceilBits((hi - lo) / 255, 16);
  const q0 = Math.min(255, Math.round(-lo / scale));
  return { scale, min: q0 === 0 ? 0 : -q0 * scale };
}

/** q = round((v − min) / scale) clamped to 0..255, one byte per value. New array; pure. */
export function quantizeAffine(values: ArrayLike<number>, a: Affine): Uint8Array {
  const q = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = quantizeOne(values[i], a);
  return q;
}

function quantizeOne(v: number, a: Affine): number {
  const q = Math.round((v - a.min) / a.scale);
  return q < 0 ? 0 : q > 255 ? 255 : q;
}

/** Exactly tfjs's formula: `q * scale + min` in float64, stored as float32. New array; pure. */
export function dequantizeAffine(q: Uint8Array, a: Affine): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] * a.scale + a.min;
  return out;
}

/** The kernel as float32 with pruned weights (mask 0) and -0 written as +0. New array. */
export function maskedKernel(l: DenseWeights, mask: ArrayLike<number> | null): Float32Array {
  const k = new Float32Array(l.kernel.length);
  for (let i = 0; i < k.length; i++) k[i] = mask && mask[i] === 0 ? 0 : l.kernel[i] + 0;
  return k;
}

/**
 * The affine parameters of one masked kernel (`[inputs, units]`, from `maskedKernel`) for an int8
 * format: one for `int8-layer`, one per unit j (column j) for `int8-unit`. Dense: over every value,
 * 0 exact. CSR: over the live values only (mask ≠ 0; every value when `mask` is null). Pure.
 */
export function kernelAffines(
  kernel: ArrayLike<number>,
  units: number,
  mask: ArrayLike<number> | null,
  format: 'int8-layer' | 'int8-unit',
  layout: Layout,
): Affine[] {
  const live = (i: number) => layout === 'dense' || !mask || mask[i] !== 0;
  const groups = format === 'int8-layer' ? 1 : units;
  const picked: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < kernel.length; i++) if (live(i)) picked[groups === 1 ? 0 : i % units].push(kernel[i]);
  return picked.map((v) => affineParams(v, layout === 'dense'));
}

/** The affine of kernel entry `i` among those of `kernelAffines`. */
export const affineOf = (affines: readonly Affine[], i: number, units: number): Affine =>
  affines.length === 1 ? affines[0] : affines[i % units];

/** Quantised byte of kernel entry `i` (value `v`) under `kernelAffines`' parameters. */
export const quantizedByte = (v: number, affines: readonly Affine[], i: number, units: number): number =>
  quantizeOne(v, affineOf(affines, i, units));

/**
 * The network as a user of that format gets it back: masked kernels encoded and decoded (pruned weights
 * exactly +0), biases as float32. `layout` matters only for the int8 formats (see the module comment).
 * Kernels and biases are new Float32Arrays; the inputs are not mutated.
 */
export function dequantizedLayers(
  layers: readonly DenseWeights[],
  masks: readonly ArrayLike<number>[] | null,
  format: WeightFormat,
  layout: Layout = 'dense',
): DenseWeights[] {
  return layers.map((l, k) => {
    const mask = masks ? masks[k] : null;
    const kernel = maskedKernel(l, mask);
    const bias = Float32Array.from(l.bias, (b) => b + 0);
    if (format === 'float16')
      for (let i = 0; i < kernel.length; i++) kernel[i] = fromFloat16Bits(toFloat16Bits(kernel[i]));
    else if (format !== 'float32') {
      const affines = kernelAffines(kernel, l.units, mask, format, layout);
      for (let i = 0; i < kernel.length; i++) {
        if (layout === 'csr' && mask && mask[i] === 0) continue;
        const a = affineOf(affines, i, l.units);
        kernel[i] = quantizeOne(kernel[i], a) * a.scale + a.min;
      }
    }
    return { inputs: l.inputs, units: l.units, kernel, bias };
  });
}
