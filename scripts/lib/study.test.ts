import { describe, expect, it } from 'vitest';
import { fromSrc } from './src.mjs';
import { dropSparsity, emptiedAt, firstTrue, medianRange } from './study.mjs';

// The app's engine, as the study itself loads it (scripts reach src/ through Vite's module runner).
const { buildPruneIndex, computeMasks, maskReport } = await fromSrc('src/core/prune/index.ts');
const { createRng } = await fromSrc('src/core/base/index.ts');

const pts = (xs: [number, number][]) => xs.map(([sparsity, accuracy]) => ({ sparsity, accuracy }));

describe('dropSparsity', () => {
  it('interpolates between the last point within the drop and the first beyond it', () => {
    // dense 0.95, floor 0.94: between (0.4, 0.945) and (0.6, 0.925) the line crosses 0.94 a quarter of the way.
    expect(
      dropSparsity(
        pts([
          [0, 0.95],
          [0.2, 0.951],
          [0.4, 0.945],
          [0.6, 0.925],
        ]),
        0.95,
      ),
    ).toBeCloseTo(0.45, 12);
  });
  it('uses the given drop', () => {
    const curve = pts([
      [0, 1],
      [0.5, 0.75],
      [1, 0.25],
    ]);
    expect(dropSparsity(curve, 1, 0.25)).toBeCloseTo(0.5, 12);
    expect(dropSparsity(curve, 1, 0.5)).toBeCloseTo(0.75, 12);
  });
  it('returns the first sparsity when already below, null when never below', () => {
    expect(
      dropSparsity(
        pts([
          [0.1, 0.5],
          [0.2, 0.4],
        ]),
        0.9,
      ),
    ).toBe(0.1);
    expect(
      dropSparsity(
        pts([
          [0, 0.9],
          [0.99, 0.895],
        ]),
        0.9,
      ),
    ).toBeNull();
  });
});

describe('firstTrue', () => {
  it('finds the first k of a monotone condition, at either end too', () => {
    for (const t of [0, 1, 37, 99, 100]) expect(firstTrue(0, 100, (k) => k >= t)).toBe(t);
    expect(firstTrue(0, 100, () => false)).toBeNull();
  });
});

describe('emptiedAt', () => {
  it('is one past the last position of each layer in the order', () => {
    // Layer 0: ids 0–2, layer 1: ids 3–4, layer 2: id 5.
    expect(emptiedAt([3, 0, 4, 1, 5, 2], [0, 3, 5])).toEqual([6, 3, 5]);
  });
  it('agrees with the app: the first global count whose mask report shows the layer entirely pruned', () => {
    const rng = createRng(7);
    const shapes = [
      { inputs: 12, units: 8 },
      { inputs: 8, units: 6 },
      { inputs: 6, units: 6 },
      { inputs: 6, units: 3 },
    ];
    // Layers on different scales, as gradients are: the smallest-scale layer empties first.
    const scores = shapes.map((s, l) => Float32Array.from({ length: s.inputs * s.units }, () => rng.next() * 10 ** -l));
    const index = buildPruneIndex(scores, shapes, 'weights');
    const n = index.global.order.length;
    const report = (k: number) =>
      maskReport(
        computeMasks(index, { mode: 'sparsity', value: k / n, scope: 'global', granularity: 'weights' }).masks,
        shapes,
      );
    const got = emptiedAt(index.global.order, index.offsets);
    shapes.forEach((_, l) => {
      expect(report(got[l]).layers[l].collapsed).toBe(true);
      expect(report(got[l] - 1).layers[l].collapsed).toBe(false);
      expect(firstTrue(0, n, (k) => report(k).layers[l].collapsed)).toBe(got[l]);
    });
    expect(Math.min(...got)).toBe(got[3]);
  });
});

describe('medianRange', () => {
  it('takes the median of odd and even counts and leaves out nulls', () => {
    expect(medianRange([0.3, 0.1, 0.2])).toEqual({ median: 0.2, min: 0.1, max: 0.3, n: 3 });
    expect(medianRange([0.4, null, 0.1])).toEqual({ median: 0.25, min: 0.1, max: 0.4, n: 2 });
    expect(medianRange([null])).toEqual({ median: null, min: null, max: null, n: 0 });
  });
});
