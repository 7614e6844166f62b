import { describe, expect, it } from 'vitest';
import { fractionAtX, fromX, nearestPoint, toX, xAtFraction } from './chartMath';

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
  it('finds the nearest curve point', () => {
    expect(nearestPoint([pt(0), pt(0.5), pt(0.9)], 0.8)!.sparsity).toBe(0.9);
    expect(nearestPoint([], 0.8)).toBeNull();
  });
});

