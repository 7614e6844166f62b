/**
 * What pruning buys, as the page holds it: the current mask's measured inference speed (after each
 * resting slider position), the speed-up curve over sparsity, TensorFlow.js `predict` on the training
 * backend, and the measured size of every export format. Pure reducers and the curve's break-even.
 */
import type { Criterion, Granularity, Scope } from '../../core/prune';
import type { RatioSpread, Timing } from '../../core/infer';
import { SPEED_ROUNDS, type FromEval, type SizeRow, type SpeedPoint } from '../../eval/protocol';

export { SPEED_BATCHES, SPEED_ROUNDS, SPEED_SAMPLES, type SizeRow, type SpeedPoint } from '../../eval/protocol';

/** The sparsities a speed curve is measured at (2:4 stops at 50 %). */
export const SPEED_LEVELS = [0, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

export interface SpeedCurve {
  id: number;
  status: 'running' | 'done' | 'error';
  criterion: Criterion;
  scope: Scope;
  granularity: Granularity;
  points: SpeedPoint[];
  /** Steps measured of `total` (rounds × levels). */
  done: number;
  total: number;
  rounds: number;
  /** The worker's time for the whole curve, once done. */
  ms: number | null;
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
  sizes: {
    id: number;
    status: 'running' | 'done' | 'error';
    sparsity: number | null;
    criterion: Criterion;
    rows: SizeRow[];
    error: string | null;
  } | null;
}

export const initialSpeed = (): SpeedState => ({ current: null, curve: null, tfjs: null, sizes: null });

export const curveLevels = (granularity: Granularity): number[] =>
  granularity === '2:4' ? SPEED_LEVELS.filter((l) => l <= 0.5) : SPEED_LEVELS;

/** A new measurement's state: the curve and sizes running (the points of an older one cleared). */
export function startMeasure(
  s: SpeedState,
  ids: { curve: number; sizes: number },
  what: { criterion: Criterion; scope: Scope; granularity: Granularity },
): SpeedState {
  return {
    ...s,
    curve: {
      id: ids.curve,
      status: 'running',
      ...what,
      points: [],
      done: 0,
      total: SPEED_ROUNDS * curveLevels(what.granularity).length,
      rounds: SPEED_ROUNDS,
      ms: null,
      error: null,
    },
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
      return {
        ...s,
        curve: { ...s.curve, points: [...s.curve.points, ...msg.points], done: msg.done, total: msg.total },
      };
    case 'speed-done':
      return s.curve?.id === msg.id
        ? { ...s, curve: { ...s.curve, status: 'done', done: s.curve.total, ms: msg.ms } }
        : s;
    case 'sizes-done':
      return s.sizes?.id === msg.id
        ? { ...s, sizes: { ...s.sizes, status: 'done', sparsity: msg.sparsity, rows: msg.rows } }
        : s;
    case 'measure-error':
      if (s.curve?.id === msg.id) return { ...s, curve: { ...s.curve, status: 'error', error: msg.message } };
      if (s.sizes?.id === msg.id) return { ...s, sizes: { ...s.sizes, status: 'error', error: msg.message } };
      return s;
    default:
      return s;
  }
}

/** Measured speed-up of a path over the dense one at one point: the median of its paired samples' ratios (dense time ÷ its time). */
export const speedUp = (p: SpeedPoint, path: 'csr' | 'stripped'): number | null => p.ratio[path]?.median ?? null;

/** Where a point's speed-up lies against 1×: its whole 10th–90th percentile spread above, below, or across. */
export type Side = 'faster' | 'slower' | 'unclear';
export const sideOf = (r: RatioSpread): Side => (r.p10 > 1 ? 'faster' : r.p90 < 1 ? 'slower' : 'unclear');

/**
 * What a speed curve says about the break-even, from the spread of each point, never from a single
 * median: `between` — the sparse path is clearly slower at `from` (the last such point) and clearly faster
 * at `to` (the first such point), with no clearly faster point before a clearly slower one, so the
 * crossing lies between them; `always` / `never` — clearly faster (slower) at every sparsity measured;
 * `mixed` — a clearly faster point before a clearly slower one (a dip: the measurement contradicts
 * itself over `from`–`to`); `unclear` — otherwise, the spread includes 1× at the points over `from`–`to`.
 * Null without points. Reads the points of `batch`, in any order.
 */
export type BreakEven =
  { kind: 'between' | 'mixed' | 'unclear'; from: number; to: number } | { kind: 'always' | 'never' };

export function breakEven(
  points: readonly SpeedPoint[],
  batch: number,
  path: 'csr' | 'stripped' = 'csr',
): BreakEven | null {
  const pts = points
    .filter((p) => p.batch === batch && p.ratio[path])
    .map((p) => ({ x: p.sparsity, side: sideOf(p.ratio[path]!) }))
    .sort((a, b) => a.x - b.x);
  if (pts.length === 0) return null;
  const xs = (side: Side) => pts.filter((p) => p.side === side).map((p) => p.x);
  const [faster, slower, unclear] = [xs('faster'), xs('slower'), xs('unclear')];
  if (faster.length === pts.length) return { kind: 'always' };
  if (slower.length === pts.length) return { kind: 'never' };
  const lastSlower = slower.at(-1) ?? -Infinity;
  if (faster.length && faster[0] < lastSlower) return { kind: 'mixed', from: faster[0], to: lastSlower };
  if (faster.length && slower.length) return { kind: 'between', from: lastSlower, to: faster[0] };
  return { kind: 'unclear', from: unclear[0], to: unclear.at(-1)! };
}
