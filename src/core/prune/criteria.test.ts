import { describe, expect, it } from 'vitest';
import { CRITERIA, scoreLayer, scoreLayers } from './criteria';

// A 2×2 kernel with hand-picked weights and gradient statistics.
const layer = {
  inputs: 2,
  units: 2,
  kernel: Float32Array.of(0.5, -2, 0, 1),
  gradAbsMean: Float32Array.of(0.1, 0.01, 3, 0.2),
  gradSqMean: Float32Array.of(0.04, 0.0004, 10, 0.08),
};

describe('criteria', () => {
  it('gradient = gradAbsMean (the article)', () => {
    expect(Array.from(scoreLayer('gradient', layer))).toEqual(Array.from(layer.gradAbsMean));
  });
  it('gradnorm = gradAbsMean / its layer mean (mean of 0.1, 0.01, 3, 0.2 = 0.8275)', () => {
    expect(Array.from(scoreLayer('gradnorm', layer))).toEqual(
      [0.1, 0.01, 3, 0.2].map((v) => expect.closeTo(v / 0.8275, 6)),
    );
  });
  it('lamp: |w| sorted 0, 0.5, 1, 2 → 0/5.25, 0.25/5.25, 1/5, 4/4', () => {
    expect(Array.from(scoreLayer('lamp', layer))).toEqual([0.25 / 5.25, 1, 0, 1 / 5].map((v) => expect.closeTo(v, 6)));
  });
  it('gradnorm makes layers of different gradient scales comparable; lamp gives every layer a weight scoring 1', () => {
    const scaled = {
      ...layer,
      gradAbsMean: layer.gradAbsMean.map((v) => v * 100),
      kernel: layer.kernel.map((v) => v * 7),
    };
    const [a, b] = scoreLayers('gradnorm', [layer, scaled]);
    Array.from(a).forEach((v, i) => expect(b[i]).toBeCloseTo(v, 5));
    for (const l of [layer, scaled]) expect(Math.max(...scoreLayer('lamp', l))).toBeCloseTo(1, 6);
  });
  it('magnitude = |w|', () => {
    expect(Array.from(scoreLayer('magnitude', layer))).toEqual([0.5, 2, 0, 1]);
  });
  it('taylor = |w| · gradAbsMean', () => {
    expect(Array.from(scoreLayer('taylor', layer))).toEqual([0.05, 0.02, 0, 0.2].map((v) => expect.closeTo(v, 7)));
  });
  it('obd = ½ · w² · gradSqMean', () => {
    expect(Array.from(scoreLayer('obd', layer))).toEqual(
      [0.5 * 0.25 * 0.04, 0.5 * 4 * 0.0004, 0, 0.5 * 1 * 0.08].map((v) => expect.closeTo(v, 8)),
    );
  });
  it('random is seeded, in [0, 1), and differs between layers and seeds', () => {
    const a = scoreLayer('random', layer, 3, 0);
    expect(scoreLayer('random', layer, 3, 0)).toEqual(a);
    expect(scoreLayer('random', layer, 3, 1)).not.toEqual(a);
    expect(scoreLayer('random', layer, 4, 0)).not.toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
  });
  it('never mutates its input and always returns fresh arrays', () => {
    for (const c of CRITERIA) {
      const before = Array.from(layer.gradAbsMean);
      const s = scoreLayers(c, [layer])[0];
      s[0] = 123;
      expect(Array.from(layer.gradAbsMean)).toEqual(before);
      expect(s.length).toBe(4);
    }
  });
});
