/**
 * App state: what the page keeps across runs (`PageState`) and what one network on screen owns
 * (`RunState`), a new run replacing the run whole, and the minimal store the UI subscribes to. The
 * training worker's messages are folded in by the reducer of `../training/workerMessages.ts`.
 */
import type { Criterion } from '../../core/prune';
import type { DataName, DataRef, DatasetName } from '../../core/data';
import { HIDDEN_UNITS, sameHidden, type Throughput } from '../../core/base';
import type { SnapshotProvenance } from '../../core/formats';
import type { Msg } from '../../i18n/catalogue';
import type {
  BackendInfo,
  EpochMetrics,
  LiveGradLayer,
  ProgressInfo,
  ScoringResult,
  TrainConfig,
} from '../../train/runTypes';
import { initialExperiments, isFinetuning, type ExperimentsState } from './experimentsState';
import { defaultSettings, type Settings } from './settings';
import { defaultFlags, type Flags } from './flags';
import { initialPruning, type PruningState } from './pruningState';
import { initialRepair, type RepairState } from './repairPlan';
import { initialSpeed, type SpeedState } from './speedState';
import { initialUserData, type UserDataState } from './userDataState';
import { initialSweep, type SweepState } from './sweepState';

export type { EpochMetrics } from '../../train/runTypes';

export type Phase = 'idle' | 'loading' | 'training' | 'paused' | 'scoring' | 'done' | 'error';

export interface LossPoint {
  /** Position in epochs (1.0 = end of the first epoch). */
  x: number;
  loss: number;
  /** Bias-corrected exponential moving average of the batch losses (smoothing `LOSS_SMOOTHING` of `../training/workerMessages.ts`). */
  smooth: number;
}

export interface LiveGrads {
  step: number;
  layers: LiveGradLayer[];
}

/**
 * Where the network on screen came from: this page's run, a pre-trained snapshot, or a run.json (with
 * the backend its file says trained it: run.json's `config.backendUsed`).
 */
export type Origin =
  | { kind: 'trained' }
  | { kind: 'snapshot'; name: DatasetName; provenance: SnapshotProvenance }
  | { kind: 'imported'; createdAt: string; backendUsed?: string };

/** What the curves' time is estimated from (see `curvesEstimate`). */
export interface EvalSpeed {
  val: number;
  train: number;
  curvesSec?: number;
}

/** The accuracies the tour's repairs step quotes, for one network (its pruning `loadId`): see ../tour/tourNumbers.ts. */
export interface TourAt90 {
  loadId: number;
  values: Partial<Record<Criterion, number>>;
}

/** What the page keeps across runs: settings and links, the backend and what it measured, the user's table. */
export interface PageState {
  settings: Settings;
  /**
   * URL flags (classroom mode, autotrain, language, tour step, presenter mode, the chosen table): read from
   * the link, then changed by a pasted link, the header's controls and the table choice.
   */
  flags: Flags;
  /** Dismissible notices (a URL key that was ignored, an import): messages, translated when shown. */
  notices: Msg[];
  backend: BackendInfo | null;
  backendStatus: 'starting' | 'ready' | 'error';
  /** The backend's measured training throughput (784 inputs), for run estimates; null until measured. */
  throughput: Throughput | null;
  /**
   * Per dataset, the evaluator's full-pass times (ms), last measured, and the seconds the last curves
   * took once any ran: what the curves of the next run are estimated from.
   */
  evalSpeed: Partial<Record<DataName, EvalSpeed>>;
  /** Training samples/s of this page's finished runs, by `rateKey` (what the next such run is expected at). */
  runRates: Record<string, number>;
  /** A table the user brought (kept across runs: it is theirs). */
  userData: UserDataState;
}

/**
 * What one network on screen owns — its run, its pruning, curves, repairs, speed and experiments: replaced
 * whole by `initialRun()` when a new run starts (`startRun`), so a new field here is reset by construction
 * and a new field of `PageState` is kept by construction (each initialiser must name every field).
 */
export interface RunState {
  phase: Phase;
  runId: number;
  runConfig: TrainConfig | null;
  progress: ProgressInfo | null;
  losses: LossPoint[];
  /** Internal accumulator of the loss smoothing (sum of weights, smoothed numerator). */
  smoothing: { weight: number; value: number };
  epochs: EpochMetrics[];
  liveGrads: LiveGrads | null;
  /** The scoring pass in progress: batches done of all, seconds left. */
  scoringProgress: { done: number; total: number; etaSec: number } | null;
  scoring: ScoringResult | null;
  /** Page times (performance.now, ms) of this run's milestones: started, scoring done, curves done. */
  timing: { startedAt: number; doneAt: number | null; curvesAt: number | null } | null;
  /** What this page's finished run took, and the backend (`BackendInfo.name`) that trained it (run.json's `config.backendUsed`). */
  result: { trainSeconds: number; samplesPerSec: number; backend?: string } | null;
  /** Why the run stopped; a worker's or the browser's own words stay raw inside it (`error.worker`). */
  error: Msg | null;
  /** 'restart': the error panel offers a one-click restart of the run (device lost, worker crashed). */
  errorAction: 'restart' | null;
  /** Where the current run's data came from (the workers load the data from it; the page holds none). */
  dataset: DataRef | null;
  /** Where the network came from (null before any). */
  origin: Origin | null;
  /** A snapshot being fetched, to open when it arrives. */
  openingSnapshot: DatasetName | null;
  /** A link pasted into the tab that would replace the user's own network: waiting for their answer. */
  pendingLink: { search: string; hash: string; prompt: Msg } | null;
  pruning: PruningState;
  /** The collapse warning's repairs: their plans (shown beside the buttons) and the last one applied (its sentence, its Undo). */
  repair: RepairState;
  /** The tour's repairs step: each criterion's validation accuracy at 90% sparsity on this network (`../tour/tourNumbers.ts`). */
  tourAt90: TourAt90 | null;
  sweep: SweepState;
  /** What pruning buys: measured inference speed and export sizes. */
  speed: SpeedState;
  /** Fine-tuning: the running job, a curve or iterative series, and the log of results. */
  experiments: ExperimentsState;
}

export type AppState = PageState & RunState;

/** Key of a measured training rate (`runRates`): the data (a user's table by its SHA-256) and the batch size. */
export const rateKey = (name: DataName, batch: number, tableHash?: string, hidden: readonly number[] = HIDDEN_UNITS) =>
  (name === 'user' ? `user:${tableHash ?? ''}:${batch}` : `${name}:${batch}`) +
  (sameHidden(hidden, HIDDEN_UNITS) ? '' : `:${hidden.join(',')}`);

/** A run before anything happened: idle, no network, every slice at its start. */
export function initialRun(): RunState {
  return {
    phase: 'idle',
    runId: 0,
    runConfig: null,
    progress: null,
    losses: [],
    smoothing: { weight: 0, value: 0 },
    epochs: [],
    liveGrads: null,
    scoringProgress: null,
    scoring: null,
    timing: null,
    result: null,
    error: null,
    errorAction: null,
    dataset: null,
    origin: null,
    openingSnapshot: null,
    pendingLink: null,
    pruning: initialPruning(),
    repair: initialRepair(),
    tourAt90: null,
    sweep: initialSweep(),
    speed: initialSpeed(),
    experiments: initialExperiments(),
  };
}

/** The page's part of a state: every `PageState` field, named once (the type refuses a missing one). */
function pageOf(s: AppState): PageState {
  const { settings, flags, notices, backend, backendStatus, throughput, evalSpeed, runRates, userData } = s;
  return { settings, flags, notices, backend, backendStatus, throughput, evalSpeed, runRates, userData };
}

export function initialState(
  settings: Settings = defaultSettings(),
  notices: Msg[] = [],
  flags: Flags = defaultFlags(),
): AppState {
  const page: PageState = {
    settings,
    flags,
    notices,
    backend: null,
    backendStatus: 'starting',
    throughput: null,
    evalSpeed: {},
    runRates: {},
    userData: initialUserData(),
  };
  return { ...page, ...initialRun() };
}

/** State for a fresh run `runId`: the page's part kept, the run's replaced whole. */
export function startRun(state: AppState, runId: number, config: TrainConfig | null): AppState {
  return {
    ...pageOf(state),
    ...initialRun(),
    runId,
    runConfig: config,
    phase: config ? 'loading' : 'idle',
    origin: config ? { kind: 'trained' } : null,
  };
}

/** The phases of a training run in progress (the form is locked). */
export const RUNNING_PHASES: readonly Phase[] = ['loading', 'training', 'paused', 'scoring'];
export const isRunning = (phase: Phase) => RUNNING_PHASES.includes(phase);

/** Whether a training run or a fine-tuning job is in progress. */
export function isBusy(state: AppState): boolean {
  return isRunning(state.phase) || isFinetuning(state.experiments);
}

/** A minimal external store for useSyncExternalStore. */
export class Store<S> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}
  getState = (): S => this.state;
  setState = (next: S | ((s: S) => S)): void => {
    const value = typeof next === 'function' ? (next as (s: S) => S)(this.state) : next;
    if (value === this.state) return;
    this.state = value;
    this.listeners.forEach((l) => l());
  };
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
