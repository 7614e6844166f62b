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
 * class names), never its values; its layers follow the table (features → 64 → 32 → classes). The format's
 * tags, limits and types are in runFormat.ts, the checks of its data and layers in runFileData.ts and runFileLayers.ts.
 */
import {
  checkKeys,
  fail,
  HIDDEN_UNITS,
  hiddenProblem,
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
import { CRITERIA, GRANULARITIES, SCOPES } from '../prune';
import { runData, tableInfo } from './runFileData';
import { forgetJson, runForget } from './runFileForget';
import { maskSparsity, runLayers } from './runFileLayers';
import {
  CONFIG_STRING_MAX,
  RUN_FORMAT,
  RUN_FORMATS_READ,
  RUN_MAX_LENGTH,
  type ConfigValue,
  type ParseRunResult,
  type Run,
  type RunInput,
  type RunMetrics,
  type RunSweepPoint,
} from './runFormat';

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
    hidden: [...input.hidden],
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
    forget: input.forget ? forgetJson(input.forget) : null,
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

/** Version 3's `hidden`: 1 to MAX_HIDDEN_LAYERS whole widths of 1 to MAX_HIDDEN_UNITS (a fresh array). */
function architecture(v: unknown): number[] {
  const hidden = list(v, 'hidden');
  const why = hiddenProblem(hidden);
  if (why) fail(`hidden: ${why}`);
  return [...(hidden as number[])];
}

/** The validated run (fresh objects); throws Invalid with the first problem found. */
function validate(root: unknown): Run {
  if (!isObj(root)) return fail(`run file must hold a JSON object, got ${show(root)}`);
  checkKeys(root);
  const f = root.format;
  if (!RUN_FORMATS_READ.includes(f as (typeof RUN_FORMATS_READ)[number])) {
    return fail(
      typeof f === 'string' && f.startsWith('gradient-pruning-lab/run@')
        ? `format "${f}" is not supported; this version reads ${RUN_FORMATS_READ.map((v) => `"${v}"`).join(', ')}`
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
  const hidden = f === RUN_FORMAT || f === RUN_FORMATS_READ[2] ? architecture(root.hidden) : [...HIDDEN_UNITS];
  const { data, shapes } = runData(root.data, config, hidden);
  const layers = runLayers(root.layers, shapes, data);

  const m = obj(root.metrics, 'metrics');
  const sparsity = maskSparsity(m.sparsity, layers);
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
  const forget = f === RUN_FORMAT ? runForget(root.forget, layers[layers.length - 1].units, data.valIndices) : null;
  return {
    format: RUN_FORMAT,
    createdAt,
    config,
    hidden,
    data,
    layers,
    metrics: { dense, pruned: prunedMetrics, sparsity },
    sweep,
    forget,
  };
}
