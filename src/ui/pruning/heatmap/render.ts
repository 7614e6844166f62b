/**
 * Heatmap pixels as RGBA arrays (no DOM: the component copies them into a canvas). Colour indices are
 * computed once per values/scale change; a slider move only re-runs the cheap mask pass.
 */
import { colorIndex, LUT_SIZE, type ScaleSpec } from './colormap';
import { fieldsCellToPixel, fieldsGrid, matrixSize, type LayerDims } from './layout';

/** LUT index per weight (same layout as `values`). */
export function colorIndices(values: ArrayLike<number>, scale: ScaleSpec): Uint8Array {
  const out = new Uint8Array(values.length);
  if (scale.kind !== 'log' || !(scale.hi > scale.lo) || !(scale.lo > 0)) {
    for (let k = 0; k < values.length; k++) out[k] = colorIndex(values[k], scale);
    return out;
  }
  // The log scale with its logarithms taken once (the same mapping as colorIndex).
  const logLo = Math.log(scale.lo);
  const range = Math.log(scale.hi) - logLo;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    out[k] = !Number.isFinite(v)
      ? v > 0
        ? LUT_SIZE - 1
        : 0
      : v <= scale.lo
        ? 0
        : Math.max(0, Math.min(LUT_SIZE - 1, Math.round(((Math.log(v) - logLo) / range) * (LUT_SIZE - 1))));
  }
  return out;
}

type Rgb = readonly [number, number, number];

function paint(px: Uint8ClampedArray, p: number, lut: Uint8Array, idx: number, pruned: boolean, prunedRgb: Rgb): void {
  const o = p * 4;
  if (pruned) {
    px[o] = prunedRgb[0];
    px[o + 1] = prunedRgb[1];
    px[o + 2] = prunedRgb[2];
  } else {
    px[o] = lut[idx * 3];
    px[o + 1] = lut[idx * 3 + 1];
    px[o + 2] = lut[idx * 3 + 2];
  }
  px[o + 3] = 255;
}

/** Matrix view (width = inputs, height = units): pixel (x = i, y = j) shows weight i → j. */
export function renderMatrix(
  indices: Uint8Array,
  mask: Uint8Array | null,
  d: LayerDims,
  lut: Uint8Array,
  prunedRgb: Rgb,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const { width, height } = matrixSize(d);
  const px = out ?? new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < d.inputs; i++) {
    for (let j = 0; j < d.units; j++) {
      const k = i * d.units + j;
      paint(px, j * width + i, lut, indices[k], mask !== null && mask[k] === 0, prunedRgb);
    }
  }
  return px;
}

/** Receptive-fields view of a 784-input layer; gaps are left transparent. */
export function renderFields(
  indices: Uint8Array,
  mask: Uint8Array | null,
  d: LayerDims,
  lut: Uint8Array,
  prunedRgb: Rgb,
  out?: Uint8ClampedArray,
): Uint8ClampedArray {
  const g = fieldsGrid(d.units);
  const px = out ?? new Uint8ClampedArray(g.width * g.height * 4);
  px.fill(0);
  for (let j = 0; j < d.units; j++) {
    for (let i = 0; i < d.inputs; i++) {
      const k = i * d.units + j;
      const { x, y } = fieldsCellToPixel({ i, j }, d);
      paint(px, y * g.width + x, lut, indices[k], mask !== null && mask[k] === 0, prunedRgb);
    }
  }
  return px;
}

/**
 * Repaints only the weights at `positions[0..count)` (indices into the layer, e.g. the ones whose mask
 * flipped) of pixels drawn earlier by `renderMatrix` or `renderFields` with the same indices and layout:
 * the result equals a full render under `mask`. A slider move flips a few hundred of 50,176 weights.
 */
export function repaintCells(
  px: Uint8ClampedArray,
  layout: 'matrix' | 'fields',
  positions: Int32Array,
  count: number,
  indices: Uint8Array,
  mask: Uint8Array | null,
  d: LayerDims,
  lut: Uint8Array,
  prunedRgb: Rgb,
): void {
  const width = layout === 'matrix' ? matrixSize(d).width : fieldsGrid(d.units).width;
  for (let c = 0; c < count; c++) {
    const k = positions[c];
    const i = (k / d.units) | 0;
    const j = k - i * d.units;
    const p = layout === 'matrix' ? j * width + i : (({ x, y }) => y * width + x)(fieldsCellToPixel({ i, j }, d));
    paint(px, p, lut, indices[k], mask !== null && mask[k] === 0, prunedRgb);
  }
}
