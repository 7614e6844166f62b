/**
 * The experiments slice of the app state and its pure reducers: the job running now (one fine-tune, a
 * step of a series, iterative pruning…), the series it belongs to, and the log of finished results that
 * the chart draws. The experiment modules (`../experiments/`) write it as their jobs run; nothing reads a
 * job's result back out of it but the UI.
 */
import type { Criterion, GradualSchedule } from '../../core/prune';
import type { ArticleCodeResult, FinetuneResult, GradualMasks } from '../../train/jobs';
import type { ProgressInfo } from '../../train/runTypes';

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
export type FinetuneKind =
  | 'one-shot'
  | 'curve'
  | 'iterative'
  | 'unmasked'
  | 'article'
  | 'init-grads'
  | 'rewind'
  | 'snip'
  | 'snip-shuffled'
  | 'ticket'
  | 'reinit'
  | 'gradual'
  | 'movement-scores'
  | 'movement';

/** Gradual pruning's defaults (fractions of the training's steps; a mask update every `frequency` steps). */
export const GRADUAL_DEFAULTS = { initial: 0, begin: 0.1, end: 0.67, frequency: 10 };

/** A gradual-pruning job as the page follows it: its schedule in steps, and the masks of its latest update. */
export interface GradualLive {
  /** The job's number (see `FinetuneState.jobId`). */
  jobId: number;
  schedule: GradualSchedule;
  totalSteps: number;
  step: number;
  sparsity: number;
  masks: Uint8Array[] | null;
}
const UNLOGGED: readonly FinetuneKind[] = ['unmasked', 'article', 'init-grads', 'rewind', 'movement-scores'];

/** The fine-tuning job in the training worker. */
export interface FinetuneState {
  /** The job's number on the page (each job of an experiment gets the next). */
  jobId: number;
  kind: FinetuneKind;
  criterion: string;
  status: 'running' | 'done' | 'error';
  /** Weight sparsity of the mask being fine-tuned. */
  sparsity: number;
  progress: ProgressInfo | null;
  /** A fine-tuning's result (jobs of other results keep theirs where the UI shows them, or nowhere). */
  result: FinetuneResult | null;
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

export const initialExperiments = (): ExperimentsState => ({
  finetune: null,
  series: null,
  log: [],
  article: { code: null, unmasked: null, masked: null, sparsity: null },
  gradual: null,
});

/** A new job `jobId` replaces the previous one (its result stays in the log). */
export function startFinetune(
  s: ExperimentsState,
  job: Pick<FinetuneState, 'jobId' | 'kind' | 'criterion' | 'sparsity'>,
): ExperimentsState {
  return { ...s, finetune: { ...job, status: 'running', progress: null, result: null, error: null } };
}

export const isFinetuning = (s: ExperimentsState) => s.finetune?.status === 'running';

const running = (s: ExperimentsState, jobId: number): s is ExperimentsState & { finetune: FinetuneState } =>
  s.finetune?.jobId === jobId && s.finetune.status === 'running';

/** Pure: job `jobId`'s progress. */
export function jobProgress(s: ExperimentsState, jobId: number, progress: ProgressInfo): ExperimentsState {
  return running(s, jobId) ? { ...s, finetune: { ...s.finetune, progress } } : s;
}

/** Pure: a gradual-pruning job's latest mask update. */
export function gradualMasks(s: ExperimentsState, jobId: number, update: GradualMasks): ExperimentsState {
  return s.gradual?.jobId === jobId ? { ...s, gradual: { ...s.gradual, ...update } } : s;
}

/**
 * Pure: job `jobId` finished; a fine-tuning's `result` is kept, logged for the chart unless its kind is
 * not, and an `unmasked` one is also the article's.
 */
export function jobDone(s: ExperimentsState, jobId: number, result: FinetuneResult | null = null): ExperimentsState {
  if (!running(s, jobId)) return s;
  const ft = s.finetune;
  const done = { ...s, finetune: { ...ft, status: 'done' as const, result } };
  if (!result) return done;
  if (ft.kind === 'unmasked') return { ...done, article: { ...s.article, unmasked: result, sparsity: ft.sparsity } };
  if (UNLOGGED.includes(ft.kind)) return done;
  const { before, after } = result;
  const record: FinetuneRecord = {
    kind: ft.kind,
    criterion: ft.criterion,
    sparsity: ft.sparsity,
    beforeValAcc: before.valAcc,
    afterValAcc: after.valAcc,
    afterTrainAcc: after.trainAcc,
  };
  return { ...done, log: [...s.log, record] };
}

/** A running job stopped with `message` (worker error, lost device, crash); anything else is kept. */
export function finetuneFailed(s: ExperimentsState, message: string): ExperimentsState {
  return s.finetune?.status === 'running' ? { ...s, finetune: { ...s.finetune, status: 'error', error: message } } : s;
}

/** A series' end: done, or stopped with an error at the step it reached (nothing when it is not running). */
export function endSeries(s: ExperimentsState, ok: boolean): ExperimentsState {
  if (s.series?.status !== 'running') return s;
  return { ...s, series: { ...s.series, status: ok ? 'done' : 'error', step: ok ? s.series.total : s.series.step } };
}

/** Cancelled: the running job is dropped and a running series is marked cancelled. */
export function cancelled(s: ExperimentsState): ExperimentsState {
  return {
    ...s,
    finetune: isFinetuning(s) ? null : s.finetune,
    series: s.series?.status === 'running' ? { ...s.series, status: 'cancelled' } : s.series,
  };
}
