/**
 * Loads a run's data where it is used, in each worker, from its source: the MNIST file (fetched and
 * decompressed) or the seeded synthetic generator, then the split. The page never holds the features;
 * it only knows the `DataRef` (dataset, seed, split), from which every worker rebuilds the same arrays.
 */
import {
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
  if (name === 'user') {
    if (!source.table || !trainIndices || !valIndices)
      throw new Error('a run on your own data needs its table and its split');
    checkIndices(trainIndices, valIndices, source.table.rows, source.table.name);
    return datasetFromIndices(tableSource(source.table), trainIndices, valIndices);
  }
  const raw = name === 'mnist' ? await mnistRaw(mnistUrl, options.cache ?? true) : null;
  if (!trainIndices || !valIndices) return raw ? mnistDataset(raw) : makeSynthetic32(seed);
  const all = raw ? mnistSource(raw) : synthetic32Source(seed);
  checkIndices(trainIndices, valIndices, all.labels.length, name);
  return datasetFromIndices(all, trainIndices, valIndices);
}

function checkIndices(train: Uint32Array, val: Uint32Array, max: number, name: string): void {
  for (const split of [train, val])
    for (const s of split)
      if (s >= max) throw new Error(`sample number ${s} is not in the ${name} data (${max} samples)`);
}
