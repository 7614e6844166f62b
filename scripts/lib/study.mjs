// Pure helpers of the width and depth study (scripts/experiment-study.mjs): where an accuracy curve
// first falls a given drop below dense, the first pruned count at which a monotone condition holds (the
// collapse warning's onset), when each layer is emptied by a global order, and a median with its range.

/**
 * The sparsity at which `points` (ascending sparsity, each { sparsity, accuracy }) first fall more than
 * `drop` below `dense`: linear interpolation between the last point at or above `dense - drop` and the
 * first below it. The first point already below: its sparsity. Never below: null (beyond the sweep).
 * @param {readonly { sparsity: number, accuracy: number }[]} points
 * @param {number} dense
 * @returns {number | null}
 */
export function dropSparsity(points, dense, drop = 0.01) {
  const floor = dense - drop;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (p.accuracy >= floor) continue;
    if (i === 0) return p.sparsity;
    const q = points[i - 1];
    return q.sparsity + ((q.accuracy - floor) / (q.accuracy - p.accuracy)) * (p.sparsity - q.sparsity);
  }
  return null;
}

/**
 * The smallest whole k in lo..hi for which `holds(k)` is true, for a condition that stays true once it
 * holds (pruning more never un-collapses a layer, nor reconnects the input to the output); null when
 * not even `holds(hi)`. Calls `holds` about log2(hi - lo) + 1 times.
 * @param {number} lo
 * @param {number} hi
 * @param {(k: number) => boolean} holds
 * @returns {number | null}
 */
export function firstTrue(lo, hi, holds) {
  if (!holds(hi)) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For each layer, how many items a global order must prune before that layer has none left: one more
 * than the position of its last item in `order` (ids = offsets[layer] + index, as the app's PruneIndex).
 * @param {ArrayLike<number>} order
 * @param {readonly number[]} offsets
 * @returns {number[]}
 */
export function emptiedAt(order, offsets) {
  const last = offsets.map(() => -1);
  for (let r = 0; r < order.length; r++) {
    let l = offsets.length - 1;
    while (offsets[l] > order[r]) l--;
    last[l] = r;
  }
  return last.map((r) => r + 1);
}

/**
 * Median, smallest and largest of the finite values (null ones left out), and how many there were.
 * @param {readonly (number | null)[]} values
 */
export function medianRange(values) {
  const xs = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (!n) return { median: null, min: null, max: null, n: 0 };
  const median = n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  return { median, min: xs[0], max: xs[n - 1], n };
}
