/**
 * Typed messages between the main thread and the training worker (discriminated unions on `type`).
 * Every message about a run carries its `runId`; the main thread drops messages from older runs.
 * Float32Arrays in worker → main messages are transferred, not copied (see `transferables`).
 */
import type { LayerArrays, LayerParams, LayerShape, Throughput } from '../core/base';
import type { Criterion, GradualSchedule } from '../core/prune';
import type { DataName, DataRef } from '../core/data';
import type { Timing } from '../core/infer';

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendPreference = 'auto' | BackendName;

export interface TrainConfig {
  /** 'user': a table the user brought, which the 'train' message carries (`data`). */
  dataset: DataName;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
}

/** Options that only tests and the benchmark use. */
export interface RunOptions {
  /** Batches run before throughput timing starts (benchmark warm-up). */
  warmupBatches?: number;
  /** Keep the running |∂L/∂w| estimate and send it for live display (default true). */
  liveGradStats?: boolean;
  /** Stop after this many batches in total (benchmark); per-epoch validation is skipped. */
  maxBatches?: number;
  /** Skip the scoring pass after training. */
  skipScoring?: boolean;
  /** Test hook: overrides the learning rate (beyond the form's limit of 10) to force a diverging loss. */
  testLearningRate?: number;
}

export interface BackendInfo {
  name: BackendName;
  requested: BackendPreference;
  /** True when the adapter is a software/fallback one (SwiftShader, llvmpipe, WARP…). */
  software: boolean;
  /** Adapter or renderer description, e.g. "google swiftshader". */
  adapter: string;
  /** One line explaining why a preferred backend was not used, in English (logs, scripts); empty when none was skipped. */
  fallbackReason: string;
  /** The same, as the page shows it in its language: the backends that could not start, and why. */
  skipped?: { name: BackendName; reason: SkipReason }[];
  /** When `auto` measured a software GPU adapter slower than the chosen backend: which, its adapter, how many times slower. */
  slowerChoice: { name: BackendName; times: number; adapter?: string } | null;
}

/** Why a backend could not be used; `detail`: the browser's or tfjs's own words, shown as they come. */
export interface SkipReason {
  code: 'no-webgpu' | 'no-adapter' | 'start-threw' | 'start-failed' | 'check-failed' | 'check-threw';
  detail?: string;
}

export type ToWorker =
  | { type: 'init'; backend: BackendPreference; dataUrl: string; faults?: { noWebGPU?: boolean } }
  | {
      type: 'train';
      runId: number;
      config: TrainConfig;
      options?: RunOptions;
      /** The user's table and its split (config.dataset 'user'). */ data?: DataRef;
    }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'reset'; runId: number }
  /** Stops whatever runs, silently: the page starts run `runId` without the worker (an imported run). */
  | { type: 'stop'; runId: number }
  /** A job of the table `Jobs` (one run of the worker, like training): stops whatever runs, then runs it. */
  | { type: 'job'; runId: number; job: Job }
  | { type: 'cancel'; runId: number }
  | { type: 'memory'; requestId: number }
  /** Times the dense network's `predict` on the backend at each batch size (refused while a run or job is busy). */
  | { type: 'time-predict'; requestId: number; layers: LayerParams[]; batches: number[] }
  /** Liveness check, answered at once (outside the job queue) with a 'pong'. */
  | { type: 'ping' }
  /** Test hooks: lose the GPU device, crash the worker with an uncaught error, or close it silently. */
  | { type: 'test-fault'; fault: WorkerFault };

export type WorkerFault = 'device-lost' | 'throw' | 'close';

export interface ProgressInfo {
  /** `validation`: the pass over the validation set at the end of `epoch`. */
  stage: 'training' | 'validation';
  epoch: number; // 1-based epoch in progress
  epochs: number;
  batch: number; // batches finished in this epoch
  batchesPerEpoch: number;
  samplesPerSec: number;
  /** Seconds left until the scoring pass ends: training, the remaining validation passes and the scoring pass (estimated from this run's rate). */
  etaSec: number;
  /** Fraction of all training batches finished, 0..1. */
  fraction: number;
}

export interface EpochMetrics {
  epoch: number;
  /** Mean training loss/accuracy over the epoch's batches (as Keras reports them). */
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
  seconds: number;
  /** Of those, the validation pass. */
  validationSeconds: number;
  /** tf.memory().numTensors after the epoch (leak check). */
  numTensors: number;
}

/** Per-layer arrays, kernel-shaped ones row-major `[inputs, units]` (defined in core, shared with the run file). */
export type { LayerArrays, LayerParams } from '../core/base';

/** The live |∂L/∂w| estimate of one layer, row-major `[inputs, units]`. */
export interface LiveGradLayer extends LayerShape {
  gradAbs: Float32Array;
}

/** Loss and accuracy on the training and validation sets. */
export interface SplitMetrics {
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
}

export interface ScoringResult {
  layers: LayerArrays[];
  batches: number;
  seconds: number;
}

/** Masked fine-tuning of a pruned network (kernels row-major `[inputs, units]`, masks 1 = kept). */
export interface FinetuneJob {
  /** The training run's settings: seed (batch order) and batch size. */
  config: TrainConfig;
  /** The run's data and split (an imported run brings its own). */
  data: DataRef;
  epochs: number;
  learningRate: number;
  layers: LayerParams[];
  masks: Uint8Array[];
  /** false: fine-tune as the source article does, without holding the mask (pruned weights regrow). Default true. */
  masked?: boolean;
}

/** The network and data on which to run the article's code, and its threshold T. */
export interface ArticleCodeJob {
  data: DataRef;
  layers: LayerParams[];
  t: number;
}

/** What the article's code does (see `src/train/articleCode.ts`). */
export interface ArticleCodeResult {
  /** Per layer, the largest |∂(Σ softmax outputs)/∂θ| over its kernel and bias: the article's "gradient". */
  articleMaxAbs: number[];
  /** Per layer, the largest |∂L/∂θ| of the mean cross-entropy on the same samples: what it meant. */
  lossMaxAbs: number[];
  /** Parameters whose article "gradient" is below T (the article would prune them), of `parameters`. */
  belowT: number;
  parameters: number;
  /** Weights and biases that differ after the article's pruning step (its code writes none). */
  changed: number;
  before: SplitMetrics;
  after: SplitMetrics;
}

/** Gradual pruning during training (see `src/core/prune/gradual.ts`): the run's settings, data, initial weights, and the schedule in steps. */
export interface GradualJob {
  config: TrainConfig;
  data: DataRef;
  layers: LayerParams[];
  schedule: GradualSchedule;
}

/** Movement pruning's scoring fine-tune (see `src/train/movement.ts`). */
export interface MovementJob {
  config: TrainConfig;
  data: DataRef;
  layers: LayerParams[];
  epochs: number;
  learningRate: number;
}

/** The network (its initial weights) and data of which SNIP needs one batch's |∂L/∂w|. */
export interface InitGradsJob {
  data: DataRef;
  layers: LayerParams[];
}

/** Iterative pruning to `target` in `steps` steps with `epochsPerStep` masked epochs after each (global, weights). */
export interface IterativeJob {
  config: TrainConfig;
  data: DataRef;
  layers: LayerParams[];
  criterion: Criterion;
  target: number;
  steps: number;
  epochsPerStep: number;
  learningRate: number;
}

/** A gradual-pruning mask update: before `step`, every layer at `sparsity`; masks row-major `[inputs, units]`, 1 = kept. */
export interface GradualMasks {
  step: number;
  sparsity: number;
  masks: Uint8Array[];
}

/** Gradual pruning reports the training's progress and each mask update. */
export type GradualProgress = { training: ProgressInfo } | { masks: GradualMasks };

export interface FinetuneResult {
  before: SplitMetrics;
  after: SplitMetrics;
  layers: LayerParams[];
  /** Pruned weights that were not exactly 0 afterwards: 0 with the mask held, the regrown ones without. */
  maskViolations: number;
  seconds: number;
}

/**
 * The jobs of the training worker, one row each: what the page sends, what the worker reports while it
 * runs (`never`: nothing), and what it answers. Messages, the worker's runners and the client's `run`
 * are all derived from this table: a new job is a row here and an entry in the worker's `RUNNERS`.
 */
export interface Jobs {
  /** Masked fine-tuning of a pruned network (or, `masked: false`, the article's, without the mask). */
  finetune: { job: FinetuneJob; progress: ProgressInfo; result: FinetuneResult };
  iterative: { job: IterativeJob; progress: ProgressInfo; result: FinetuneResult };
  /** Train from the given (initial) weights while the schedule raises the sparsity. */
  gradual: { job: GradualJob; progress: GradualProgress; result: FinetuneResult };
  /** Fine-tune the given weights, accumulating −Σ w·∂L/∂w: the scores and the weights after it (row-major `[inputs, units]`). */
  movement: { job: MovementJob; progress: ProgressInfo; result: { scores: Float32Array[]; layers: LayerParams[] } };
  /** SNIP: per layer, |∂L/∂w| of one batch at the given (initial) weights, row-major `[inputs, units]`. */
  'init-grads': { job: InitGradsJob; progress: never; result: { gradAbs: Float32Array[] } };
  /** The source article's gradient and pruning steps, run as written on this network. */
  'article-code': { job: ArticleCodeJob; progress: never; result: ArticleCodeResult };
}
export type JobKind = keyof Jobs;
/** A job as sent: its row's fields, tagged by `kind`. */
export type JobOf<K extends JobKind> = { kind: K } & Jobs[K]['job'];
export type Job = { [K in JobKind]: JobOf<K> }[JobKind];
export type JobProgress<K extends JobKind> = Jobs[K]['progress'];
export type JobResult<K extends JobKind> = Jobs[K]['result'];
export type JobProgressMessage = {
  [K in JobKind]: { type: 'job-progress'; runId: number; kind: K; progress: JobProgress<K> };
}[JobKind];
export type JobDoneMessage = {
  [K in JobKind]: { type: 'job-done'; runId: number; kind: K; result: JobResult<K> };
}[JobKind];

export type FromWorker =
  | { type: 'ready'; backend: BackendInfo }
  /** The backend's training throughput (784 inputs), measured once it is ready (or while choosing it). */
  | { type: 'throughput'; throughput: Throughput }
  | { type: 'phase'; runId: number; phase: 'loading' | 'training' | 'paused' | 'scoring' }
  /** Where the run's data came from (dataset, seed, split): the evaluation workers load it from there. */
  | { type: 'dataset'; runId: number; data: DataRef }
  | { type: 'progress'; runId: number; progress: ProgressInfo; losses: Float32Array; firstBatch: number }
  | { type: 'epoch'; runId: number; metrics: EpochMetrics }
  /** The scoring pass: batches done of all, and the seconds it is expected to take still. */
  | { type: 'scoring-progress'; runId: number; done: number; total: number; etaSec: number }
  | { type: 'live-grads'; runId: number; step: number; layers: LiveGradLayer[] }
  | { type: 'done'; runId: number; scoring: ScoringResult | null; trainSeconds: number; samplesPerSec: number }
  | { type: 'reset-done'; runId: number }
  /** A job's progress and its result, in the shapes its row of `Jobs` gives. */
  | JobProgressMessage
  | JobDoneMessage
  | { type: 'error'; runId: number | null; message: string }
  /** The GPU device was lost; the current run stopped and the backend is being started again. */
  | { type: 'device-lost'; message: string }
  | { type: 'memory'; requestId: number; numTensors: number; numBytes: number }
  /** `predict` + read per call at each batch size, on `backend`; `error` when it could not be timed. */
  | {
      type: 'predict-timed';
      requestId: number;
      backend: string;
      timings: Record<number, Timing> | null;
      error?: string;
    }
  | { type: 'pong' };

/** The ArrayBuffers a worker → main message should transfer. */
export function transferables(msg: FromWorker): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  if (msg.type === 'progress') arrays.push(msg.losses);
  if (msg.type === 'live-grads') msg.layers.forEach((l) => arrays.push(l.gradAbs));
  if (msg.type === 'done' && msg.scoring)
    msg.scoring.layers.forEach((l) => arrays.push(l.kernel, l.bias, l.gradAbsMean, l.gradSqMean));
  if (msg.type === 'job-progress') arrays.push(...typedArraysIn(msg.progress));
  if (msg.type === 'job-done') arrays.push(...typedArraysIn(msg.result));
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const FROM_WORKER_TYPES = new Set<FromWorker['type']>([
  'ready',
  'throughput',
  'phase',
  'dataset',
  'progress',
  'epoch',
  'live-grads',
  'scoring-progress',
  'done',
  'reset-done',
  'job-progress',
  'job-done',
  'error',
  'device-lost',
  'memory',
  'predict-timed',
  'pong',
]);

/** Every typed array inside a job's plain-object result or progress (what its message transfers). */
function typedArraysIn(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(typedArraysIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(typedArraysIn);
  return [];
}

/** Narrow check that an incoming value looks like a worker message (guards against foreign messages). */
export function isFromWorker(value: unknown): value is FromWorker {
  return (
    typeof value === 'object' && value !== null && FROM_WORKER_TYPES.has((value as { type: FromWorker['type'] }).type)
  );
}
