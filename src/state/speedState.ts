/**
 * What pruning buys, as the page holds it: the current mask's measured inference speed (after each
 * resting slider position), the speed-up curve over sparsity, TensorFlow.js `predict` on the training
 * backend, and the measured size of every export format. Pure reducers and the curve's break-even.
 */
import type { Criterion } from '../core/criteria';
import type { Timing } from '../core/inferTiming';
import type { Granularity, Scope } from '../core/masks';
import type { FromEval, SizeRow, SpeedPoint } from '../eval/protocol';

export { SPEED_BATCHES, type SizeRow, type SpeedPoint } from '../eval/protocol';

/** The sparsities a speed curve is measured at (2:4 stops at 50 %). */
export const SPEED_LEVELS = [0, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

export interface SpeedCurve {
  id: number;
  status: 'running' | 'done' | 'error';
  criterion: Criterion;
  scope: Scope;
  granularity: Granularity;
  points: SpeedPoint[];
  done: number;
  total: number;
  error: string | null;
}

export interface PredictTiming {
  status: 'running' | 'done' | 'error';
  backend: string;
  timings: Record<number, Timing> | null;
  /** 'busy': the training worker was running a job; else its own words. */
  error: string | null;
}

export interface SpeedState {
  /** Per batch size, the resting slider position's measurement (`id` = that position's request). */
  current: { id: number; points: SpeedPoint[] } | null;
  curve: SpeedCurve | null;
  tfjs: PredictTiming | null;
  sizes: { id: number; status: 'running' | 'done' | 'error'; sparsity: number | null; criterion: Criterion; rows: SizeRow[]; error: string | null } | null;
}

export const initialSpeed = (): SpeedState => ({ current: null, curve: null, tfjs: null, sizes: null });

export const curveLevels = (granularity: Granularity): number[] => (granularity === '2:4' ? SPEED_LEVELS.filter((l) => l <= 0.5) : SPEED_LEVELS);

/** A new measurement's state: the curve and sizes running (the points of an older one cleared). */
export function startMeasure(s: SpeedState, ids: { curve: number; sizes: number }, what: { criterion: Criterion; scope: Scope; granularity: Granularity }): SpeedState {
  return {
    ...s,
    curve: { id: ids.curve, status: 'running', ...what, points: [], done: 0, total: curveLevels(what.granularity).length, error: null },
    sizes: { id: ids.sizes, status: 'running', sparsity: null, criterion: what.criterion, rows: [], error: null },
  };
}

/** Folds an evaluation worker's measurement message in; others (and older requests' answers) change nothing. */
export function applySpeedMessage(s: SpeedState, msg: FromEval): SpeedState {
  switch (msg.type) {
    case 'speed-current':
      return s.current && s.current.id > msg.id ? s : { ...s, current: { id: msg.id, points: msg.points } };
    case 'speed-points':
      if (s.curve?.id !== msg.id) return s;
      return { ...s, curve: { ...s.curve, points: [...s.curve.points, ...msg.points], done: msg.done, total: msg.total } };
    case 'speed-done':
      return s.curve?.id === msg.id ? { ...s, curve: { ...s.curve, status: 'done', done: s.curve.total } } : s;
    case 'sizes-done':
      return s.sizes?.id === msg.id ? { ...s, sizes: { ...s.sizes, status: 'done', sparsity: msg.sparsity, rows: msg.rows } } : s;
    case 'measure-error':
      if (s.curve?.id === msg.id) return { ...s, curve: { ...s.curve, status: 'error', error: msg.message } };
      if (s.sizes?.id === msg.id) return { ...s, sizes: { ...s.sizes, status: 'error', error: msg.message } };
      return s;
    default:
      return s;
  }
}

/** Measured speed-up of a path over the dense one at one point (dense time ÷ its time). */
export const speedUp = (p: SpeedPoint, path: 'csr' | 'stripped'): number | null => {
  const t = p[path];
  return t && t.medianMs > 0 ? p.dense.medianMs / t.medianMs : null;
};

/**
 * The sparsity from which the sparse path is faster than the dense one, at a batch size: the first
 * crossing of speed-up 1 from below, interpolated linearly between the two points around it; the first
 * point's sparsity if it is already faster there; null if it never is. Points in any order.
 */
export function breakEven(points: readonly SpeedPoint[], batch: number, path: 'csr' | 'stripped' = 'csr'): number | null {
  const pts = points
    .filter((p) => p.batch === batch)
    .map((p) => ({ x: p.sparsity, y: speedUp(p, path) }))
    .filter((p): p is { x: number; y: number } => p.y !== null)
    .sort((a, b) => a.x - b.x);
  if (pts.length === 0) return null;
  if (pts[0].y >= 1) return pts[0].x;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (b.y >= 1) return a.x + ((1 - a.y) / (b.y - a.y)) * (b.x - a.x);
  }
  return null;
}
