/**
 * Colour lookup tables and value → colour-index mappings for the heatmaps. 256-entry RGB tables:
 * viridis (perceptually uniform, colour-blind safe) for magnitudes and a blue–white–red diverging map
 * for signed weights. Pure; no DOM.
 */

export const LUT_SIZE = 256;

/** Matplotlib's viridis at 0, 1/8, …, 1 (sRGB); the table interpolates linearly between them. */
const VIRIDIS_ANCHORS = [
  '#440154',
  '#46327e',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
];
/** ColorBrewer RdBu (reversed: negative = blue), 9 classes. */
const DIVERGING_ANCHORS = [
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#f7f7f7',
  '#fddbc7',
  '#f4a582',
  '#d6604d',
  '#b2182b',
];

/** Pruned weights: a neutral grey that none of the maps contains. */
export const PRUNED_RGB: readonly [number, number, number] = [190, 190, 190];
/** On the diverging map (which has a near-white centre) pruned weights are drawn dark. */
export const PRUNED_ON_DIVERGING_RGB: readonly [number, number, number] = [40, 40, 40];

export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** A LUT_SIZE × 3 table interpolating the anchors evenly. */
export function buildLut(anchors: readonly string[]): Uint8Array {
  const rgb = anchors.map(hexToRgb);
  const lut = new Uint8Array(LUT_SIZE * 3);
  for (let k = 0; k < LUT_SIZE; k++) {
    const t = (k / (LUT_SIZE - 1)) * (rgb.length - 1);
    const a = Math.min(rgb.length - 2, Math.floor(t));
    const f = t - a;
    for (let c = 0; c < 3; c++) lut[k * 3 + c] = Math.round(rgb[a][c] + f * (rgb[a + 1][c] - rgb[a][c]));
  }
  return lut;
}

export const VIRIDIS = buildLut(VIRIDIS_ANCHORS);
export const DIVERGING = buildLut(DIVERGING_ANCHORS);

export interface ScaleSpec {
  kind: 'log' | 'linear' | 'diverging';
  /** log/linear: the value range mapped to [0, 255]; diverging: ±max. */
  lo: number;
  hi: number;
}

/** LUT index for a value: clamped; on a log scale values ≤ lo (including 0) map to 0. */
export function colorIndex(v: number, s: ScaleSpec): number {
  let t: number;
  if (!Number.isFinite(v)) t = v > 0 ? 1 : 0;
  else if (s.kind === 'diverging') t = s.hi > 0 ? 0.5 + v / (2 * s.hi) : 0.5;
  else if (s.kind === 'log')
    t = v <= s.lo ? 0 : s.hi > s.lo ? (Math.log(v) - Math.log(s.lo)) / (Math.log(s.hi) - Math.log(s.lo)) : 1;
  else t = s.hi > s.lo ? (v - s.lo) / (s.hi - s.lo) : 0;
  return Math.max(0, Math.min(LUT_SIZE - 1, Math.round(t * (LUT_SIZE - 1))));
}

/**
 * A scale covering every array: log from the smallest positive value to the largest (falling back to
 * linear when there is no positive value), linear from min to max, or symmetric diverging.
 */
export function scaleFor(arrays: readonly ArrayLike<number>[], kind: ScaleSpec['kind']): ScaleSpec {
  let lo = Infinity;
  let hi = -Infinity;
  let minPos = Infinity;
  let maxAbs = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v > 0 && v < minPos) minPos = v;
      if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    }
  }
  if (kind === 'diverging') return { kind, lo: -maxAbs, hi: maxAbs };
  if (kind === 'log' && Number.isFinite(minPos) && hi > 0) return { kind, lo: minPos, hi: Math.max(hi, minPos) };
  return { kind: 'linear', lo: Number.isFinite(lo) ? lo : 0, hi: Number.isFinite(hi) ? hi : 1 };
}

/** Tick values for a colour bar: powers of ten on a log scale (at most `max`, evenly thinned), 5 even steps otherwise. */
export function scaleTicks(s: ScaleSpec, max = 6): number[] {
  if (s.kind === 'log') {
    const first = Math.ceil(Math.log10(s.lo) - 1e-9);
    const last = Math.floor(Math.log10(s.hi) + 1e-9);
    const stride = Math.max(1, Math.ceil((last - first + 1) / max));
    const ticks: number[] = [];
    for (let e = last; e >= first; e -= stride) ticks.unshift(10 ** e);
    return ticks.length >= 2 ? ticks : [s.lo, s.hi];
  }
  return Array.from({ length: 5 }, (_, k) => s.lo + ((s.hi - s.lo) * k) / 4);
}

/** Position of a value along the colour bar, 0..1 (same mapping as colorIndex, unrounded). */
export function scalePosition(v: number, s: ScaleSpec): number {
  return colorIndex(v, s) / (LUT_SIZE - 1);
}
