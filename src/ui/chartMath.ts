/** Pure helpers of the accuracy-vs-sparsity chart: axis mapping and nearest points. */
import type { CurvePoint } from '../state/sweepState';

export type XMode = 'sparsity' | 'remaining';

/** Chart x for a sparsity: sparsity in %, or weights remaining in % (log axis, clamped at 0.5%). */
export const toX = (sparsity: number, mode: XMode) => (mode === 'sparsity' ? sparsity * 100 : Math.max(0.5, (1 - sparsity) * 100));
export const fromX = (x: number, mode: XMode) => (mode === 'sparsity' ? x / 100 : 1 - x / 100);

export const X_DOMAIN: Record<XMode, [number, number]> = { sparsity: [0, 100], remaining: [0.5, 100] };

/**
 * The x value under a pointer at fraction f ∈ [0, 1] of the plot width. The remaining-weights axis is
 * logarithmic and reversed (sparsity still grows to the right).
 */
export function xAtFraction(f: number, mode: XMode): number {
  const c = Math.min(1, Math.max(0, f));
  if (mode === 'sparsity') return c * 100;
  const [lo, hi] = X_DOMAIN.remaining;
  return Math.exp(Math.log(hi) - c * (Math.log(hi) - Math.log(lo)));
}

/** The inverse of `xAtFraction`: where an axis value lies along the plot width, clamped to [0, 1]. */
export function fractionAtX(x: number, mode: XMode): number {
  const [lo, hi] = X_DOMAIN[mode];
  const f = mode === 'sparsity' ? (x - lo) / (hi - lo) : (Math.log(hi) - Math.log(Math.max(lo, x))) / (Math.log(hi) - Math.log(lo));
  return Math.min(1, Math.max(0, f));
}

/** The curve point nearest to a sparsity (by sparsity), or null for an empty curve. */
export function nearestPoint(points: readonly CurvePoint[], sparsity: number): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const p of points) if (!best || Math.abs(p.sparsity - sparsity) < Math.abs(best.sparsity - sparsity)) best = p;
  return best;
}

