import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, permutation } from './rng';

describe('rng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(42),
      b = createRng(42),
      c = createRng(43);
    const va = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(va);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(va);
  });

  it('draws uniforms in [0,1) with mean ≈ 1/2 and normals with mean ≈ 0, variance ≈ 1', () => {
    const r = createRng(7);
    let sum = 0,
      min = 1,
      max = 0;
    for (let i = 0; i < 20000; i++) {
      const v = r.next();
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    let s1 = 0,
      s2 = 0;
    for (let i = 0; i < 20000; i++) {
      const v = r.normal();
      s1 += v;
      s2 += v * v;
    }
    expect(Math.abs(s1 / 20000)).toBeLessThan(0.03);
    expect(Math.abs(s2 / 20000 - 1)).toBeLessThan(0.05);
  });

  it('permutation contains every index exactly once', () => {
    const p = permutation(1000, createRng(3));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('derives distinct, stable stream seeds', () => {
    expect(deriveSeed(1, 'init')).toBe(deriveSeed(1, 'init'));
    expect(deriveSeed(1, 'init')).not.toBe(deriveSeed(1, 'shuffle'));
    expect(deriveSeed(1, 'init')).not.toBe(deriveSeed(2, 'init'));
  });
});
