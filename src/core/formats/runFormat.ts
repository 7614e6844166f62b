/**
 * What run.json is (see runFile.ts for how it is written and read): its format tags, its limits, and the
 * run in memory (`Run`: typed arrays) and on disk (`RunFile`: plain arrays, null for non-finite numbers).
 */
import type { LayerArrays } from '../base';
import type { Criterion, Granularity, Scope } from '../prune';
import type { RunData } from './runFileData';
import type { RunForget } from './runFileForget';

export type { RunData } from './runFileData';
export type { RunForget } from './runFileForget';

export const RUN_FORMAT = 'gradient-pruning-lab/run@4';
/**
 * Formats this version reads. Version 1 did not record a sweep point's scope, granularity and target:
 * they are read as the run's `config.scope` and `config.granularity` (the settings the curves followed
 * when the file was written; global and weights if absent) and an unknown target (NaN). Versions 1 and 2
 * did not record the architecture (`hidden`): their networks are the lab's only one then, HIDDEN_UNITS (64, 32).
 * Versions 1 to 3 did not record what pruning forgets (`forget`): null.
 */
export const RUN_FORMATS_READ = [
  'gradient-pruning-lab/run@1',
  'gradient-pruning-lab/run@2',
  'gradient-pruning-lab/run@3',
  RUN_FORMAT,
] as const;
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
  /**
   * The architecture: the hidden Dense ReLU layers' widths, input side first (1 to MAX_HIDDEN_LAYERS of 1 to
   * MAX_HIDDEN_UNITS); the layers are inputs → hidden → classes (softmax). HIDDEN_UNITS for versions 1 and 2.
   */
  hidden: number[];
  /** `table` present iff `name` is 'user'. */
  data: RunData;
  layers: RunLayer[];
  metrics: { dense: RunMetrics; pruned: RunMetrics | null; sparsity: { overall: number; perLayer: number[] } };
  sweep: RunSweepPoint[];
  /** What pruning forgets at the recorded mask (validation split); null when not recorded (versions 1 to 3). */
  forget: RunForget | null;
}
type Json<T> = {
  [K in keyof T]: T[K] extends number ? number | null : T[K] extends ArrayLike<number> ? number[] : T[K];
};
/** The JSON on disk: plain arrays, `null` for non-finite numbers. */
export interface RunFile extends Omit<Run, 'data' | 'layers' | 'metrics' | 'sweep' | 'forget'> {
  data: Json<Run['data']>;
  layers: (Omit<Json<RunLayer>, 'mask' | 'inputs' | 'units'> & { inputs: number; units: number; mask: (0 | 1)[] })[];
  metrics: {
    dense: Json<RunMetrics>;
    pruned: Json<RunMetrics> | null;
    sparsity: { overall: number; perLayer: number[] };
  };
  sweep: Json<RunSweepPoint>[];
  forget: (Omit<RunForget, 'dense' | 'pruned'> & { dense: (number | null)[]; pruned: (number | null)[] }) | null;
}
/** What `serializeRun` accepts: a `Run` without its format tag, with any numeric arrays. */
export interface RunInput extends Omit<Run, 'format' | 'data' | 'layers' | 'hidden' | 'forget'> {
  forget?: RunForget | null;
  hidden: readonly number[];
  /** `table` present iff `name` is 'user'; only its `UserTableInfo` fields are written (a `UserTable`'s values are not). */
  data: Omit<RunData, 'trainIndices' | 'valIndices'> & {
    trainIndices: ArrayLike<number>;
    valIndices: ArrayLike<number>;
  };
  layers: { [K in keyof RunLayer]: RunLayer[K] extends ArrayLike<number> ? ArrayLike<number> : RunLayer[K] }[];
}
export type ParseRunResult = { ok: true; run: Run } | { ok: false; error: string };
