/**
 * Where each weight is drawn. Matrix view: kernel row-major `[inputs, units]` drawn transposed, one
 * canvas pixel per weight, x = input index i, y = unit index j (so every layer is wide). Receptive
 * fields (MNIST first layer): an 8 × 8 grid of 28 × 28 tiles, tile j = unit j's incoming weights,
 * tiles separated by 1-pixel gaps. Pure index maths, shared by drawing and tooltips.
 */

export interface LayerDims {
  inputs: number;
  units: number;
}

export interface Cell {
  /** Input index (row of the kernel). */
  i: number;
  /** Unit index (column of the kernel). */
  j: number;
}

/** Canvas size of the matrix view. */
export const matrixSize = (d: LayerDims) => ({ width: d.inputs, height: d.units });

/**
 * CSS height of the matrix view of a layer of `units` units: 3 px a unit (at least 40, at most 200 px), and
 * for a layer of more than 200 units one px a unit (a 512-unit layer: 512 px, in a box that scrolls past
 * MATRIX_SCROLL_HEIGHT), so that no unit's row is drawn thinner than a pixel.
 */
export const matrixHeight = (units: number) => Math.max(40, Math.min(Math.max(200, units), units * 3));
/** The tallest a matrix view is shown before its box scrolls (CSS px; the stylesheet's `.heatmap-scroll`). */
export const MATRIX_SCROLL_HEIGHT = 360;

/** Kernel index of the weight drawn at canvas pixel (x, y) in the matrix view. */
export const matrixPixelToIndex = (x: number, y: number, d: LayerDims) => x * d.units + y;

/**
 * The cell under a pointer at (px, py) CSS pixels inside an element of cssWidth × cssHeight showing the
 * matrix view stretched to fill it; null outside.
 */
export function matrixCellAt(px: number, py: number, cssWidth: number, cssHeight: number, d: LayerDims): Cell | null {
  if (px < 0 || py < 0 || px >= cssWidth || py >= cssHeight) return null;
  return {
    i: Math.min(d.inputs - 1, Math.floor((px / cssWidth) * d.inputs)),
    j: Math.min(d.units - 1, Math.floor((py / cssHeight) * d.units)),
  };
}

export const FIELD_SIDE = 28;
export const FIELD_GAP = 1;

export function fieldsGrid(units: number): { cols: number; rows: number; width: number; height: number } {
  const cols = Math.ceil(Math.sqrt(units));
  const rows = Math.ceil(units / cols);
  const step = FIELD_SIDE + FIELD_GAP;
  return { cols, rows, width: cols * step - FIELD_GAP, height: rows * step - FIELD_GAP };
}

/** Canvas pixel (x, y) in the receptive-fields view → the cell, or null on a gap or past the last unit. */
export function fieldsPixelToCell(x: number, y: number, d: LayerDims): Cell | null {
  const g = fieldsGrid(d.units);
  const step = FIELD_SIDE + FIELD_GAP;
  const tx = Math.floor(x / step);
  const ty = Math.floor(y / step);
  const ox = x - tx * step;
  const oy = y - ty * step;
  if (x < 0 || y < 0 || tx >= g.cols || ty >= g.rows || ox >= FIELD_SIDE || oy >= FIELD_SIDE) return null;
  const j = ty * g.cols + tx;
  if (j >= d.units) return null;
  return { i: oy * FIELD_SIDE + ox, j };
}

/** Canvas pixel of cell (i, j) in the receptive-fields view. */
export function fieldsCellToPixel(c: Cell, d: LayerDims): { x: number; y: number } {
  const g = fieldsGrid(d.units);
  const step = FIELD_SIDE + FIELD_GAP;
  return {
    x: (c.j % g.cols) * step + (c.i % FIELD_SIDE),
    y: Math.floor(c.j / g.cols) * step + Math.floor(c.i / FIELD_SIDE),
  };
}
