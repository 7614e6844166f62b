import { describe, expect, it } from 'vitest';
import type { Timing } from '../core/inferTiming';
import { applySpeedMessage, breakEven, curveLevels, initialSpeed, SPEED_LEVELS, speedUp, startMeasure, type SpeedPoint } from './speedState';

const tm = (medianMs: number): Timing => ({ medianMs, p10Ms: medianMs, p90Ms: medianMs, samples: 1, repsPerSample: 1 });
/** A point whose sparse path is `up` times as fast as the dense one (dense 1 ms). */
const pt = (sparsity: number, up: number, batch = 1, stripped: number | null = null): SpeedPoint => ({ sparsity, batch, dense: tm(1), csr: tm(1 / up), stripped: stripped === null ? null : tm(1 / stripped), strippedShapes: null, maxDiff: 0, engine: 'wasm' });
const what = { criterion: 'magnitude', scope: 'global', granularity: 'weights' } as const;

describe('break-even sparsity', () => {
  it('interpolates the first crossing of 1× linearly between the points around it', () => {
    // 0.5× at 50 %, 2× at 90 %: 1× is a third of the way, 50 + 40/3 %.
    expect(breakEven([pt(0.9, 2), pt(0, 0.2), pt(0.5, 0.5)], 1)).toBeCloseTo(0.5 + 0.4 / 3, 12);
    expect(breakEven([pt(0.5, 0.5), pt(0.9, 1)], 1)).toBeCloseTo(0.9, 12);
  });
  it('is the first sparsity when sparse is faster from the start, and null when it never is', () => {
    expect(breakEven([pt(0.3, 1.2), pt(0.8, 3)], 1)).toBe(0.3);
    expect(breakEven([pt(0.3, 0.2), pt(0.99, 0.9)], 1)).toBeNull();
    expect(breakEven([], 1)).toBeNull();
  });
  it('reads only the points of its batch size, and the path asked for', () => {
    const points = [pt(0.5, 0.5, 1, 1.5), pt(0.9, 2, 1, 3), pt(0.5, 4, 256), pt(0.9, 8, 256)];
    expect(breakEven(points, 256)).toBe(0.5);
    expect(breakEven(points, 1, 'stripped')).toBe(0.5);
    expect(speedUp(points[0], 'stripped')).toBeCloseTo(1.5, 12);
    expect(speedUp(points[2], 'stripped')).toBeNull();
  });
});

describe('speed state', () => {
  it('2:4 curves stop at 50 %, the others measure every level', () => {
    expect(curveLevels('2:4')).toEqual([0, 0.3, 0.5]);
    expect(curveLevels('neurons')).toEqual(SPEED_LEVELS);
  });

  it('collects the points of its own measurement only, then ends it', () => {
    let s = startMeasure(initialSpeed(), { curve: 7, sizes: 8 }, what);
    expect(s.curve).toMatchObject({ id: 7, status: 'running', total: SPEED_LEVELS.length, points: [] });
    s = applySpeedMessage(s, { type: 'speed-points', id: 6, points: [pt(0, 1)], done: 1, total: 10 });
    expect(s.curve!.points).toEqual([]);
    s = applySpeedMessage(s, { type: 'speed-points', id: 7, points: [pt(0, 0.2), pt(0, 0.5, 256)], done: 1, total: 10 });
    s = applySpeedMessage(s, { type: 'speed-points', id: 7, points: [pt(0.3, 0.3)], done: 2, total: 10 });
    expect(s.curve!.points.map((p) => p.sparsity)).toEqual([0, 0, 0.3]);
    expect(s.curve!.done).toBe(2);
    s = applySpeedMessage(s, { type: 'speed-done', id: 7, ms: 1 });
    expect(s.curve).toMatchObject({ status: 'done', done: 10 });
    s = applySpeedMessage(s, { type: 'sizes-done', id: 8, sparsity: 0.9, rows: [] });
    expect(s.sizes).toMatchObject({ status: 'done', sparsity: 0.9 });
  });

  it('a failed measurement marks the one it belongs to; a new one clears the old points', () => {
    let s = startMeasure(initialSpeed(), { curve: 3, sizes: 4 }, what);
    s = applySpeedMessage(s, { type: 'measure-error', id: 4, message: 'no CompressionStream' });
    expect(s.sizes).toMatchObject({ status: 'error', error: 'no CompressionStream' });
    expect(s.curve!.status).toBe('running');
    s = applySpeedMessage(s, { type: 'speed-points', id: 3, points: [pt(0, 1)], done: 1, total: 10 });
    s = startMeasure(s, { curve: 9, sizes: 10 }, { ...what, granularity: '2:4' });
    expect(s.curve).toMatchObject({ id: 9, points: [], total: 3, granularity: '2:4' });
  });

  it('keeps the newest slider position’s measurement', () => {
    let s = applySpeedMessage(initialSpeed(), { type: 'speed-current', id: 12, points: [pt(0.8, 1)] });
    s = applySpeedMessage(s, { type: 'speed-current', id: 11, points: [pt(0.5, 1)] });
    expect(s.current).toMatchObject({ id: 12 });
    expect(s.current!.points[0].sparsity).toBe(0.8);
    expect(applySpeedMessage(s, { type: 'train-evaluated', id: 13, result: { accuracy: 1, loss: 0, perClass: [] }, ms: 1 })).toBe(s);
  });
});
