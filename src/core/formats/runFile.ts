/**
 * The experiment file `run.json` that a user exports and can import again: settings, the data split,
 * the trained layers with their gradient statistics and mask, the metrics and the sweep. Pure.
 *
 * On disk (`RunFile`) every array is a plain JSON array; kernels, gradient statistics and masks are
 * row-major `[inputs, units]` (weight i → j at `i * units + j`). Non-finite numbers (a threshold of
 * Infinity when everything is pruned, NaN in per-layer scope, a metric that was not computed) are
 * written as `null`, as JSON.stringify does, and read back as NaN. Kernels, biases and gradient
 * statistics must be finite. In memory (`Run`) arrays are typed: Float32Array for kernel, bias and
 * gradient statistics, Uint8Array for masks, Uint32Array for sample indices. A run on a user's table
 * (`data.name` "user") keeps only what identifies the table (`data.table`: name, hash, rows, feature and
 * class names), never its values; its layers follow the table (features → 64 → 32 → classes).
 */
import {
  type LayerArrays,
  checkKeys,
  fail,
  floats,
  int,
  Invalid,
  isObj,
  list,
  num,
  obj,
  oneOf,
  show,
  str,
  sizeText,
} from '../base';
import { CRITERIA, type Criterion, GRANULARITIES, SCOPES, type Granularity, type Scope } from '../prune';
import { runData, tableInfo, type RunData } from './runFileData';

export type { RunData } from './runFileData';

export const RUN_FORMAT = 'gradient-pruning-lab/run@2';
/**
 * Formats this version reads. Version 1 did not record a sweep point's scope, granularity and target:
 * they are read as the run's `config.scope` and `config.granularity` (the settings the curves followed
 * when the file was written; global and weights if absent) and an unknown target (NaN).
 */
export const RUN_FORMATS_READ = ['gradient-pruning-lab/run@1', RUN_FORMAT] as const;
/** Default limit on the text handed to `parseRun`, in UTF-16 code units (= bytes for the ASCII JSON written here). */
export const RUN_MAX_LENGTH = 50 * 1024 * 1024;
/** Longest string value in `config` (a user's label column name longer than this is written as null). */
export const CONFIG_STRING_MAX = 1024;

export type ConfigValue = string | number | boolean | null;
export interface RunMetrics {
  trainAcc: number;
  trainLoss: number;
  valAcc: number;
  valLoss: number;
}
/**
 * One point of an accuracy-vs-sparsity curve, with what defines it: criterion, scope, granularity and
 * the target level (fraction of weights, or of hidden units for neurons); `sparsity` is the actual
 * fraction of weights pruned. `threshold` NaN when not finite (per layer, or everything pruned).
 */
export interface RunSweepPoint {
  criterion: Criterion;
  split: 'train' | 'val';
  scope: Scope;
  granularity: Granularity;
  target: number;
  sparsity: number;
  threshold: number;
  accuracy: number;
  loss: number;
}
/** Kernel, gradient statistics and mask row-major `[inputs, units]`; mask 1 = kept, 0 = pruned. */
export interface RunLayer extends LayerArrays {
  mask: Uint8Array;
}
/** A run in memory, as `parseRun` returns it (every object and array freshly allocated). */
export interface Run {
  format: typeof RUN_FORMAT;
  /** ISO 8601 date. */
  createdAt: string;
  /**
   * All settings plus `backendUsed`: the TensorFlow.js backend that trained the weights (a string, see
   * the README's run.json section: for a snapshot the one its provenance records, for an imported run
   * the one its file says).
   */
  config: Record<string, ConfigValue>;
  /** `table` present iff `name` is 'user'. */
  data: RunData;
  layers: RunLayer[];
  metrics: { dense: RunMetrics; pruned: RunMetrics | null; sparsity: { overall: number; perLayer: number[] } };
  sweep: RunSweepPoint[];
}
type Json<T> = {
  [K in keyof T]: T[K] extends number ? number | null : T[K] extends ArrayLike<number> ? number[] : T[K];
};
/** The JSON on disk: plain arrays, `null` for non-finite numbers. */
export interface RunFile extends Omit<Run, 'data' | 'layers' | 'metrics' | 'sweep'> {
  data: Json<Run['data']>;
  layers: (Omit<Json<RunLayer>, 'mask' | 'inputs' | 'units'> & { inputs: number; units: number; mask: (0 | 1)[] })[];
  metrics: {
    dense: Json<RunMetrics>;
    pruned: Json<RunMetrics> | null;
    sparsity: { overall: number; perLayer: number[] };
  };
  sweep: Json<RunSweepPoint>[];
}
/** What `serializeRun` accepts: a `Run` without its format tag, with any numeric arrays. */
export interface RunInput extends Omit<Run, 'format' | 'data' | 'layers'> {
  /** `table` present iff `name` is 'user'; only its `UserTableInfo` fields are written (a `UserTable`'s values are not). */
  data: Omit<RunData, 'trainIndices' | 'valIndices'> & {
    trainIndices: ArrayLike<number>;
    valIndices: ArrayLike<number>;
  };
  layers: { [K in keyof RunLayer]: RunLayer[K] extends ArrayLike<number> ? ArrayLike<number> : RunLayer[K] }[];
}
export type ParseRunResult = { ok: true; run: Run } | { ok: false; error: string };

/**
 * The run as JSON text (compact; numbers as JSON.stringify writes them, so float32 values survive
 * exactly; non-finite numbers become null). Throws a RangeError, with the message `parseRun` would
 * give (its size included: over RUN_MAX_LENGTH), when the result would not import again. Does not
 * mutate `input`.
 */
export function serializeRun(input: RunInput): string {
  const arr = (a: ArrayLike<number>) => Array.from(a);
  const file = {
    format: RUN_FORMAT,
    createdAt: input.createdAt,
    config: { ...input.config },
    data: {
      name: input.data.name,
      trainIndices: arr(input.data.trainIndices),
      valIndices: arr(input.data.valIndices),
      table: tableInfo(input.data.table),
    },
    layers: input.layers.map((l) => ({
      name: l.name,
      inputs: l.inputs,
      units: l.units,
      kernel: arr(l.kernel),
      bias: arr(l.bias),
      gradAbsMean: arr(l.gradAbsMean),
      gradSqMean: arr(l.gradSqMean),
      mask: arr(l.mask),
    })),
    metrics: {
      dense: { ...input.metrics.dense },
      pruned: input.metrics.pruned && { ...input.metrics.pruned },
      sparsity: { overall: input.metrics.sparsity.overall, perLayer: arr(input.metrics.sparsity.perLayer) },
    },
    sweep: input.sweep.map((p) => ({
      criterion: p.criterion,
      split: p.split,
      scope: p.scope,
      granularity: p.granularity,
      target: p.target,
      sparsity: p.sparsity,
      threshold: p.threshold,
      accuracy: p.accuracy,
      loss: p.loss,
    })),
  };
  const text = JSON.stringify(file);
  try {
    if (text.length > RUN_MAX_LENGTH) fail(tooLong(text.length, RUN_MAX_LENGTH));
    validate(JSON.parse(text));
  } catch (e) {
    throw e instanceof Invalid ? new RangeError(`run cannot be exported: ${e.message}`) : e;
  }
  return text;
}

/**
 * Reads and validates a run file. Never throws: returns the run or the first problem as a specific,
 * human-readable message naming the field. `maxLength` (default RUN_MAX_LENGTH) is checked before
 * parsing. Checks: format tag, JSON syntax, keys `__proto__`/`constructor`/`prototype` anywhere (refused),
 * config values (primitives, `backendUsed` a non-empty string, `dataset` if present = data.name), the 8,000 / 2,000
 * disjoint, duplicate-free sample numbers in 0..9999, the 3 layer shapes (input 784 or 32 → 64 → 32 →
 * 10) and array lengths (for data.name "user" instead: `data.table`, see runFileData.ts, refused for
 * the built-in datasets; non-empty disjoint splits of sample numbers below its rows; layers features →
 * 64 → 32 → classes), finite kernels/biases/statistics (statistics ≥ 0, all within float32), masks of
 * 0/1, metric ranges, metrics.sparsity matching the masks (±1e-6), sweep points. Unknown keys are
 * ignored; nothing parsed is merged into an existing object. Pure.
 */
export function parseRun(text: string, limits: { maxLength?: number } = {}): ParseRunResult {
  const max = limits.maxLength ?? RUN_MAX_LENGTH;
  if (typeof text !== 'string') return { ok: false, error: 'run file must be text' };
  if (text.length > max) return { ok: false, error: `${tooLong(text.length, max)}; it was not read` };
  try {
    return { ok: true, run: validate(JSON.parse(text)) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    // Only JSON.parse throws a SyntaxError here.
    return {
      ok: false,
      error: `run file is ${e instanceof SyntaxError ? 'not valid JSON' : 'unreadable'} (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

/** A text of `length` over `max` (bytes for the ASCII JSON written here; exact when the MB would read the same). */
function tooLong(length: number, max: number): string {
  const w = sizeText(length, max);
  return `run file is ${w.size}; run files are at most ${w.max}`;
}

function metrics(v: unknown, path: string): RunMetrics {
  const m = obj(v, path);
  const get = (k: keyof RunMetrics) => num(m[k], `${path}.${k}`, 0, k.endsWith('Acc') ? 1 : Infinity, true);
  return { trainAcc: get('trainAcc'), trainLoss: get('trainLoss'), valAcc: get('valAcc'), valLoss: get('valLoss') };
}

/** The validated run (fresh objects); throws Invalid with the first problem found. */
function validate(root: unknown): Run {
  if (!isObj(root)) return fail(`run file must hold a JSON object, got ${show(root)}`);
  checkKeys(root);
  const f = root.format;
  if (!RUN_FORMATS_READ.includes(f as (typeof RUN_FORMATS_READ)[number])) {
    return fail(
      typeof f === 'string' && f.startsWith('gradient-pruning-lab/run@')
        ? `format "${f}" is not supported; this version reads ${RUN_FORMATS_READ.map((v) => `"${v}"`).join(' and ')}`
        : `not a Gradient Pruning Lab run file: format is ${f === undefined ? 'missing' : show(f)}, expected "${RUN_FORMAT}"`,
    );
  }
  const v1 = f === RUN_FORMATS_READ[0];
  const createdAt = str(root.createdAt, 'createdAt');
  if (!Number.isFinite(Date.parse(createdAt))) fail(`createdAt is ${show(createdAt)}, expected an ISO 8601 date`);
  const cfg = obj(root.config, 'config');
  const keys = Object.keys(cfg);
  if (keys.length > 256) fail(`config has ${keys.length} keys, at most 256 are allowed`);
  const config = Object.fromEntries(
    keys.map((k) => {
      const v = cfg[k];
      if (k.length > 64) fail(`config has a key of ${k.length} characters, at most 64 are allowed`);
      if (typeof v === 'string' && v.length > CONFIG_STRING_MAX)
        fail(`config.${k} is ${show(v)}, at most ${CONFIG_STRING_MAX} characters are allowed`);
      if (!(v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
        fail(`config.${k} is ${show(v)}, expected a string, number, boolean or null`);
      return [k, v as ConfigValue];
    }),
  );
  const used = config.backendUsed;
  if (typeof used !== 'string' || used === '') {
    fail(
      `config.backendUsed is ${used === undefined ? 'missing' : show(used)}, expected the name of the backend that trained the weights (a string, such as "wasm")`,
    );
  }
  const { data, shapes } = runData(root.data, config);
  const name = data.name;
  // What a user table's layers follow (built-in datasets: nothing added, their messages are unchanged).
  const per = (what: string) => (data.table ? ` (one per data.table.${what})` : '');
  const rawLayers = list(root.layers, 'layers');
  if (rawLayers.length !== shapes.length)
    fail(
      `layers has ${rawLayers.length} entries, expected ${shapes.length} (${[shapes[0].inputs, ...shapes.map((s) => s.units)].join(' → ')})`,
    );
  const names = new Set<string>();
  const layers = rawLayers.map((raw, l): RunLayer => {
    const p = `layers[${l}]`;
    const o = obj(raw, p);
    const layerName = str(o.name, `${p}.name`);
    if (names.has(layerName)) fail(`${p}.name "${layerName}" is used by an earlier layer`);
    names.add(layerName);
    const inputs = int(o.inputs, `${p}.inputs`);
    const units = int(o.units, `${p}.units`);
    if (l === 0 && inputs !== shapes[0].inputs)
      fail(
        `${p}.inputs is ${inputs}, expected ${shapes[0].inputs} for data.name "${name}"${per('featureNames entry')}`,
      );
    if (l > 0 && inputs !== shapes[l - 1].units)
      fail(`${p}.inputs is ${inputs}, expected ${shapes[l - 1].units} (= layers[${l - 1}].units)`);
    if (units !== shapes[l].units)
      fail(
        `${p}.units is ${units}, expected ${shapes[l].units}${l === shapes.length - 1 ? per('classNames entry') : ''}`,
      );
    const size = `${inputs} × ${units} = ${inputs * units}`;
    const mask = new Uint8Array(inputs * units);
    const rawMask = list(o.mask, `${p}.mask`);
    if (rawMask.length !== mask.length) fail(`${p}.mask has ${rawMask.length} values, expected ${size}`);
    rawMask.forEach((m, i) =>
      m === 0 || m === 1 ? (mask[i] = m) : fail(`${p}.mask[${i}] is ${show(m)}, must be 0 or 1`),
    );
    const kernel = floats(o.kernel, `${p}.kernel`, inputs * units, size);
    const bias = floats(o.bias, `${p}.bias`, units, String(units));
    const stat = (k: 'gradAbsMean' | 'gradSqMean') => floats(o[k], `${p}.${k}`, inputs * units, size, true);
    return {
      name: layerName,
      inputs,
      units,
      kernel,
      bias,
      gradAbsMean: stat('gradAbsMean'),
      gradSqMean: stat('gradSqMean'),
      mask,
    };
  });

  const m = obj(root.metrics, 'metrics');
  const sp = obj(m.sparsity, 'metrics.sparsity');
  const overall = num(sp.overall, 'metrics.sparsity.overall', 0, 1, false);
  const perLayerRaw = list(sp.perLayer, 'metrics.sparsity.perLayer');
  if (perLayerRaw.length !== layers.length)
    fail(`metrics.sparsity.perLayer has ${perLayerRaw.length} entries, expected ${layers.length}`);
  const pruned = layers.map((l) => l.mask.reduce((a, b) => a + 1 - b, 0));
  const perLayer = perLayerRaw.map((v, l) => {
    const s = num(v, `metrics.sparsity.perLayer[${l}]`, 0, 1, false);
    const actual = pruned[l] / layers[l].mask.length;
    return Math.abs(s - actual) <= 1e-6
      ? s
      : fail(`metrics.sparsity.perLayer[${l}] is ${s}, but layers[${l}].mask prunes ${actual}`);
  });
  const actual = pruned.reduce((a, b) => a + b, 0) / layers.reduce((a, l) => a + l.mask.length, 0);
  if (Math.abs(overall - actual) > 1e-6) fail(`metrics.sparsity.overall is ${overall}, but the masks prune ${actual}`);
  const dense = metrics(m.dense, 'metrics.dense');
  const prunedMetrics = m.pruned === null ? null : metrics(m.pruned, 'metrics.pruned');
  const sweepRaw = list(root.sweep, 'sweep');
  if (sweepRaw.length > 100_000) fail(`sweep has ${sweepRaw.length} points, at most 100000 are allowed`);
  // Version 1 points take their scope and granularity from the settings (see RUN_FORMATS_READ).
  const v1Scope = v1 ? oneOf(config.scope ?? 'global', 'config.scope', SCOPES) : 'global';
  const v1Granularity = v1 ? oneOf(config.granularity ?? 'weights', 'config.granularity', GRANULARITIES) : 'weights';
  const sweep = sweepRaw.map((raw, i): RunSweepPoint => {
    const p = `sweep[${i}]`;
    const o = obj(raw, p);
    return {
      criterion: oneOf(o.criterion, `${p}.criterion`, CRITERIA),
      split: oneOf(o.split, `${p}.split`, ['train', 'val'] as const),
      scope: v1 ? v1Scope : oneOf(o.scope, `${p}.scope`, SCOPES),
      granularity: v1 ? v1Granularity : oneOf(o.granularity, `${p}.granularity`, GRANULARITIES),
      target: v1 ? NaN : num(o.target, `${p}.target`, 0, 1, false),
      sparsity: num(o.sparsity, `${p}.sparsity`, 0, 1, false),
      threshold: num(o.threshold, `${p}.threshold`, -Infinity, Infinity, true),
      accuracy: num(o.accuracy, `${p}.accuracy`, 0, 1, true),
      loss: num(o.loss, `${p}.loss`, 0, Infinity, true),
    };
  });
  return {
    format: RUN_FORMAT,
    createdAt,
    config,
    data,
    layers,
    metrics: { dense, pruned: prunedMetrics, sparsity: { overall, perLayer } },
    sweep,
  };
}
