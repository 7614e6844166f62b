/**
 * Standardisation of a prepared table's features (`tabularPrep.ts`) with the training split's statistics only.
 *
 * Feature `f` of every row into `x` (row-major `[n, width]`) as (v − mean) / std with the training rows'
 * statistics; a missing value (NaN) becomes the mean, so 0. Writes `x`, `mean[f]`, `std[f]`; reads `values`.
 */
export function standardise(
  values: Float64Array,
  train: Uint32Array,
  x: Float32Array,
  width: number,
  f: number,
  mean: Float64Array,
  std: Float64Array,
): void {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of train) {
    const v = values[r];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let m = 0;
  let s = 1;
  if (count > 0 && min === max) m = min;
  else if (count > 0) {
    m = sum / count;
    let squares = 0;
    for (const r of train) if (!Number.isNaN(values[r])) squares += (values[r] - m) ** 2;
    s = Math.sqrt(squares / count) || 1;
  }
  mean[f] = m;
  std[f] = s;
  for (let r = 0; r < values.length; r++) x[r * width + f] = Number.isNaN(values[r]) ? 0 : (values[r] - m) / s;
}
