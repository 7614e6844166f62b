import { describe, expect, it } from 'vitest';
import { fractionBelow, median, percentile, summarize } from './stats';

describe('statistics', () => {
  it('median: the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median(Float32Array.of(4, 1, 3, 2))).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([5])).toBe(5);
    expect(median([2, 2, 2, 1])).toBe(2);
  });

  it('median equals the middle of a sorted copy on random arrays with ties, and leaves its input alone', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 60);
      const a = Float32Array.from({ length: n }, () => Math.floor(rnd() * 8) / 4 - 0.5);
      const copy = a.slice();
      const s = Float64Array.from(a).sort();
      expect(median(a)).toBe(n % 2 ? s[n >> 1] : (s[(n >> 1) - 1] + s[n >> 1]) / 2);
      expect(a).toEqual(copy);
    }
  });

  it('percentile: nearest rank, so the p95 of 1..20 is 19 and of 1..100 is 95', () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    expect(percentile(upTo(20), 0.95)).toBe(19);
    expect(percentile(upTo(100), 0.95)).toBe(95);
    expect(percentile(upTo(100), 0.5)).toBe(50);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([5, 1], 1)).toBe(5);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('summarize and fractionBelow', () => {
    expect(summarize([2, -1, 5, 4])).toEqual({ count: 4, mean: 2.5, min: -1, max: 5, median: 3 });
    expect(fractionBelow([0.1, 0.01, 0.001, 1], 0.01)).toBe(0.25);
  });
});
