import { describe, expect, it } from 'vitest';
import { glorotUniform, initParams } from './init';

describe('Glorot-uniform init', () => {
  it('stays within ±sqrt(6/(in+out)) with mean ≈ 0 and the uniform variance', () => {
    const k = glorotUniform(784, 64, 9);
    const limit = Math.sqrt(6 / (784 + 64));
    let sum = 0,
      sq = 0;
    for (const v of k) {
      expect(Math.abs(v)).toBeLessThanOrEqual(limit);
      sum += v;
      sq += v * v;
    }
    expect(Math.abs(sum / k.length)).toBeLessThan(limit * 0.02);
    expect(sq / k.length).toBeCloseTo((limit * limit) / 3, 4);
  });

  it('builds the 64-32-10 shapes with zero biases, deterministically per seed', () => {
    const a = initParams(32, 1),
      b = initParams(32, 1),
      c = initParams(32, 2);
    expect(a.map((l) => [l.inputs, l.units])).toEqual([
      [32, 64],
      [64, 32],
      [32, 10],
    ]);
    a.forEach((l) => expect(l.bias.every((v) => v === 0)).toBe(true));
    expect(a[0].kernel).toEqual(b[0].kernel);
    expect(a[0].kernel).not.toEqual(c[0].kernel);
    expect(a[0].kernel).not.toEqual(a[1].kernel.subarray(0, a[0].kernel.length));
  });
});
