import { describe, expect, it } from 'vitest';
import {
  buildLut,
  colorIndex,
  DIVERGING,
  hexToRgb,
  LUT_SIZE,
  PRUNED_RGB,
  scaleFor,
  scaleTicks,
  VIRIDIS,
} from './colormap';
import {
  fieldsCellToPixel,
  fieldsGrid,
  fieldsPixelToCell,
  matrixCellAt,
  matrixHeight,
  matrixPixelToIndex,
  MATRIX_SCROLL_HEIGHT,
} from './layout';
import { diffPositions } from '../../../core/prune';
import { colorIndices, renderFields, renderMatrix, repaintCells } from './render';

describe('colour lookup tables', () => {
  it('has 256 RGB entries running from the first to the last anchor', () => {
    expect(VIRIDIS.length).toBe(LUT_SIZE * 3);
    expect(Array.from(VIRIDIS.subarray(0, 3))).toEqual(hexToRgb('#440154'));
    expect(Array.from(VIRIDIS.subarray(765, 768))).toEqual(hexToRgb('#fde725'));
    expect(Array.from(DIVERGING.subarray(0, 3))).toEqual(hexToRgb('#2166ac'));
  });
  it('interpolates linearly between anchors', () => {
    const lut = buildLut(['#000000', '#ff0000']);
    expect(lut[0]).toBe(0);
    expect(lut[128 * 3]).toBe(128);
    expect(lut[255 * 3]).toBe(255);
  });
  it('viridis gets monotonically lighter (perceptual ordering) and never contains the pruned grey', () => {
    const luma = (k: number) => 0.2126 * VIRIDIS[k * 3] + 0.7152 * VIRIDIS[k * 3 + 1] + 0.0722 * VIRIDIS[k * 3 + 2];
    for (let k = 1; k < LUT_SIZE; k++) expect(luma(k)).toBeGreaterThanOrEqual(luma(k - 1) - 0.5);
    for (let k = 0; k < LUT_SIZE; k++) {
      const d =
        Math.abs(VIRIDIS[k * 3] - PRUNED_RGB[0]) +
        Math.abs(VIRIDIS[k * 3 + 1] - PRUNED_RGB[1]) +
        Math.abs(VIRIDIS[k * 3 + 2] - PRUNED_RGB[2]);
      expect(d).toBeGreaterThan(60);
    }
  });
});

describe('log-scale mapping', () => {
  const s = { kind: 'log' as const, lo: 1e-4, hi: 1 };
  it('maps decades evenly and clamps', () => {
    expect(colorIndex(1e-4, s)).toBe(0);
    expect(colorIndex(1, s)).toBe(255);
    expect(colorIndex(1e-2, s)).toBe(128); // half-way in log space
    expect(colorIndex(0, s)).toBe(0);
    expect(colorIndex(10, s)).toBe(255);
    expect(colorIndex(NaN, s)).toBe(0);
  });
  it('builds a scale from the smallest positive value and has decade ticks', () => {
    const sc = scaleFor([Float32Array.of(0, 2e-3, 0.5), Float32Array.of(3e-5)], 'log');
    expect(sc).toEqual({ kind: 'log', lo: expect.closeTo(3e-5, 10), hi: 0.5 });
    expect(scaleTicks(sc)).toEqual([1e-4, 1e-3, 1e-2, 1e-1].map((v) => expect.closeTo(v, 12)));
    expect(scaleFor([Float32Array.of(0, 0)], 'log').kind).toBe('linear');
    // Many decades are thinned to at most 6 ticks, always including the top decade.
    const wide = scaleTicks({ kind: 'log', lo: 1e-11, hi: 0.05 });
    expect(wide.length).toBeLessThanOrEqual(6);
    expect(wide[wide.length - 1]).toBeCloseTo(1e-2, 12);
  });
  it('diverging scale is symmetric around 0', () => {
    const sc = scaleFor([Float32Array.of(-0.5, 0.25)], 'diverging');
    expect(sc).toEqual({ kind: 'diverging', lo: -0.5, hi: 0.5 });
    expect(colorIndex(0, sc)).toBe(128);
    expect(colorIndex(-0.5, sc)).toBe(0);
    expect(colorIndex(0.5, sc)).toBe(255);
  });
});

describe('index maths', () => {
  const d = { inputs: 784, units: 64 };
  it('matrix: pointer position → (input, unit) and back to the kernel index', () => {
    expect(matrixCellAt(0, 0, 392, 128, d)).toEqual({ i: 0, j: 0 });
    expect(matrixCellAt(391.9, 127.9, 392, 128, d)).toEqual({ i: 783, j: 63 });
    expect(matrixCellAt(196, 64, 392, 128, d)).toEqual({ i: 392, j: 32 });
    expect(matrixCellAt(-1, 0, 392, 128, d)).toBeNull();
    expect(matrixCellAt(392, 0, 392, 128, d)).toBeNull();
    expect(matrixPixelToIndex(5, 7, d)).toBe(5 * 64 + 7);
  });
  it('receptive fields: 8 × 8 tiles of 28 × 28 with 1-pixel gaps, round trip for every cell', () => {
    expect(fieldsGrid(64)).toEqual({ cols: 8, rows: 8, width: 231, height: 231 });
    for (let j = 0; j < 64; j += 7)
      for (let i = 0; i < 784; i += 37)
        expect(fieldsPixelToCell(...(Object.values(fieldsCellToPixel({ i, j }, d)) as [number, number]), d)).toEqual({
          i,
          j,
        });
    expect(fieldsPixelToCell(28, 0, d)).toBeNull(); // the gap after the first tile
    expect(fieldsPixelToCell(29, 0, d)).toEqual({ i: 0, j: 1 });
    expect(fieldsPixelToCell(0, 29 * 2 + 3, d)).toEqual({ i: 3 * 28, j: 16 });
  });
});

describe('matrix height', () => {
  it('never draws a unit thinner than a CSS pixel; only layers wider than the scroll box scroll', () => {
    for (let units = 1; units <= 512; units++) {
      const h = matrixHeight(units);
      expect(h / units, `${units} units`).toBeGreaterThanOrEqual(1);
      expect(h).toBeGreaterThanOrEqual(40);
      if (units > 1) expect(h).toBeGreaterThanOrEqual(matrixHeight(units - 1));
    }
    expect([matrixHeight(10), matrixHeight(32), matrixHeight(64), matrixHeight(512)]).toEqual([40, 96, 192, 512]);
    expect(matrixHeight(360) > MATRIX_SCROLL_HEIGHT || matrixHeight(361) <= MATRIX_SCROLL_HEIGHT).toBe(false);
  });
});

describe('rendering', () => {
  it('draws weight i → j at pixel (i, j) and pruned weights in grey', () => {
    const d = { inputs: 3, units: 2 };
    const values = Float32Array.of(0, 1, 0.5, 0.25, 1, 0); // row-major [3, 2]
    const idx = colorIndices(values, { kind: 'linear', lo: 0, hi: 1 });
    const mask = Uint8Array.of(1, 1, 1, 0, 1, 1);
    const px = renderMatrix(idx, mask, d, VIRIDIS, PRUNED_RGB);
    const at = (x: number, y: number) => Array.from(px.subarray((y * 3 + x) * 4, (y * 3 + x) * 4 + 3));
    expect(at(0, 1)).toEqual(Array.from(VIRIDIS.subarray(255 * 3, 255 * 3 + 3))); // weight 0 → 1 = 1.0
    expect(at(1, 1)).toEqual([...PRUNED_RGB]); // weight 1 → 1 is pruned
    expect(at(2, 0)).toEqual(Array.from(VIRIDIS.subarray(255 * 3, 255 * 3 + 3))); // weight 2 → 0 = 1.0
  });
  it('a pruned unit (whole kernel column) blanks a whole row of the matrix and a whole tile', () => {
    const d = { inputs: 784, units: 4 };
    const idx = new Uint8Array(784 * 4).fill(200);
    const mask = new Uint8Array(784 * 4).fill(1);
    for (let i = 0; i < 784; i++) mask[i * 4 + 2] = 0; // unit 2 pruned
    const px = renderMatrix(idx, mask, d, VIRIDIS, PRUNED_RGB);
    for (let x = 0; x < 784; x++) expect(px[(2 * 784 + x) * 4]).toBe(PRUNED_RGB[0]);
    expect(px[(1 * 784 + 5) * 4]).toBe(VIRIDIS[600]);
    const f = renderFields(idx, mask, d, VIRIDIS, PRUNED_RGB);
    const g = fieldsGrid(4);
    const { x, y } = fieldsCellToPixel({ i: 300, j: 2 }, d);
    expect(f[(y * g.width + x) * 4]).toBe(PRUNED_RGB[0]);
  });
});

describe('repaintCells', () => {
  it('repainting only the flipped weights gives the pixels of a full render, in both layouts', () => {
    for (const [layout, d, render] of [
      ['matrix', { inputs: 37, units: 11 }, renderMatrix],
      ['fields', { inputs: 784, units: 64 }, renderFields],
    ] as const) {
      const n = d.inputs * d.units;
      const indices = Uint8Array.from({ length: n }, (_, k) => (k * 37) % LUT_SIZE);
      const before = Uint8Array.from({ length: n }, (_, k) => ((k * 7919) % 5 === 0 ? 0 : 1));
      const after = before.slice();
      for (let k = 3; k < n; k += 13) after[k] ^= 1;
      const px = render(indices, before, d, VIRIDIS, PRUNED_RGB);
      const flipped = new Int32Array(n);
      const count = diffPositions(before, after, flipped);
      expect(count).toBeGreaterThan(10);
      repaintCells(px, layout, flipped, count, indices, after, d, VIRIDIS, PRUNED_RGB);
      expect(px).toEqual(render(indices, after, d, VIRIDIS, PRUNED_RGB));
    }
  });
});

describe('colorIndices', () => {
  it('is colorIndex for every value, on every kind of scale', () => {
    const values = Float32Array.from({ length: 5000 }, (_, i) =>
      i % 13 === 0 ? 0 : i % 17 === 0 ? Infinity : Math.exp(-20 + ((i * 7919) % 2000) / 100),
    );
    for (const scale of [
      { kind: 'log' as const, lo: 1e-7, hi: 3 },
      { kind: 'linear' as const, lo: 0, hi: 1e-3 },
      { kind: 'diverging' as const, lo: -1, hi: 1 },
    ]) {
      expect(Array.from(colorIndices(values, scale))).toEqual(Array.from(values, (v) => colorIndex(v, scale)));
    }
  });
});
