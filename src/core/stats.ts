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
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { count: n, mean: sum / n, min, max, median };
}

/** Fraction of values strictly below `t`. */
export function fractionBelow(values: ArrayLike<number>, t: number): number {
  if (values.length === 0) return NaN;
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < t) c++;
  return c / values.length;
}
