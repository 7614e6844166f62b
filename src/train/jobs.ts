/**
 * The job table of the training worker (`Jobs`: what the page sends, what the worker reports while it
 * runs, what it answers), each job's own types, and the types derived from the table: the job as sent and
 * its progress and done messages.
 */
import type { LayerParams } from '../core/base';
import type { Criterion, GradualSchedule } from '../core/prune';
import type { DataRef } from '../core/data';
import type { ProgressInfo, TrainConfig } from './runTypes';

/** Loss and accuracy on the training and validation sets. */
export interface SplitMetrics {
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
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

/** Test hook: the same batches on the tfjs steps and the fused WebGPU steps (`src/train/stepsParity.ts`). */
export interface StepsParityJob {
  config: TrainConfig;
  data: DataRef;
  layers: LayerParams[];
  /** Steps of `config.batchSize` rows, from the start of the trainer's shuffled order. */
  steps: number;
  masks?: Uint8Array[];
}

/** One side of a steps-parity job: the weights, every batch loss, the live average and the epoch figures after it. */
export interface StepsRun {
  layers: LayerParams[];
  losses: Float32Array;
  live: Float32Array[];
  /** Training loss and accuracy over the steps, validation loss and accuracy after them. */
  summary: number[];
  /** dispatchWorkgroups calls per step, counted by wrapping the GPU's compute pass encoder. */
  dispatchesPerStep: number;
  /** tfjs tensors left over afterwards (0: none leaked). */
  leakedTensors: number;
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
  /** Test hook: tfjs's steps and the WGSL steps (with their own dispatch count) on the same batches. */
  'steps-parity': {
    job: StepsParityJob;
    progress: never;
    result: { tfjs: StepsRun; webgpu: StepsRun; counted: number };
  };
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
