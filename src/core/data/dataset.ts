/**
 * Datasets as plain typed arrays. Features are row-major `[n, inputSize]` Float32Arrays, labels are
 * Uint8Arrays of class ids, and `indices` give each row's sample number in the source numbering
 * (see README "Datasets"), so a split can be rebuilt outside the app.
 */
import { createRng, deriveSeed, shuffleInPlace } from '../base';

export const DATASET_NAMES = ['mnist', 'synthetic-32'] as const;
/** The datasets that ship with the lab (the settings' choice). */
export type DatasetName = (typeof DATASET_NAMES)[number];
/** Where a run's data comes from: a built-in dataset, or a table the user brought (`UserTable`). */
export type DataName = DatasetName | 'user';

/** What identifies a user's table without its values (run.json keeps this; the values never leave the page). */
export interface UserTableInfo {
  /** The file's name and the hex SHA-256 of its bytes. */
  name: string;
  hash: string;
  /** Rows of the table (sample numbers are 0 … rows − 1). */
  rows: number;
  featureNames: string[];
  /** Class id = index. */
  classNames: string[];
}

/**
 * A table the user brought, prepared on the page (src/core/data/tabularPrep.ts): features standardised with
 * the training split's statistics, row-major `[rows, featureNames.length]`; class ids `[rows]`. The split
 * is the `DataRef`'s. It travels with the run's `DataRef` to each worker (the page is where it came from).
 */
export interface UserTable extends UserTableInfo {
  x: Float32Array;
  y: Uint8Array;
}

export const TRAIN_SIZE = 8000;
export const VAL_SIZE = 2000;
/** The MNIST split never changes with the experiment seed, so results stay comparable across seeds. */
export const MNIST_SPLIT_SEED = 20151;
export const SYNTHETIC_FEATURES = 32;
export const SYNTHETIC_CLASSES = 10;
/** Each class is a mixture of this many Gaussian clusters, so the classes are not linearly separable. */
export const SYNTHETIC_CLUSTERS_PER_CLASS = 2;
/** Spread of the cluster centres (unit-variance noise around them); tuned for ~80% accuracy. */
export const SYNTHETIC_CENTER_STD = 0.5;

export interface Split {
  /** Row-major `[n, inputSize]`. */
  x: Float32Array;
  /** Class id per row. */
  y: Uint8Array;
  /** Source sample number per row. */
  indices: Uint32Array;
  n: number;
}

export interface Dataset {
  name: DataName;
  inputSize: number;
  numClasses: number;
  train: Split;
  val: Split;
}

/** Input width of each dataset. */
export const INPUT_SIZE: Record<DatasetName, number> = { mnist: 784, 'synthetic-32': SYNTHETIC_FEATURES };

/**
 * Where a run's data comes from, without the data: the dataset, the seed (synthetic-32 is generated
 * from it) and the split as source sample numbers. Every worker rebuilds the same arrays from it, so the
 * page never holds the features (10,000 × 784 floats for MNIST).
 */
export interface DataRef {
  name: DataName;
  seed: number;
  trainIndices: Uint32Array;
  valIndices: Uint32Array;
  /** The user's table, when `name` is 'user' (else absent). */
  table?: UserTable;
}

/** The reference of a loaded dataset, without a user table's values (the page, which has them, adds them back). */
export const dataRefOf = (ds: Dataset, seed: number): DataRef => ({
  name: ds.name,
  seed,
  trainIndices: ds.train.indices,
  valIndices: ds.val.indices,
});

/** Input width and class count of a run's data. */
export const dataShape = (ref: Pick<DataRef, 'name' | 'table'>): { inputs: number; classes: number } =>
  ref.name === 'user'
    ? { inputs: ref.table?.featureNames.length ?? 0, classes: ref.table?.classNames.length ?? 0 }
    : { inputs: INPUT_SIZE[ref.name], classes: ref.name === 'mnist' ? 10 : SYNTHETIC_CLASSES };

/** A user table as a data source (its rows are the sample numbers). */
export function tableSource(t: UserTable): DataSource {
  const d = t.featureNames.length;
  return {
    name: 'user',
    width: d,
    numClasses: t.classNames.length,
    labels: t.y,
    row: (s, out, o) => out.set(t.x.subarray(s * d, (s + 1) * d), o),
  };
}

/**
 * Stratified split of `labels` into `trainCount` training and the remaining validation samples.
 * Each class contributes its share (largest-remainder rounding); both lists are then shuffled, so the
 * returned order is the stored order used for training and scoring. Pure: does not mutate `labels`.
 */
export function stratifiedSplit(
  labels: Uint8Array,
  numClasses: number,
  trainCount: number,
  seed: number,
): { train: Uint32Array; val: Uint32Array } {
  const n = labels.length;
  if (trainCount < 0 || trainCount > n) throw new RangeError(`trainCount ${trainCount} outside [0, ${n}]`);
  const rng = createRng(seed);
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c >= numClasses) throw new RangeError(`label ${c} at ${i} is not below ${numClasses}`);
    byClass[c].push(i);
  }
  const exact = byClass.map((ids) => (ids.length * trainCount) / n);
  const quota = exact.map(Math.floor);
  let missing = trainCount - quota.reduce((a, b) => a + b, 0);
  const order = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c } of order) {
    if (missing <= 0) break;
    quota[c]++;
    missing--;
  }
  const train: number[] = [];
  const val: number[] = [];
  byClass.forEach((ids, c) => {
    shuffleInPlace(ids, rng);
    train.push(...ids.slice(0, quota[c]));
    val.push(...ids.slice(quota[c]));
  });
  return { train: shuffleInPlace(Uint32Array.from(train), rng), val: shuffleInPlace(Uint32Array.from(val), rng) };
}

/** Gathers rows `indices` of a row-major `[n, width]` source into a new Split. Pure. */
export function gatherSplit(
  indices: Uint32Array,
  width: number,
  labels: Uint8Array,
  row: (sample: number, out: Float32Array, offset: number) => void,
): Split {
  const x = new Float32Array(indices.length * width);
  const y = new Uint8Array(indices.length);
  indices.forEach((s, r) => {
    row(s, x, r * width);
    y[r] = labels[s];
  });
  return { x, y, indices, n: indices.length };
}

/** All samples of a dataset in source numbering, before any split. */
export interface DataSource {
  name: DataName;
  width: number;
  numClasses: number;
  labels: Uint8Array;
  /** Writes sample `s`'s features into `out` at `offset`. */
  row(sample: number, out: Float32Array, offset: number): void;
}

/**
 * The article's setting: 32 features, 10 classes, each class a mixture of two Gaussian clusters.
 * Cluster centres are drawn from N(0, SYNTHETIC_CENTER_STD²·I); sample s has label c = s % 10, belongs
 * to cluster ⌊s / 10⌋ % 2 of its class, and is that centre + N(0, I). Everything derives from `seed`.
 */
export function synthetic32Source(seed: number): DataSource {
  const total = TRAIN_SIZE + VAL_SIZE;
  const d = SYNTHETIC_FEATURES;
  const rng = createRng(deriveSeed(seed, 'synthetic-32'));
  const k = SYNTHETIC_CLUSTERS_PER_CLASS;
  const centres = new Float64Array(SYNTHETIC_CLASSES * k * d);
  for (let i = 0; i < centres.length; i++) centres[i] = SYNTHETIC_CENTER_STD * rng.normal();
  const all = new Float32Array(total * d);
  const labels = new Uint8Array(total);
  for (let s = 0; s < total; s++) {
    const c = s % SYNTHETIC_CLASSES;
    labels[s] = c;
    const centre = (c * k + (Math.floor(s / SYNTHETIC_CLASSES) % k)) * d;
    for (let f = 0; f < d; f++) all[s * d + f] = centres[centre + f] + rng.normal();
  }
  return {
    name: 'synthetic-32',
    width: d,
    numClasses: SYNTHETIC_CLASSES,
    labels,
    row: (s, out, o) => out.set(all.subarray(s * d, (s + 1) * d), o),
  };
}

/** A dataset whose splits are the given sample numbers (e.g. from an imported run file). Pure. */
export function datasetFromIndices(source: DataSource, train: Uint32Array, val: Uint32Array): Dataset {
  return {
    name: source.name,
    inputSize: source.width,
    numClasses: source.numClasses,
    train: gatherSplit(train, source.width, source.labels, source.row),
    val: gatherSplit(val, source.width, source.labels, source.row),
  };
}

/** synthetic-32 with its seeded stratified 8,000 / 2,000 split. */
export function makeSynthetic32(seed: number): Dataset {
  const source = synthetic32Source(seed);
  const split = stratifiedSplit(source.labels, SYNTHETIC_CLASSES, TRAIN_SIZE, deriveSeed(seed, 'split'));
  return datasetFromIndices(source, split.train, split.val);
}

/** Per-class counts of a label array (length `numClasses`). */
export function classCounts(labels: Uint8Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const c of labels) counts[c]++;
  return counts;
}
