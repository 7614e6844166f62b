import { describe, expect, it } from 'vitest';
import type { FromEval } from '../eval/protocol';
import { applySweepMessage, curveAt, startSweep } from './sweepState';

const point = (sparsity: number, accuracy: number) => ({ target: sparsity, sparsity, threshold: sparsity, accuracy, loss: 1 });
const msg = (id: number, criterion: 'gradient' | 'magnitude', split: 'val' | 'train', s: number): FromEval => ({ type: 'sweep-point', id, criterion, split, point: point(s, 1 - s), done: 1, total: 4 });

describe('sweep state', () => {
  it('collects points per criterion and split, ignoring older sweeps', () => {
    let s = startSweep(7, 'global', 'weights');
    s = applySweepMessage(s, msg(7, 'gradient', 'val', 0));
    s = applySweepMessage(s, msg(7, 'gradient', 'val', 0.5));
    s = applySweepMessage(s, msg(7, 'magnitude', 'train', 0.5));
    expect(applySweepMessage(s, msg(6, 'gradient', 'val', 0.9))).toBe(s);
    expect(s.curves.gradient!.val.map((p) => p.sparsity)).toEqual([0, 0.5]);
    expect(s.curves.magnitude!.train).toHaveLength(1);
    s = applySweepMessage(s, { type: 'sensitivity-point', id: 7, criterion: 'gradient', layer: 1, sparsity: 0.25, accuracy: 0.8, done: 3, total: 4 });
    expect(s.sensitivity.gradient![1]).toEqual([{ sparsity: 0.25, accuracy: 0.8 }]);
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
