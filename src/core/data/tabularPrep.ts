/**
 * A parsed user table (`tabular.ts`) as a dataset the lab can train on: the label's classes, numeric
 * and one-hot features, imputation and standardisation with the training split's statistics only, and a
 * seeded stratified split. Pure TypeScript (`crypto.subtle` is the web-platform global); nothing here
 * mutates its inputs, and refusals are typed `PrepProblem`s the page translates.
 *
 * A cell is read trimmed, by `cellKind`: it is missing when it is '' or NA, NaN or null (any case);
 * `inf`, `infinity` (signed, any case) and decimals beyond the float32 range (`1e999`) are non-finite.
 */
import { stratifiedSplit } from './dataset';
import { standardise } from './standardise';
import { sortValues } from './tableColumns';
import { cellKind, overflowsFloat32, TABLE_LIMITS, type RawTable } from './tabular';

export interface PrepOptions {
  /** Index of the label column (the UI defaults to the last). */
  label: number;
  /** One-hot encode feature columns with a text cell (else refuse them: `non-numeric`). */
  oneHot: boolean;
  /** `impute`: a missing feature cell takes its feature's mean over the training split (0 once standardised). */
  missing: 'refuse' | 'impute';
  /** Seed of the split, passed as is to `stratifiedSplit`. */
  seed: number;
  /** Share of the rows held out for validation, in (0, 1); default 0.2. */
  valFraction?: number;
}

/**
 * Why a table cannot be trained on. `row` is the 1-based file line of the row (`RawTable.lines`), or the
 * 1-based row number when the table has no lines (JSON: the record's number).
 */
export type PrepProblem =
  | { code: 'one-class'; label: string }
  | { code: 'too-many-classes'; label: string; classes: number; max: number }
  /** A feature column with a text cell while `oneHot` is off: its first such cell. */
  | { code: 'non-numeric'; column: string; example: string; row: number }
  /** `missing: 'refuse'` and feature cells are missing: every such column, in column order, with its count. */
  | { code: 'missing'; columns: { name: string; count: number }[] }
  | { code: 'missing-label'; row: number }
  /**
   * An infinite (or beyond-float32) value in a numeric feature, always refused whatever `missing` says:
   * it would make the column's mean and spread infinite and every standardised value NaN, so training
   * would silently diverge; and it is a broken value (an overflow, a division by zero), not a gap to fill.
   * `overflow`: a finite decimal too large for float32 (`1e308`), not an infinity written in the file.
   */
  | { code: 'non-finite'; column: string; row: number; value: string; overflow: boolean }
  /** No feature column left: only the label, or every other column empty. */
  | { code: 'no-features' }
  /** A class with fewer than 2 rows cannot be in both splits. */
  | { code: 'class-too-small'; label: string; klass: string; count: number }
  /** More features than TABLE_LIMITS.maxFeatures once one-hot encoded. */
  | { code: 'too-many-features'; features: number; max: number };

export interface PreparedTable {
  /** The file name. */
  name: string;
  /** Hex SHA-256 of the file's bytes (`contentHash`). */
  hash: string;
  /** Feature columns in table order, the label and empty columns left out; one-hot ones as `colour=red`, … */
  featureNames: string[];
  /** The label's distinct trimmed values, sorted (numerically when all are numbers, else by UTF-16 code units); class id = index. */
  classNames: string[];
  inputSize: number;
  numClasses: number;
  /** Row-major `[n, inputSize]`, every row in table order, standardised with the training split's mean and std. */
  x: Float32Array;
  /** Class id per row, `[n]`. */
  y: Uint8Array;
  /** Row numbers (0-based, table order) of the training split, stratified, in seeded random order. */
  trainIndices: Uint32Array;
  valIndices: Uint32Array;
  /** Per feature, over the training rows with a value (population std; a constant or all-missing feature gets std 1). */
  mean: Float64Array;
  std: Float64Array;
  /** Feature columns whose missing cells were imputed, with the count of cells (both splits). */
  imputed: { name: string; count: number }[];
  /** Rows per class (both splits), `[numClasses]`. */
  classCounts: number[];
}

export type PrepResult = { data: PreparedTable } | { problem: PrepProblem };

/** A feature column's plan: numeric, or one-hot with its sorted categories. */
interface Plan {
  column: number;
  categories: string[] | null;
  missing: number;
}

/**
 * The table as a training set, or the first problem. Checks, in order: the label (classes before
 * anything else, then missing labels, one class, classes under 2 rows), each feature column in table
 * order (`non-numeric`, `non-finite`), then `no-features`, `too-many-features`, `missing`. Columns with
 * no value at all are left out of the features. The validation split has `round(n · valFraction)` rows,
 * kept within [classes, n − classes], and every class has a row in both splits. Deterministic in
 * `opts.seed`. Does not mutate `t`. Throws a RangeError when `opts.label` is not a column index or
 * `valFraction` is outside (0, 1).
 */
export function prepareTable(t: RawTable, opts: PrepOptions, meta: { name: string; hash: string }): PrepResult {
  const { label } = opts;
  const valFraction = opts.valFraction ?? 0.2;
  if (!Number.isInteger(label) || label < 0 || label >= t.columns.length)
    throw new RangeError(`label ${label} is not a column index (${t.columns.length} columns)`);
  if (!(valFraction > 0 && valFraction < 1)) throw new RangeError(`valFraction ${valFraction} outside (0, 1)`);
  const n = t.rows.length;
  const rowOf = (r: number) => t.lines?.[r] ?? r + 1;
  const labelName = t.columns[label];
  const fail = (problem: PrepProblem): PrepResult => ({ problem });

  const labels = t.rows.map((row) => row[label].trim());
  const present = labels.map((v) => cellKind(v) !== 'missing');
  const distinct = new Set(labels.filter((_, r) => present[r]));
  if (distinct.size > TABLE_LIMITS.maxClasses)
    return fail({ code: 'too-many-classes', label: labelName, classes: distinct.size, max: TABLE_LIMITS.maxClasses });
  const unlabelled = present.indexOf(false);
  if (unlabelled !== -1) return fail({ code: 'missing-label', row: rowOf(unlabelled) });
  if (distinct.size < TABLE_LIMITS.minClasses) return fail({ code: 'one-class', label: labelName });
  const classNames = sortValues([...distinct]);
  const classId = new Map(classNames.map((c, i) => [c, i]));
  const y = Uint8Array.from(labels, (v) => classId.get(v)!);
  const classCounts = classNames.map(() => 0);
  for (const c of y) classCounts[c]++;
  const small = classCounts.findIndex((c) => c < 2);
  if (small !== -1)
    return fail({ code: 'class-too-small', label: labelName, klass: classNames[small], count: classCounts[small] });

  const plans: Plan[] = [];
  for (let c = 0; c < t.columns.length; c++) {
    if (c === label) continue;
    let missing = 0;
    let text = -1;
    let nonFinite = -1;
    for (let r = 0; r < n; r++) {
      const kind = cellKind(t.rows[r][c].trim());
      if (kind === 'missing') missing++;
      else if (kind === 'text' && text === -1) text = r;
      else if (kind === 'non-finite' && nonFinite === -1) nonFinite = r;
    }
    if (missing === n) continue;
    const column = t.columns[c];
    if (text !== -1 && !opts.oneHot)
      return fail({ code: 'non-numeric', column, example: t.rows[text][c].trim(), row: rowOf(text) });
    if (text === -1 && nonFinite !== -1) {
      const value = t.rows[nonFinite][c].trim();
      return fail({ code: 'non-finite', column, row: rowOf(nonFinite), value, overflow: overflowsFloat32(value) });
    }
    const categories =
      text === -1
        ? null
        : sortValues([...new Set(t.rows.map((row) => row[c].trim()).filter((v) => cellKind(v) !== 'missing'))]);
    plans.push({ column: c, categories, missing });
  }
  if (plans.length === 0) return fail({ code: 'no-features' });
  const inputSize = plans.reduce((s, p) => s + (p.categories ? p.categories.length : 1), 0);
  if (inputSize > TABLE_LIMITS.maxFeatures)
    return fail({ code: 'too-many-features', features: inputSize, max: TABLE_LIMITS.maxFeatures });
  const gaps = plans.filter((p) => p.missing > 0).map((p) => ({ name: t.columns[p.column], count: p.missing }));
  if (gaps.length > 0 && opts.missing === 'refuse') return fail({ code: 'missing', columns: gaps });

  const k = classNames.length;
  const valCount = Math.min(n - k, Math.max(k, Math.round(n * valFraction)));
  const { train, val } = stratifiedSplit(y, k, n - valCount, opts.seed);
  coverEveryClass(train, val, y, k);

  const featureNames: string[] = [];
  const x = new Float32Array(n * inputSize);
  const mean = new Float64Array(inputSize);
  const std = new Float64Array(inputSize);
  const values = new Float64Array(n);
  const category = new Int32Array(n);
  let f = 0;
  for (const p of plans) {
    const name = t.columns[p.column];
    const cells = t.rows.map((row) => row[p.column].trim());
    if (!p.categories) {
      cells.forEach((v, r) => (values[r] = cellKind(v) === 'missing' ? NaN : Number(v)));
      featureNames.push(name);
      standardise(values, train, x, inputSize, f++, mean, std);
      continue;
    }
    const index = new Map(p.categories.map((v, i) => [v, i]));
    cells.forEach((v, r) => (category[r] = index.get(v) ?? -1));
    p.categories.forEach((v, i) => {
      for (let r = 0; r < n; r++) values[r] = category[r] === -1 ? NaN : category[r] === i ? 1 : 0;
      featureNames.push(`${name}=${v}`);
      standardise(values, train, x, inputSize, f++, mean, std);
    });
  }
  const data = { name: meta.name, hash: meta.hash, featureNames, classNames, inputSize, numClasses: k, x, y };
  return { data: { ...data, trainIndices: train, valIndices: val, mean, std, imputed: gaps, classCounts } };
}

/**
 * Swaps rows between the splits so every class has a row in both, keeping both sizes: a class missing
 * from one side gets one of its rows from the other, in exchange for a row of the class with most rows
 * on that side (lowest id on ties). Needs every class ≥ 2 rows and each side ≥ `k` rows. Mutates
 * `train` and `val` in place (positions kept, so their order stays shuffled).
 */
function coverEveryClass(train: Uint32Array, val: Uint32Array, y: Uint8Array, k: number): void {
  const countsOf = (side: Uint32Array) => {
    const counts = new Array<number>(k).fill(0);
    for (const s of side) counts[y[s]]++;
    return counts;
  };
  for (const [to, from] of [
    [val, train],
    [train, val],
  ]) {
    const counts = countsOf(to);
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) continue;
      let donor = -1;
      for (let d = 0; d < k; d++) if (counts[d] >= 2 && (donor === -1 || counts[d] > counts[donor])) donor = d;
      const p = from.findIndex((s) => y[s] === c);
      const q = to.findIndex((s) => y[s] === donor);
      [from[p], to[q]] = [to[q], from[p]];
      counts[c]++;
      counts[donor]--;
    }
  }
}

/** Hex SHA-256 of `bytes` (`crypto.subtle`), lowercase. Does not mutate `bytes`. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
