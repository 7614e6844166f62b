import { describe, expect, it } from 'vitest';
import type { FromEval } from '../../eval/protocol';
import { applySweepMessage, curveAt, startSweep } from './sweepState';

const point = (sparsity: number, accuracy: number) => ({
  target: sparsity,
  sparsity,
  threshold: sparsity,
  accuracy,
  loss: 1,
});
const curve = (criterion: 'gradient' | 'magnitude', split: 'val' | 'train', s: number) => ({
  kind: 'curve' as const,
  criterion,
  split,
  point: point(s, 1 - s),
});
const msg = (id: number, points: ReturnType<typeof curve>[]): FromEval => ({
  type: 'sweep-points',
  id,
  points,
  done: points.length,
  total: 4,
});

describe('sweep state', () => {
  it('collects points per criterion and split, ignoring older sweeps', () => {
    let s = startSweep(7, 'global', 'weights');
    s = applySweepMessage(s, msg(7, [curve('gradient', 'val', 0), curve('gradient', 'val', 0.5)]));
    const gradient = s.curves.gradient;
    s = applySweepMessage(s, msg(7, [curve('magnitude', 'train', 0.5)]));
    expect(applySweepMessage(s, msg(6, [curve('gradient', 'val', 0.9)]))).toBe(s);
    expect(s.curves.gradient!.val.map((p) => p.sparsity)).toEqual([0, 0.5]);
    expect(s.curves.gradient).toBe(gradient); // a curve without new points keeps its identity (no chart re-render for it)
    expect(s.curves.magnitude!.train).toHaveLength(1);
    s = applySweepMessage(s, {
      type: 'sweep-points',
      id: 7,
      points: [
        { kind: 'sensitivity', criterion: 'gradient', layer: 1, point: { sparsity: 0.25, accuracy: 0.8 } },
        { kind: 'sensitivity', criterion: 'gradient', layer: 1, point: { sparsity: 0.5, accuracy: 0.6 } },
      ],
      done: 3,
      total: 4,
    });
    expect(s.sensitivity.gradient![1]).toEqual([
      { sparsity: 0.25, accuracy: 0.8 },
      { sparsity: 0.5, accuracy: 0.6 },
    ]);
    // Curve points leave the sensitivity object as it was, and sensitivity points the curves (no re-render of the other chart).
    const before = s;
    s = applySweepMessage(s, msg(7, [curve('magnitude', 'val', 0.1)]));
    expect([s.sensitivity === before.sensitivity, s.curves === before.curves]).toEqual([true, false]);
    const curves = s.curves;
    s = applySweepMessage(s, {
      type: 'sweep-points',
      id: 7,
      points: [{ kind: 'sensitivity', criterion: 'magnitude', layer: 0, point: { sparsity: 0.1, accuracy: 0.9 } }],
      done: 3,
      total: 4,
    });
    expect(s.curves).toBe(curves);
    s = applySweepMessage(s, { type: 'sweep-done', id: 7, ms: 12 });
    expect(s).toMatchObject({ status: 'done', ms: 12, done: 4 });
  });

  it('reads a curve as a step function of the pruned prefix', () => {
    const pts = [point(0, 0.9), point(0.5, 0.8), point(0.9, 0.3)];
    expect(curveAt(pts, 0.7)!.accuracy).toBe(0.8);
    expect(curveAt(pts, 0.9)!.accuracy).toBe(0.3);
    expect(curveAt(pts, 0)!.accuracy).toBe(0.9);
    expect(curveAt([], 0.5)).toBeNull();
  });
});
