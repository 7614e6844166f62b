/** Summary statistics of typed arrays. Pure; inputs are not mutated. */

export interface Summary {
  count: number;
  mean: number;
  min: number;
  max: number;
  median: number;
}

/** Mean, min, max and median (middle of a sorted copy; mean of the two middles for even counts). */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: NaN, min: NaN, max: NaN, median: NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { count: n, mean: sum / n, min, max, median: median(values) };
}

/**
 * The middle value; the mean of the two middles for even counts; NaN when empty. By selection on a
 * copy (expected linear time), not a full sort: the live gradient statistics take medians of 50,000
 * values twice a second on the page.
 */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const a = Float64Array.from(values);
  const hi = select(a, n >> 1);
  return n % 2 ? hi : (hi + maxBelow(a, n >> 1)) / 2;
}

/** Rearranges `a` so that a[k] is the k-th smallest, smaller ones before it (Hoare's quickselect). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** The largest of a[0..k) (after `select(a, k)`, the (k−1)-th smallest). */
function maxBelow(a: Float64Array, k: number): number {
  let m = -Infinity;
  for (let i = 0; i < k; i++) if (a[i] > m) m = a[i];
  return m;
}

/**
 * The nearest-rank p-quantile (p in (0, 1]): the smallest value with at least a share p of the values
 * at or below it, i.e. `sorted[ceil(p·n) − 1]`; NaN when empty. The benchmarks' p95 is `percentile(x, 0.95)`.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(values).sort();
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

/** Fraction of values strictly below `t`. */
export function fractionBelow(values: ArrayLike<number>, t: number): number {
  if (values.length === 0) return NaN;
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < t) c++;
  return c / values.length;
}
