import { describe, expect, it } from 'vitest';
import { defaultSchedule, isPruningStep, scheduledSparsity, schedulePoints, scheduleProblem } from './gradual';

const s = { initial: 0.1, final: 0.9, begin: 100, end: 300, frequency: 50, power: 3 };

describe('PolynomialDecay schedule', () => {
  it('matches hand-computed values: 0 before begin, initial at begin, cubic rise, final from end', () => {
    expect(scheduledSparsity(s, 99)).toBe(0);
    expect(scheduledSparsity(s, 100)).toBeCloseTo(0.1, 12);
    // Half way: 0.9 + (0.1 − 0.9) · 0.5³ = 0.8.
    expect(scheduledSparsity(s, 200)).toBeCloseTo(0.8, 12);
    // A quarter: 0.9 − 0.8 · 0.75³ = 0.5625.
    expect(scheduledSparsity(s, 150)).toBeCloseTo(0.5625, 12);
    expect(scheduledSparsity(s, 300)).toBe(0.9);
    expect(scheduledSparsity(s, 10_000)).toBe(0.9);
  });
  it('updates the masks at begin, every `frequency` steps, and at end only', () => {
    const steps = Array.from({ length: 400 }, (_, t) => t).filter((t) => isPruningStep(s, t));
    expect(steps).toEqual([100, 150, 200, 250, 300]);
    expect(Array.from({ length: 400 }, (_, t) => t).filter((t) => isPruningStep({ ...s, frequency: 80 }, t))).toEqual([
      100, 180, 260, 300,
    ]);
  });
  it('is monotone and ends at final (property, many schedules)', () => {
    for (let total = 50; total < 2000; total += 137) {
      const d = defaultSchedule(total, 0.8);
      expect(scheduleProblem(d, total)).toBeNull();
      const pts = schedulePoints(d, total);
      for (let k = 1; k < pts.length; k++) expect(pts[k].sparsity).toBeGreaterThanOrEqual(pts[k - 1].sparsity);
      expect(pts.at(-1)!.sparsity).toBe(0.8);
    }
  });
  it('names what is wrong with a schedule', () => {
    expect(scheduleProblem({ ...s, final: 1 }, 400)).toBe('final');
    expect(scheduleProblem({ ...s, initial: 0.95 }, 400)).toBe('initial');
    expect(scheduleProblem({ ...s, end: 500 }, 400)).toBe('steps');
    expect(scheduleProblem({ ...s, begin: 300 }, 400)).toBe('steps');
    expect(scheduleProblem({ ...s, frequency: 0 }, 400)).toBe('frequency');
  });
});
