/**
 * Loads a run's data where it is used, in each worker, from its source: the MNIST file (fetched and
 * decompressed) or the seeded synthetic generator, then the split. The page never holds the features;
 * it only knows the `DataRef` (dataset, seed, split), from which every worker rebuilds the same arrays.
 */
import {
  type DataSource as Rows,
  datasetFromIndices,
  makeSynthetic32,
  synthetic32Source,
  tableSource,
  type DataName,
  type Dataset,
  type UserTable,
  decodeMnist,
  mnistDataset,
  mnistSource,
  type MnistRaw,
} from '../core/data';
import { fetchGunzip } from './fetch';

/** What to load: a dataset and seed, with the split's sample numbers (else the standard split). */
export interface DataSource {
  name: DataName;
  seed: number;
  trainIndices?: Uint32Array;
  valIndices?: Uint32Array;
  /** The user's table (name 'user'), which comes with its split. */
  table?: UserTable;
}

/** The decoded MNIST file; `once`: fetched ahead (`prefetchMnist`) for one load, which takes it unless it caches. */
let mnistCache: { url: string; raw: Promise<MnistRaw>; once: boolean } | null = null;

function mnistRaw(url: string, cache: boolean): Promise<MnistRaw> {
  if (mnistCache?.url === url) {
    const { raw } = mnistCache;
    if (mnistCache.once && !cache) mnistCache = null;
    else mnistCache.once = false;
    return raw;
  }
  const raw = fetchGunzip(url, 'the MNIST data').then(decodeMnist);
  if (!cache) return raw;
  mnistCache = { url, raw, once: false };
  raw.catch(() => mnistCache?.raw === raw && (mnistCache = null));
  return raw;
}

/**
 * Fetches and decodes the MNIST file now, for the next load of `url` (a worker that knows it will need
 * it while the page is still busy elsewhere). A load that does not cache takes it and drops it; a
 * failure is reported by that load, which then fetches again next time.
 */
export function prefetchMnist(url: string): void {
  if (mnistCache?.url === url) return;
  const raw = fetchGunzip(url, 'the MNIST data').then(decodeMnist);
  raw.catch(() => mnistCache?.raw === raw && (mnistCache = null));
  mnistCache = { url, raw, once: true };
}

/**
 * The dataset `source` names. `cache` keeps the decoded MNIST file (7.8 MB) for the next load; a
 * worker that converts the data and drops it (the evaluator) passes false.
 */
export async function loadDataset(
  source: DataSource,
  mnistUrl: string,
  options: { cache?: boolean } = {},
): Promise<Dataset> {
  const { name, seed, trainIndices, valIndices } = source;
  if (name !== 'user' && (!trainIndices || !valIndices)) {
    const raw = name === 'mnist' ? await mnistRaw(mnistUrl, options.cache ?? true) : null;
    return raw ? mnistDataset(raw) : makeSynthetic32(seed);
  }
  const { rows, train, val } = await loadRows(source, mnistUrl, options);
  return datasetFromIndices(rows, train, val);
}

/**
 * The samples `source` names, row by row, with its split (which it must have), checked: for a worker
 * that converts the rows itself, one split after the other (the evaluator), without the dense arrays.
 */
export async function loadRows(
  source: DataSource,
  mnistUrl: string,
  options: { cache?: boolean } = {},
): Promise<{ rows: Rows; train: Uint32Array; val: Uint32Array }> {
  const { name, seed, trainIndices: train, valIndices: val } = source;
  if (name === 'user' && (!source.table || !train || !val))
    throw new Error('a run on your own data needs its table and its split');
  if (!train || !val) throw new Error(`the ${name} data was asked for without its split`);
  const rows =
    name === 'user'
      ? tableSource(source.table!)
      : name === 'mnist'
        ? mnistSource(await mnistRaw(mnistUrl, options.cache ?? true))
        : synthetic32Source(seed);
  checkIndices(train, val, rows.labels.length, name === 'user' ? source.table!.name : name);
  return { rows, train, val };
}

function checkIndices(train: Uint32Array, val: Uint32Array, max: number, name: string): void {
  for (const split of [train, val])
    for (const s of split)
      if (s >= max) throw new Error(`sample number ${s} is not in the ${name} data (${max} samples)`);
}
