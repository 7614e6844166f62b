/** Settings ↔ pruning spec, and the threshold/sparsity mappings the slider uses. Pure. */
import { type Criterion, countBelow, type Granularity, type PruneSpec } from '../../core/prune';
import type { Settings } from './settings';

export function pruneSpecOf(s: Settings): PruneSpec {
  return {
    mode: s.mode,
    value: s.mode === 'threshold' ? s.threshold : s.sparsity,
    scope: s.scope,
    granularity: s.granularity,
  };
}

type Sorted = Record<Criterion, Record<Granularity, Float32Array>>;

/** The sorted scores a spec ranks: the weights', the hidden units' (neurons), or the 2:4 candidates' (+Infinity: never pruned). */
export const itemsOf = (sorted: Sorted, criterion: Criterion, s: Pick<Settings, 'granularity'>) =>
  sorted[criterion][s.granularity];

/** Fraction of items (weights, or hidden units) a threshold `t` prunes, from their ascending scores (0 when there are none). */
export function fractionPruned(sorted: Float32Array, t: number): number {
  return sorted.length ? countBelow(sorted, t) / sorted.length : 0;
}

/** The smallest T that prunes exactly the `k` lowest items (the first kept item's score). */
export function thresholdForCount(sorted: Float32Array, k: number): number {
  if (sorted.length === 0) return 0;
  if (k <= 0) return 0;
  const last = lastFinite(sorted);
  if (k >= last + 1) return last < 0 ? 0 : Math.min(1e6, sorted[last] * 1.000001 + 1e-30);
  return sorted[k];
}

/** In threshold mode, the T for `next` criterion that prunes as many items as the current T does. */
export function thresholdKeepingSparsity(sorted: Sorted, current: Settings, next: Criterion): number {
  const k = countBelow(itemsOf(sorted, current.criterion, current), current.threshold);
  return thresholdForCount(itemsOf(sorted, next, current), k);
}

/** Slider range for T on a log scale: from the smallest positive score to just above the largest. */
export function thresholdRange(sorted: Float32Array): { min: number; max: number } {
  let min = 0;
  for (const v of sorted) {
    if (v > 0) {
      min = v;
      break;
    }
  }
  const last = lastFinite(sorted);
  const max = last >= 0 ? sorted[last] : 1;
  if (!(min > 0) || !(max > 0)) return { min: 1e-8, max: 1 };
  return { min: min / 1.5, max: max * 1.5 };
}

/** Position of the largest finite score (2:4 ranks its kept weights at +Infinity), −1 if none. */
function lastFinite(sorted: Float32Array): number {
  let k = sorted.length - 1;
  while (k >= 0 && !Number.isFinite(sorted[k])) k--;
  return k;
}

/** Log-scale slider position p ∈ [0, 1] ↔ value. */
export const logToValue = (p: number, r: { min: number; max: number }) =>
  Math.exp(Math.log(r.min) + p * (Math.log(r.max) - Math.log(r.min)));
export const valueToLog = (v: number, r: { min: number; max: number }) =>
  v <= r.min ? 0 : v >= r.max ? 1 : (Math.log(v) - Math.log(r.min)) / (Math.log(r.max) - Math.log(r.min));
