import { describe, expect, it } from 'vitest';
import { lampScores, layerNormalised, nmMask } from './allocation';
import { createRng } from '../base';

describe('layer-normalised scores', () => {
  it('divide by the layer mean (hand-computed), keep zeros, and make layers of different scales comparable', () => {
    // mean of [2, 4, 6, 8] is 5
    expect(Array.from(layerNormalised(Float32Array.from([2, 4, 6, 8])))).toEqual(
      [0.4, 0.8, 1.2, 1.6].map((v) => expect.closeTo(v, 6)),
    );
    expect(Array.from(layerNormalised(new Float32Array(3)))).toEqual([0, 0, 0]);
    const small = Float32Array.from([1e-4, 2e-4, 3e-4]);
    const big = Float32Array.from([1e-2, 2e-2, 3e-2]);
    const [a, b] = [layerNormalised(small), layerNormalised(big)];
    for (let i = 0; i < 3; i++) expect(a[i]).toBeCloseTo(b[i], 5);
  });
});

describe('LAMP', () => {
  it('matches a hand-computed layer: w = [1, −2, 3] → 1/14, 4/13, 9/9', () => {
    const s = lampScores(Float32Array.from([1, -2, 3]));
    expect(s[0]).toBeCloseTo(1 / 14, 7);
    expect(s[1]).toBeCloseTo(4 / 13, 7);
    expect(s[2]).toBe(1);
  });

  it('gives every layer’s largest weight 1 and is monotone in |w| (property, random layers)', () => {
    const rng = createRng(7);
    for (let t = 0; t < 20; t++) {
      const w = Float32Array.from({ length: 50 + t }, () => rng.next() * 2 - 1);
      const s = lampScores(w);
      const top = w.reduce((best, v, i) => (Math.abs(v) > Math.abs(w[best]) ? i : best), 0);
      expect(s[top]).toBe(1);
      const order = Array.from(w.keys()).sort((a, b) => Math.abs(w[a]) - Math.abs(w[b]));
      for (let k = 1; k < order.length; k++) expect(s[order[k]]).toBeGreaterThanOrEqual(s[order[k - 1]]);
      for (const v of s) expect(v).toBeGreaterThan(0);
    }
  });
});

describe('N:M masks', () => {
  it('keep the 2 highest of every 4 consecutive inputs of a unit (hand-computed, 8 inputs × 2 units)', () => {
    // Column 0: [.1 .5 .3 .2 | .9 .8 .1 .05]; column 1: [4 3 2 1 | 1 2 3 4].
    const col0 = [0.1, 0.5, 0.3, 0.2, 0.9, 0.8, 0.1, 0.05];
    const col1 = [4, 3, 2, 1, 1, 2, 3, 4];
    const scores = Float32Array.from(col0.flatMap((v, i) => [v, col1[i]]));
    const mask = nmMask(scores, 8, 2);
    const column = (j: number) => Array.from({ length: 8 }, (_, i) => mask[i * 2 + j]);
    expect(column(0)).toEqual([0, 1, 1, 0, 1, 1, 0, 0]);
    expect(column(1)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
  });

  it('keeps exactly n of every full group and at most n of a short last group; of equal scores the lower input goes', () => {
    const inputs = 10;
    const mask = nmMask(new Float32Array(inputs * 3), inputs, 3);
    for (let j = 0; j < 3; j++) {
      const column = Array.from({ length: inputs }, (_, i) => mask[i * 3 + j]);
      expect(column).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 1, 1]);
    }
    expect(nmMask(Float32Array.from([1, 2, 3]), 3, 1, 2, 4).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
