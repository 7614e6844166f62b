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
  it('magnitude = |w|', () => {
    expect(Array.from(scoreLayer('magnitude', layer))).toEqual([0.5, 2, 0, 1]);
  });
  it('taylor = |w| · gradAbsMean', () => {
    expect(Array.from(scoreLayer('taylor', layer))).toEqual([0.05, 0.02, 0, 0.2].map((v) => expect.closeTo(v, 7)));
  });
  it('obd = ½ · w² · gradSqMean', () => {
    expect(Array.from(scoreLayer('obd', layer))).toEqual([0.5 * 0.25 * 0.04, 0.5 * 4 * 0.0004, 0, 0.5 * 1 * 0.08].map((v) => expect.closeTo(v, 8)));
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
