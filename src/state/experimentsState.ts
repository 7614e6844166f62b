/**
 * The fine-tuning slice of the app state and its pure reducer over the training worker's fine-tune
 * messages: the job running now (one fine-tune, a step of a fine-tune curve, or iterative pruning), the
 * series it belongs to, and the log of finished results that the chart draws.
 */
import type { Criterion } from '../core/criteria';
import type { GradualSchedule } from '../core/gradual';
import type { LayerParams } from '../core/arch';
import type { ArticleCodeResult, FinetuneResult, FromWorker, ProgressInfo } from '../train/protocol';

/** One fine-tune: 2 epochs at a tenth of the run's learning rate, the mask held. */
export const FINETUNE_EPOCHS = 2;
export const FINETUNE_LR_FACTOR = 0.1;
/** The levels of a fine-tune curve. */
export const CURVE_SPARSITIES = [0.5, 0.8, 0.9, 0.95, 0.98];
/** Iterative pruning (Han et al. 2015): steps, and masked epochs after each. */
export const ITERATIVE_STEPS = 3;
export const ITERATIVE_EPOCHS_PER_STEP = 1;

/** Lottery tickets (Frankle & Carbin 2019): rounds, the share of the surviving weights each prunes, the rewind point (epochs; 0 = the initial weights). */
export const LOTTERY_DEFAULTS = { rounds: 4, rate: 0.5, rewind: 0 };
export interface LotteryOptions {
  rounds: number;
  rate: number;
  rewind: number;
  /** Training epochs per round (and for SNIP's networks): the run's own. */
  epochs: number;
}

/**
 * `unmasked`: the source article's fine-tune (no mask); `article`: its gradient and pruning steps;
 * `init-grads`: SNIP's one-batch gradients; `rewind`: dense training to a lottery ticket's rewind point.
 * None of those is logged on the chart. `snip`, `snip-shuffled`: trained from the initial weights with
 * SNIP's mask and with it shuffled within layers; `ticket`, `reinit`: a lottery round's mask trained from
 * the rewound weights and from a fresh random initialisation.
 */
export type FinetuneKind = 'one-shot' | 'curve' | 'iterative' | 'unmasked' | 'article' | 'init-grads' | 'rewind' | 'snip' | 'snip-shuffled' | 'ticket' | 'reinit' | 'gradual' | 'movement-scores' | 'movement';

/** Gradual pruning's defaults (fractions of the training's steps; a mask update every `frequency` steps). */
export const GRADUAL_DEFAULTS = { initial: 0, begin: 0.1, end: 0.67, frequency: 10 };

/** A gradual-pruning job as the page follows it: its schedule in steps, and the masks of its latest update. */
export interface GradualLive {
  runId: number;
  schedule: GradualSchedule;
  totalSteps: number;
  step: number;
  sparsity: number;
  masks: Uint8Array[] | null;
}
const UNLOGGED: readonly FinetuneKind[] = ['unmasked', 'article', 'init-grads', 'rewind', 'movement-scores'];

/** The fine-tuning job in the training worker. */
export interface FinetuneState {
  runId: number;
  kind: FinetuneKind;
  criterion: string;
  status: 'running' | 'done' | 'error';
  /** Weight sparsity of the mask being fine-tuned. */
  sparsity: number;
  progress: ProgressInfo | null;
  result: FinetuneResult | null;
  /** For `init-grads`: per layer, |∂L/∂w| of SNIP's batch. */
  gradAbs?: Float32Array[];
  /** For `movement-scores`: per layer, −Σ w·∂L/∂w, and the weights after that fine-tune. */
  movement?: { scores: Float32Array[]; layers: LayerParams[] };
  error: string | null;
}

/** A finished fine-tune, as the chart and the log show it. */
export interface FinetuneRecord {
  kind: FinetuneKind;
  criterion: string;
  /** Actual weight sparsity of the mask. */
  sparsity: number;
  beforeValAcc: number;
  afterValAcc: number;
  afterTrainAcc: number;
}

/** A fine-tune curve or iterative pruning: several steps (or one worker job) driven from the page. */
export interface SeriesState {
  kind: 'curve' | 'iterative' | 'snip' | 'lottery' | 'gradual' | 'movement';
  criterion: Criterion;
  status: 'running' | 'done' | 'cancelled' | 'error';
  step: number;
  total: number;
}

/** The source article's code run on this network: its gradient and pruning steps, and its fine-tune without the mask beside the masked one. */
export interface ArticleRuns {
  code: ArticleCodeResult | null;
  unmasked: FinetuneResult | null;
  masked: FinetuneResult | null;
  /** Weight sparsity of the mask both fine-tunes started from. */
  sparsity: number | null;
}

export interface ExperimentsState {
  finetune: FinetuneState | null;
  series: SeriesState | null;
  /** Every fine-tuning result of this run (cleared by the user or a new run). */
  log: FinetuneRecord[];
  article: ArticleRuns;
  gradual: GradualLive | null;
}

export const initialExperiments = (): ExperimentsState => ({ finetune: null, series: null, log: [], article: { code: null, unmasked: null, masked: null, sparsity: null }, gradual: null });

/** A new job `runId` replaces the previous one (its result stays in the log). */
export function startFinetune(s: ExperimentsState, job: Pick<FinetuneState, 'runId' | 'kind' | 'criterion' | 'sparsity'>): ExperimentsState {
  return { ...s, finetune: { ...job, status: 'running', progress: null, result: null, error: null } };
}

export const isFinetuning = (s: ExperimentsState) => s.finetune?.status === 'running';

/** Whether a worker message belongs to the running job. */
export const isFinetuneMessage = (s: ExperimentsState, msg: FromWorker) => !!s.finetune && 'runId' in msg && msg.runId === s.finetune.runId;

/** Pure: the slice after a training-worker message about the current job (see `isFinetuneMessage`). */
export function applyFinetuneMessage(s: ExperimentsState, msg: FromWorker): ExperimentsState {
  const ft = s.finetune;
  if (!ft || !isFinetuneMessage(s, msg)) return s;
  switch (msg.type) {
    case 'finetune-progress':
      return { ...s, finetune: { ...ft, progress: msg.progress } };
    case 'gradual-masks':
      return s.gradual?.runId === msg.runId ? { ...s, gradual: { ...s.gradual, step: msg.step, sparsity: msg.sparsity, masks: msg.masks } } : s;
    case 'movement-done':
      return { ...s, finetune: { ...ft, status: 'done', movement: { scores: msg.scores, layers: msg.layers } } };
    case 'init-grads-done':
      return { ...s, finetune: { ...ft, status: 'done', gradAbs: msg.gradAbs } };
    case 'article-code-done':
      return { ...s, finetune: { ...ft, status: 'done' }, article: { ...s.article, code: msg.result } };
    case 'finetune-done': {
      const r = msg.result;
      if (ft.kind === 'unmasked') return { ...s, finetune: { ...ft, status: 'done', result: r }, article: { ...s.article, unmasked: r, sparsity: ft.sparsity } };
      if (UNLOGGED.includes(ft.kind)) return { ...s, finetune: { ...ft, status: 'done', result: r } };
      const record: FinetuneRecord = { kind: ft.kind, criterion: ft.criterion, sparsity: ft.sparsity, beforeValAcc: r.before.valAcc, afterValAcc: r.after.valAcc, afterTrainAcc: r.after.trainAcc };
      return { ...s, finetune: { ...ft, status: 'done', result: r }, log: [...s.log, record] };
    }
    case 'error':
      return finetuneFailed(s, msg.message);
    default:
      return s;
  }
}

/** A running job stopped with `message` (worker error, lost device, crash); anything else is kept. */
export function finetuneFailed(s: ExperimentsState, message: string): ExperimentsState {
  return isFinetuning(s) ? { ...s, finetune: { ...s.finetune!, status: 'error', error: message } } : s;
}

/** Cancelled: the running job is dropped and a running series is marked cancelled. */
export function cancelled(s: ExperimentsState): ExperimentsState {
  return { ...s, finetune: isFinetuning(s) ? null : s.finetune, series: s.series?.status === 'running' ? { ...s.series, status: 'cancelled' } : s.series };
}
