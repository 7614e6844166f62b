import { describe, expect, it } from 'vitest';
import { fractionAtX, fromX, maxSparsityPct, nearestPoint, toX, xAtFraction, xAxis } from './chartMath';

const pt = (sparsity: number) => ({ target: sparsity, sparsity, threshold: sparsity, accuracy: 1 - sparsity, loss: 0 });

describe('chart maths', () => {
  it('maps sparsity to either axis and back', () => {
    expect(toX(0.9, 'sparsity')).toBeCloseTo(90, 12);
    expect(toX(0.9, 'remaining')).toBeCloseTo(10, 12);
    expect(toX(1, 'remaining')).toBe(0.5);
    expect(fromX(toX(0.37, 'remaining'), 'remaining')).toBeCloseTo(0.37, 12);
  });
  it('turns a pointer fraction into an axis value (log and reversed for remaining weights)', () => {
    expect(xAtFraction(0.5, 'sparsity')).toBe(50);
    expect(xAtFraction(0, 'remaining')).toBeCloseTo(100, 9);
    expect(xAtFraction(1, 'remaining')).toBeCloseTo(0.5, 9);
    expect(xAtFraction(0.5, 'remaining')).toBeCloseTo(Math.sqrt(50), 9);
    expect(xAtFraction(2, 'sparsity')).toBe(100);
  });
  it('places an axis value along the plot width: the inverse of xAtFraction, clamped', () => {
    for (const mode of ['sparsity', 'remaining'] as const) {
      for (const f of [0, 0.13, 0.5, 0.77, 1]) expect(fractionAtX(xAtFraction(f, mode), mode)).toBeCloseTo(f, 12);
    }
    expect(fractionAtX(toX(0.2, 'sparsity'), 'sparsity')).toBeCloseTo(0.2, 12);
    expect(fractionAtX(toX(0.9, 'remaining'), 'remaining')).toBeCloseTo(Math.log(10) / Math.log(200), 12);
    expect(fractionAtX(toX(1, 'remaining'), 'remaining')).toBe(1);
    expect(fractionAtX(-5, 'sparsity')).toBe(0);
    expect(fractionAtX(150, 'sparsity')).toBe(1);
  });
  it('fits the x axis to what the granularity can prune: 2:4 ends at 50 % sparsity (50 % of weights remaining)', () => {
    expect(maxSparsityPct('2:4')).toBe(50);
    expect(xAxis('sparsity', '2:4')).toEqual({ domain: [0, 50], ticks: [0, 10, 20, 30, 40, 50] });
    expect(xAxis('remaining', '2:4')).toEqual({ domain: [50, 100], ticks: [100, 90, 80, 70, 60, 50] });
    for (const g of ['weights', 'neurons'] as const) {
      expect(xAxis('sparsity', g).domain).toEqual([0, 100]);
      expect(xAxis('remaining', g).domain).toEqual([0.5, 100]);
    }
    // Every tick lies in its domain.
    for (const g of ['weights', 'neurons', '2:4'] as const) {
      for (const mode of ['sparsity', 'remaining'] as const) {
        const { domain, ticks } = xAxis(mode, g);
        for (const v of ticks) expect(v >= domain[0] && v <= domain[1]).toBe(true);
      }
    }
  });
  it('maps pointer and axis on a 2:4 domain: 50 % sparsity at the right edge, 25 % in the middle', () => {
    const sparsity = xAxis('sparsity', '2:4').domain;
    expect(fractionAtX(toX(0.5, 'sparsity'), 'sparsity', sparsity)).toBe(1);
    expect(fractionAtX(toX(0.25, 'sparsity'), 'sparsity', sparsity)).toBeCloseTo(0.5, 12);
    expect(fromX(xAtFraction(0.5, 'sparsity', sparsity), 'sparsity')).toBeCloseTo(0.25, 12);
    const remaining = xAxis('remaining', '2:4').domain;
    expect(fractionAtX(toX(0.5, 'remaining'), 'remaining', remaining)).toBe(1);
    expect(fractionAtX(toX(0, 'remaining'), 'remaining', remaining)).toBe(0);
    // Log axis: half way along is the geometric mean of 100 and 50 remaining.
    expect(xAtFraction(0.5, 'remaining', remaining)).toBeCloseTo(Math.sqrt(5000), 9);
    for (const f of [0, 0.3, 1])
      expect(fractionAtX(xAtFraction(f, 'remaining', remaining), 'remaining', remaining)).toBeCloseTo(f, 12);
  });
  it('finds the nearest curve point', () => {
    expect(nearestPoint([pt(0), pt(0.5), pt(0.9)], 0.8)!.sparsity).toBe(0.9);
    expect(nearestPoint([], 0.8)).toBeNull();
  });
});
