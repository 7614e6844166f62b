/** Pure helpers of the charts against sparsity: axis domains and mapping, nearest points. */
import type { Granularity } from '../../core/prune';
import type { CurvePoint } from '../../state/store';

export type XMode = 'sparsity' | 'remaining';

/** Chart x for a sparsity: sparsity in %, or weights remaining in % (log axis, clamped at 0.5%). */
export const toX = (sparsity: number, mode: XMode) =>
  mode === 'sparsity' ? sparsity * 100 : Math.max(0.5, (1 - sparsity) * 100);
export const fromX = (x: number, mode: XMode) => (mode === 'sparsity' ? x / 100 : 1 - x / 100);

/** The highest sparsity (in %) a granularity reaches: 2:4 keeps two weights of every four. */
export const maxSparsityPct = (granularity: Granularity) => (granularity === '2:4' ? 50 : 100);

/** The x axis of a chart against sparsity: its domain and ticks, fitted to what the granularity can prune. */
export function xAxis(mode: XMode, granularity: Granularity): { domain: [number, number]; ticks: number[] } {
  const max = maxSparsityPct(granularity);
  if (mode === 'sparsity')
    return { domain: [0, max], ticks: max === 50 ? [0, 10, 20, 30, 40, 50] : [0, 20, 40, 60, 80, 100] };
  return max === 50
    ? { domain: [50, 100], ticks: [100, 90, 80, 70, 60, 50] }
    : { domain: [0.5, 100], ticks: [100, 50, 20, 10, 5, 2, 1] };
}

/** The default (weights) domains. */
export const X_DOMAIN: Record<XMode, [number, number]> = {
  sparsity: xAxis('sparsity', 'weights').domain,
  remaining: xAxis('remaining', 'weights').domain,
};

/**
 * The x value under a pointer at fraction f ∈ [0, 1] of the plot width, on `domain`. The remaining-weights
 * axis is logarithmic and reversed (sparsity still grows to the right).
 */
export function xAtFraction(f: number, mode: XMode, domain: [number, number] = X_DOMAIN[mode]): number {
  const c = Math.min(1, Math.max(0, f));
  const [lo, hi] = domain;
  if (mode === 'sparsity') return lo + c * (hi - lo);
  return Math.exp(Math.log(hi) - c * (Math.log(hi) - Math.log(lo)));
}

/** The inverse of `xAtFraction`: where an axis value lies along the plot width, clamped to [0, 1]. */
export function fractionAtX(x: number, mode: XMode, domain: [number, number] = X_DOMAIN[mode]): number {
  const [lo, hi] = domain;
  const f =
    mode === 'sparsity'
      ? (x - lo) / (hi - lo)
      : (Math.log(hi) - Math.log(Math.max(lo, x))) / (Math.log(hi) - Math.log(lo));
  return Math.min(1, Math.max(0, f));
}

/** The curve point nearest to a sparsity (by sparsity), or null for an empty curve. */
export function nearestPoint(points: readonly CurvePoint[], sparsity: number): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const p of points) if (!best || Math.abs(p.sparsity - sparsity) < Math.abs(best.sparsity - sparsity)) best = p;
  return best;
}
