/**
 * The `data` section of run.json (see runFile.ts): the dataset, the split as sample numbers and, for a
 * run on a user's table, what identifies that table (`UserTableInfo`; its values are never written).
 * Throws `Invalid` with the first problem, naming the field. Pure.
 */
import { HIDDEN_UNITS, layerShapes, type LayerShape, fail, int, list, obj, oneOf, show, str } from '../base';
import {
  DATASET_NAMES,
  INPUT_SIZE,
  TRAIN_SIZE,
  VAL_SIZE,
  type DataName,
  type UserTableInfo,
  TABLE_LIMITS,
} from '../data';

/** A run's data: `table` is present iff `name` is 'user'. */
export interface RunData {
  name: DataName;
  trainIndices: Uint32Array;
  valIndices: Uint32Array;
  table?: UserTableInfo;
}

/** Sample numbers run from 0 to SAMPLE_COUNT - 1 in both built-in datasets. */
const SAMPLE_COUNT = TRAIN_SIZE + VAL_SIZE;
const DATA_NAMES: readonly DataName[] = [...DATASET_NAMES, 'user'];
/** Longest file name kept in a run file (feature and class names, a table's own headers and values, have no limit of their own: the file's has). */
const NAME_MAX = 256;

/** Only what identifies a table (a `UserTable`'s `x` and `y` are left behind); undefined stays undefined. */
export const tableInfo = (t: UserTableInfo | undefined): UserTableInfo | undefined =>
  t && { name: t.name, hash: t.hash, rows: t.rows, featureNames: t.featureNames, classNames: t.classNames };

/** The validated `data` section (fresh arrays) and the layer shapes it implies. `config` is the validated settings. */
export function runData(
  v: unknown,
  config: Record<string, unknown>,
  hidden: readonly number[] = HIDDEN_UNITS,
): { data: RunData; shapes: LayerShape[] } {
  const data = obj(v, 'data');
  const name = oneOf(data.name, 'data.name', DATA_NAMES);
  if ('dataset' in config && config.dataset !== name)
    fail(`config.dataset is ${show(config.dataset)} but data.name is "${name}"`);
  if (name !== 'user') {
    if (data.table !== undefined)
      fail(`data.table is given, but data.name is "${name}"; only a run on a user's table (data.name "user") has one`);
    const seen = new Int32Array(SAMPLE_COUNT);
    const trainIndices = indices(data.trainIndices, 'data.trainIndices', TRAIN_SIZE, SAMPLE_COUNT, '', seen, 1, '');
    const valIndices = indices(
      data.valIndices,
      'data.valIndices',
      VAL_SIZE,
      SAMPLE_COUNT,
      '',
      seen,
      2,
      'data.trainIndices',
    );
    return { data: { name, trainIndices, valIndices }, shapes: layerShapes(INPUT_SIZE[name], hidden) };
  }
  const table = userTable(data.table);
  const seen = new Int32Array(table.rows);
  const why = ` (data.table.rows is ${table.rows})`;
  const trainIndices = indices(data.trainIndices, 'data.trainIndices', null, table.rows, why, seen, 1, '');
  const valIndices = indices(data.valIndices, 'data.valIndices', null, table.rows, why, seen, 2, 'data.trainIndices');
  return {
    data: { name, trainIndices, valIndices, table },
    shapes: layerShapes(table.featureNames.length, hidden, table.classNames.length),
  };
}

/**
 * Distinct sample numbers in 0..count-1, none already marked in `seen` (by the split `other`); each is
 * marked `mark`. Exactly `length` of them, or at least one when `length` is null.
 */
function indices(
  v: unknown,
  path: string,
  length: number | null,
  count: number,
  why: string,
  seen: Int32Array,
  mark: number,
  other: string,
): Uint32Array {
  const a = list(v, path);
  if (length !== null && a.length !== length) fail(`${path} has ${a.length} entries, expected ${length}`);
  if (a.length === 0) fail(`${path} is empty, expected at least one sample number`);
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const s = a[i];
    if (!(typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < count))
      fail(`${path}[${i}] is ${show(s)}, expected an integer sample number in 0..${count - 1}${why}`);
    const n = s as number;
    if (seen[n] === mark) fail(`${path} lists sample ${n} twice`);
    if (seen[n] !== 0) fail(`sample ${n} is in both ${other} and ${path}; the splits must be disjoint`);
    seen[n] = mark;
    out[i] = n;
  }
  return out;
}

/** A string of at most `max` characters (may be empty). */
const text = (v: unknown, path: string, max: number): string =>
  typeof v !== 'string'
    ? fail(`${path} must be a string, got ${show(v)}`)
    : v.length <= max
      ? v
      : fail(`${path} has ${v.length} characters, at most ${max} are allowed`);

function strings(v: unknown, path: string, min: number, max: number, maxLength: number): string[] {
  const a = list(v, path);
  if (a.length < min || a.length > max) fail(`${path} has ${a.length} entries, expected ${min} to ${max}`);
  return a.map((s, i) => text(s, `${path}[${i}]`, maxLength));
}

function userTable(v: unknown): UserTableInfo {
  if (v === undefined)
    fail(`data.table is missing; a run on a user's table (data.name "user") must identify the table`);
  const t = obj(v, 'data.table');
  const name = str(t.name, 'data.table.name', NAME_MAX);
  const hash = t.hash;
  if (!(typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)))
    fail(
      `data.table.hash is ${hash === undefined ? 'missing' : show(hash)}, expected 64 lowercase hexadecimal characters (the file's SHA-256)`,
    );
  const { minRows, maxRows, maxFeatures, minClasses, maxClasses } = TABLE_LIMITS;
  const rows = int(t.rows, 'data.table.rows');
  if (rows < minRows || rows > maxRows) fail(`data.table.rows is ${rows}, expected ${minRows} to ${maxRows}`);
  const featureNames = strings(t.featureNames, 'data.table.featureNames', 1, maxFeatures, Infinity);
  const classNames = strings(t.classNames, 'data.table.classNames', minClasses, maxClasses, Infinity);
  classNames.forEach((c, i) => {
    const first = classNames.indexOf(c);
    if (first < i)
      fail(
        `data.table.classNames[${i}] is ${show(c)}, the same as data.table.classNames[${first}]; class names must be distinct`,
      );
  });
  return { name, hash: hash as string, rows, featureNames, classNames };
}
