import { describe, expect, it } from 'vitest';
import {
  buildPruneIndex,
  computeMasks,
  GRANULARITIES,
  countBelow,
  criterionIndex,
  sortScores,
  unitScores,
  type PruneSpec,
  type Shape,
} from './masks';
import { nmMask } from './allocation';
import { CRITERIA, scoreLayers } from './criteria';
import { createRng } from '../base';

const shapes: Shape[] = [
  { inputs: 6, units: 5 },
  { inputs: 5, units: 4 },
  { inputs: 4, units: 3 },
];
const randomScores = (seed: number, ties = false) => {
  const r = createRng(seed);
  return shapes.map((s) => Float32Array.from({ length: s.inputs * s.units }, () => (ties ? r.int(4) / 4 : r.next())));
};
const prunedCount = (masks: Uint8Array[]) => masks.reduce((a, m) => a + m.filter((v) => v === 0).length, 0);
const spec = (p: Partial<PruneSpec>): PruneSpec => ({
  mode: 'threshold',
  value: 0,
  scope: 'global',
  granularity: 'weights',
  ...p,
});
const N = shapes.reduce((a, s) => a + s.inputs * s.units, 0);

describe('threshold mode', () => {
  it('T = 0 prunes nothing (scores are non-negative)', () => {
    const idx = buildPruneIndex(randomScores(1), shapes, 'weights');
    expect(prunedCount(computeMasks(idx, spec({ value: 0 })).masks)).toBe(0);
  });

  it('prunes exactly the weights with score < T', () => {
    const scores = randomScores(2);
    const idx = buildPruneIndex(scores, shapes, 'weights');
    const { masks } = computeMasks(idx, spec({ value: 0.4 }));
    scores.forEach((s, l) => s.forEach((v, i) => expect(masks[l][i]).toBe(v < 0.4 ? 0 : 1)));
  });

  it('sparsity never decreases as T rises (property, many seeds, with ties)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const idx = buildPruneIndex(randomScores(seed, seed % 2 === 0), shapes, 'weights');
      let last = -1;
      for (let t = 0; t <= 1.05; t += 0.01) {
        const res = computeMasks(idx, spec({ value: t }));
        const p = prunedCount(res.masks);
        expect(p).toBeGreaterThanOrEqual(last);
        last = p;
      }
      expect(last).toBe(N);
    }
  });
});

describe('sparsity mode', () => {
  it('prunes exactly ⌊s·N⌋ weights, globally and per layer', () => {
    const idx = buildPruneIndex(randomScores(3, true), shapes, 'weights');
    for (const s of [0, 0.1, 0.29, 0.5, 0.77, 0.99, 1]) {
      expect(prunedCount(computeMasks(idx, spec({ mode: 'sparsity', value: s })).masks)).toBe(Math.floor(s * N + 1e-9));
      const per = computeMasks(idx, spec({ mode: 'sparsity', value: s, scope: 'per-layer' }));
      per.masks.forEach((m) => expect(m.filter((v) => v === 0).length).toBe(Math.floor(s * m.length + 1e-9)));
    }
  });

  it('breaks ties by layer, then row-major index, and reports the equivalent T', () => {
    const flat = shapes.map((s) => new Float32Array(s.inputs * s.units).fill(0.5));
    const idx = buildPruneIndex(flat, shapes, 'weights');
    const { masks, threshold } = computeMasks(idx, spec({ mode: 'sparsity', value: 32 / N }));
    // First 30 = all of layer 0, then indices 0 and 1 of layer 1.
    expect(masks[0].every((v) => v === 0)).toBe(true);
    expect(Array.from(masks[1].subarray(0, 3))).toEqual([0, 0, 1]);
    expect(threshold).toBe(0.5);
    // Threshold equivalence without ties: "score < T" with the reported T gives the same mask.
    const idx2 = buildPruneIndex(randomScores(9), shapes, 'weights');
    const bySparsity = computeMasks(idx2, spec({ mode: 'sparsity', value: 0.4 }));
    const byT = computeMasks(idx2, spec({ value: bySparsity.threshold }));
    expect(byT.masks).toEqual(bySparsity.masks);
  });

  it('is robust to odd values (NaN, negative, > 1)', () => {
    const idx = buildPruneIndex(randomScores(4), shapes, 'weights');
    expect(prunedCount(computeMasks(idx, spec({ mode: 'sparsity', value: NaN })).masks)).toBe(0);
    expect(prunedCount(computeMasks(idx, spec({ mode: 'sparsity', value: -3 })).masks)).toBe(0);
    expect(prunedCount(computeMasks(idx, spec({ mode: 'sparsity', value: 7 })).masks)).toBe(N);
    expect(prunedCount(computeMasks(idx, spec({ value: NaN })).masks)).toBe(0);
  });
});

describe('per-layer scope in threshold mode', () => {
  it('prunes every layer to the global share of scores below T', () => {
    const scores = randomScores(5);
    const idx = buildPruneIndex(scores, shapes, 'weights');
    const below = scores.reduce((a, s) => a + s.filter((v) => v < 0.3).length, 0) / N;
    const { masks } = computeMasks(idx, spec({ value: 0.3, scope: 'per-layer' }));
    masks.forEach((m) => expect(m.filter((v) => v === 0).length).toBe(Math.floor(below * m.length + 1e-9)));
  });
});

describe('neuron granularity', () => {
  it('scores a unit by the mean of its incoming weights', () => {
    expect(Array.from(unitScores(Float32Array.of(1, 2, 3, 6), { inputs: 2, units: 2 }))).toEqual([2, 4]);
  });

  it('rounds the exact (float64) mean once, as the threshold it reports must equal it', () => {
    // 784 inputs of varied magnitude: a float32 running sum drifts from the exact mean by many ulps.
    const inputs = 784;
    const units = 3;
    const scores = new Float32Array(inputs * units);
    for (let k = 0; k < scores.length; k++) scores[k] = 0.1 + ((k * 7919) % 1000) * 1e-4 + (k % 5 === 0 ? 3 : 0);
    const got = unitScores(scores, { inputs, units });
    let drift = 0;
    for (let j = 0; j < units; j++) {
      let exact = 0;
      let f32 = 0;
      for (let i = 0; i < inputs; i++) {
        exact += scores[i * units + j];
        f32 = Math.fround(f32 + scores[i * units + j]);
      }
      expect(got[j]).toBe(Math.fround(exact / inputs));
      drift = Math.max(drift, Math.abs(Math.fround(f32 / inputs) - exact / inputs) / (exact / inputs));
    }
    expect(drift).toBeGreaterThan(1e-7); // the float32 accumulation this replaces was off by more than rounding
  });

  it('removes whole columns and the matching next-layer rows; output units stay', () => {
    const idx = buildPruneIndex(randomScores(6), shapes, 'neurons');
    const res = computeMasks(idx, spec({ mode: 'sparsity', value: 4 / 9, scope: 'global' }));
    expect(res.units!.reduce((a, u) => a + u.filter((v) => v === 0).length, 0)).toBe(4);
    // A weight survives iff both the unit it leaves and the unit it enters survive (inputs and outputs always do).
    const alive = [new Uint8Array(shapes[0].inputs).fill(1), ...res.units!, new Uint8Array(3).fill(1)];
    res.masks.forEach((m, l) => {
      const s = shapes[l];
      for (let i = 0; i < s.inputs; i++)
        for (let j = 0; j < s.units; j++) expect(m[i * s.units + j]).toBe(alive[l][i] & alive[l + 1][j]);
    });
    // The last layer's columns (output units) are never removed as a whole unless every input is gone.
    expect(res.units).toHaveLength(2);
  });
});

describe('helpers', () => {
  it('sortScores (radix sort) matches a comparator sort, with ties, NaN, ±Infinity, negatives, -0 and subnormals', () => {
    const r = createRng(13);
    const special = [NaN, -0, Infinity, -Infinity, 1e-42, -1e-42, 3.4e38, -3.4e38];
    for (const [n, spread] of [
      [5000, 50],
      [70000, 1e6],
      [3, 2],
      [0, 1],
    ]) {
      const scores = Float32Array.from({ length: n }, (_, i) =>
        i % 97 === 0 ? special[(i / 97) % special.length] : r.int(spread) / 7 - (i % 3 === 0 ? 3 : 0),
      );
      // A view into a larger buffer, as a layer's scores may be.
      const view = new Float32Array(n + 2).subarray(1, n + 1);
      view.set(scores);
      const key = (i: number) => (Number.isNaN(scores[i]) ? -Infinity : scores[i]);
      const expected = [...scores.keys()].sort((a, b) => key(a) - key(b) || a - b);
      const got = sortScores(view);
      expect(Array.from(got.order)).toEqual(expected);
      expect(Array.from(got.values)).toEqual(expected.map(key));
    }
  });

  it('countBelow is a lower bound; sortScores orders NaN first and keeps ties stable', () => {
    expect(countBelow(Float32Array.of(0.1, 0.2, 0.2, 0.5), 0.2)).toBe(1);
    expect(countBelow(Float32Array.of(), 1)).toBe(0);
    const s = sortScores(Float32Array.of(0.3, NaN, 0.3, 0.1));
    expect(Array.from(s.order)).toEqual([1, 3, 0, 2]);
  });
});

describe('criterionIndex', () => {
  it("is the index of the criterion's scores, for every criterion and granularity", () => {
    const layers = shapes.map((sh, l) => ({
      ...sh,
      kernel: randomScores(20 + l)[l].map((v) => v - 0.5),
      gradAbsMean: randomScores(30 + l)[l],
      gradSqMean: randomScores(40 + l)[l],
    }));
    for (const c of CRITERIA) {
      for (const g of GRANULARITIES) {
        const idx = criterionIndex(c, layers, g, 5);
        const ref = buildPruneIndex(scoreLayers(c, layers, 5), shapes, g);
        expect(Array.from(idx.global.order)).toEqual(Array.from(ref.global.order));
        expect(Array.from(idx.global.values)).toEqual(Array.from(ref.global.values));
      }
    }
  });
});

describe('2:4 granularity', () => {
  // Of inputs g…g+3 of unit j, how many are pruned (short last groups: 6 = 4 + 2 and 5 = 4 + 1 inputs).
  const perGroup = (mask: Uint8Array, s: Shape) =>
    Array.from({ length: s.units }, (_, j) =>
      Array.from(
        { length: Math.ceil(s.inputs / 4) },
        (_, g) => [0, 1, 2, 3].filter((k) => 4 * g + k < s.inputs && !mask[(4 * g + k) * s.units + j]).length,
      ),
    ).flat();

  it('at 50 % is exactly the N:M mask of the scores, globally and per layer; more asks nothing more', () => {
    for (let seed = 0; seed < 10; seed++) {
      const scores = randomScores(seed, seed % 2 === 1);
      const idx = buildPruneIndex(scores, shapes, '2:4');
      for (const scope of ['global', 'per-layer'] as const)
        for (const value of [0.5, 0.9, 0.999]) {
          const { masks } = computeMasks(idx, spec({ mode: 'sparsity', value, scope, granularity: '2:4' }));
          masks.forEach((m, l) =>
            expect(Array.from(m)).toEqual(Array.from(nmMask(scores[l], shapes[l].inputs, shapes[l].units))),
          );
        }
    }
  });

  it('never prunes more than 2 of any 4, prunes the lowest candidates first, and counts like weights below 50 %', () => {
    for (let seed = 0; seed < 10; seed++) {
      const scores = randomScores(seed);
      const idx = buildPruneIndex(scores, shapes, '2:4');
      let last = 0;
      for (let t = 0; t <= 1.01; t += 0.05) {
        const { masks } = computeMasks(idx, spec({ value: t, granularity: '2:4' }));
        masks.forEach((m, l) => perGroup(m, shapes[l]).forEach((c) => expect(c).toBeLessThanOrEqual(2)));
        // Pruned = the candidates (not among a group's 2 highest) scoring below t.
        const expected = scores.reduce(
          (a, s, l) =>
            a + Array.from(nmMask(s, shapes[l].inputs, shapes[l].units)).filter((keep, i) => !keep && s[i] < t).length,
          0,
        );
        expect(prunedCount(masks)).toBe(expected);
        expect(expected).toBeGreaterThanOrEqual(last);
        last = expected;
      }
      expect(prunedCount(computeMasks(idx, spec({ mode: 'sparsity', value: 0.3, granularity: '2:4' })).masks)).toBe(
        Math.floor(0.3 * N + 1e-9),
      );
    }
  });
});
