/** The accuracy-vs-sparsity curves and per-layer sensitivity in the app state, and their reducer. */
import type { Criterion, Granularity, Scope } from '../../core/prune';
import type { CurvePoint, FromEval } from '../../eval/protocol';

export type { CurvePoint } from '../../eval/protocol';

export interface SweepState {
  id: number;
  status: 'idle' | 'running' | 'done' | 'error';
  scope: Scope;
  granularity: Granularity;
  curves: Partial<Record<Criterion, { val: CurvePoint[]; train: CurvePoint[] }>>;
  /** Per criterion, per layer: accuracy as that layer alone is pruned. */
  sensitivity: Partial<Record<Criterion, { sparsity: number; accuracy: number }[][]>>;
  done: number;
  total: number;
  ms: number | null;
  error: string | null;
}

export const initialSweep = (): SweepState => ({
  id: 0,
  status: 'idle',
  scope: 'global',
  granularity: 'weights',
  curves: {},
  sensitivity: {},
  done: 0,
  total: 0,
  ms: null,
  error: null,
});

/** State for a new sweep request `id` (previous curves cleared). */
export const startSweep = (id: number, scope: Scope, granularity: Granularity): SweepState => ({
  ...initialSweep(),
  id,
  status: 'running',
  scope,
  granularity,
});

export function applySweepMessage(s: SweepState, msg: FromEval): SweepState {
  if (!('id' in msg) || msg.id !== s.id) return s;
  switch (msg.type) {
    case 'sweep-points': {
      // New arrays only for the curves that got points, so the chart's unchanged lines keep their identity;
      // the curves and the sensitivity objects are new only when some of theirs did.
      let curves = s.curves;
      let sensitivity = s.sensitivity;
      for (const e of msg.points) {
        if (e.kind === 'curve') {
          if (curves === s.curves) curves = { ...s.curves };
          const c =
            curves[e.criterion] === s.curves[e.criterion]
              ? { val: [], train: [], ...s.curves[e.criterion] }
              : curves[e.criterion]!;
          curves[e.criterion] = { ...c, [e.split]: [...c[e.split], e.point] };
        } else {
          if (sensitivity === s.sensitivity) sensitivity = { ...s.sensitivity };
          const layers = (sensitivity[e.criterion] ?? []).slice();
          layers[e.layer] = [...(layers[e.layer] ?? []), e.point];
          sensitivity[e.criterion] = layers;
        }
      }
      return { ...s, done: msg.done, total: msg.total, curves, sensitivity };
    }
    case 'sweep-done':
      return { ...s, status: 'done', done: s.total, ms: msg.ms };
    case 'error':
      return { ...s, status: 'error', error: msg.message };
    default:
      return s;
  }
}

/**
 * Accuracy of a curve at a sparsity: the point with the largest sparsity not above it (the curve is a
 * step function of the pruned prefix). Null before the first point.
 */
export function curveAt(points: readonly CurvePoint[], sparsity: number): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const p of points) if (p.sparsity <= sparsity + 1e-12 && (!best || p.sparsity > best.sparsity)) best = p;
  return best;
}
