import { describe, expect, it } from 'vitest';
import { epochTicks, nearestEpoch, plotRect, stepKey } from './epochAxes';

describe('epoch chart axes', () => {
  it('ticks whole epochs, at most 11, always from 0 and never past the last epoch', () => {
    expect(epochTicks(1)).toEqual([0, 1]);
    expect(epochTicks(3)).toEqual([0, 1, 2, 3]);
    expect(epochTicks(10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochTicks(12)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(epochTicks(35)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(epochTicks(200)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    for (let m = 1; m <= 500; m++) {
      const t = epochTicks(m);
      expect(t.length).toBeLessThanOrEqual(11);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBeLessThanOrEqual(m);
      expect(t.every((v) => Number.isInteger(v))).toBe(true);
    }
    expect(epochTicks(0)).toEqual([0]);
  });

  it('lays the plot area inside the margins, or none without room', () => {
    expect(plotRect(300, 148, 44)).toEqual({ left: 44, top: 8, width: 240, height: 110 });
    expect(plotRect(50, 148, 44)).toBeNull();
  });

  it('finds the nearest epoch and steps with the keys, starting from the last point', () => {
    expect(nearestEpoch([1, 2, 3], 2.4)).toBe(1);
    expect(nearestEpoch([1, 2, 3], 9)).toBe(2);
    expect(nearestEpoch([], 1)).toBe(-1);
    expect(stepKey('ArrowLeft', null, 3)).toBe(2);
    expect(stepKey('ArrowLeft', 2, 3)).toBe(1);
    expect(stepKey('ArrowLeft', 0, 3)).toBe(0);
    expect(stepKey('ArrowRight', 2, 3)).toBe(2);
    expect(stepKey('Home', 2, 3)).toBe(0);
    expect(stepKey('End', 0, 3)).toBe(2);
    expect(stepKey('a', 0, 3)).toBeNull();
    expect(stepKey('End', null, 0)).toBeNull();
  });
});
