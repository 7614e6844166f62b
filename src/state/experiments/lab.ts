/**
 * What every experiment module shares: the trained network it starts from (`Network`, typed, so that
 * no module asserts a field is there), and `Lab.begin()`, which starts an experiment — superseding the
 * one running — and runs its jobs in the training worker one at a time (`Experiment.job`), writing what
 * the UI shows of each (running, progress, done or failed) into the store. A module awaits its jobs'
 * results and writes the rest; it never reads a result back out of the store.
 */
import { type LayerParams, initParams } from '../../core/base';
import { type Criterion, computeMasks, criterionIndex, type PruneSpec } from '../../core/prune';
import type { DataRef } from '../../core/data';
import { isJobError, type TrainingClient } from '../../train/client';
import type { FinetuneResult, JobKind, JobOf, JobProgress, JobResult } from '../../train/jobs';
import type { ProgressInfo, ScoringResult, TrainConfig } from '../../train/runTypes';
import {
  cancelled,
  endSeries,
  finetuneFailed,
  jobDone,
  jobProgress,
  startFinetune,
  type AppState,
  type ExperimentsState,
  type FinetuneState,
  type SeriesState,
  type Settings,
  type Store,
} from '../store';

/** The trained network on screen, with what its experiments need of it. */
export interface Network {
  /** The run it came from: an experiment stops when another run replaces it. */
  runId: number;
  config: TrainConfig;
  data: DataRef;
  scoring: ScoringResult;
  /** Its trained weights (kernels row-major `[inputs, units]`). */
  layers: LayerParams[];
  settings: Settings;
}

/** The trained network in the store, or null while there is none (or a run is in progress). */
export function networkOf(s: AppState): Network | null {
  const { scoring, runConfig, dataset } = s;
  if (!scoring || !runConfig || !dataset || s.phase !== 'done') return null;
  const layers = scoring.layers.map(({ name, inputs, units, kernel, bias }) => ({ name, inputs, units, kernel, bias }));
  return { runId: s.runId, config: runConfig, data: dataset, scoring, layers, settings: s.settings };
}

/** The network's initial weights (the training worker starts from the same: core's seeded Glorot init). */
export const initialOf = (net: Network, seed = net.config.seed) =>
  initParams(
    net.layers[0].inputs,
    seed,
    net.layers.map(({ name, inputs, units }) => ({ name, inputs, units })),
  );

/** The masks of a pruning spec on the network's scores. */
export const networkMasks = (net: Pick<Network, 'scoring' | 'config'>, criterion: Criterion, spec: PruneSpec) =>
  computeMasks(criterionIndex(criterion, net.scoring.layers, spec.granularity, net.config.seed), spec).masks;

/** The weight sparsity of `masks` (1 = kept). */
export function sparsityOf(masks: Uint8Array[]): number {
  let live = 0;
  let total = 0;
  masks.forEach((m) => m.forEach((v) => ((live += v), total++)));
  return total ? 1 - live / total : 0;
}

/** What a job shows while it runs: its kind, criterion, and the sparsity of its mask. */
export type Shown = Pick<FinetuneState, 'kind' | 'criterion' | 'sparsity'>;

export interface JobOptions<K extends JobKind> {
  shown: Shown;
  /** Its progress (default: a `ProgressInfo` into the running job's bar). */
  onProgress?: (progress: JobProgress<K>, jobId: number) => void;
  /** More state written when the job starts, with the job's number. */
  start?: (e: ExperimentsState, jobId: number) => ExperimentsState;
}

export interface Experiment {
  readonly net: Network;
  /** Whether it is still the experiment running, on the same network. */
  live(): boolean;
  /** Writes the experiments slice, while it is live. */
  update(f: (e: ExperimentsState) => ExperimentsState): void;
  series(series: SeriesState): void;
  /** Ends its series: done, or stopped with an error. */
  end(ok: boolean): void;
  /**
   * Runs one job and returns its result; null when it was cancelled, superseded (a new run, another
   * experiment) or failed — then the job shows the error and the series ends with it.
   */
  job<K extends JobKind>(job: JobOf<K>, options: JobOptions<K>): Promise<JobResult<K> | null>;
}

export interface Lab {
  store: Store<AppState>;
  /** Starts an experiment on the trained network (cancelling one running); null when there is none. */
  begin(): Experiment | null;
  /** Cancels the experiment running: its job stops in the worker, a series is marked cancelled. */
  cancel(): void;
}

/** Jobs whose result is a fine-tuning's: kept for the UI (and logged for the chart). */
const FINETUNED: readonly JobKind[] = ['finetune', 'iterative', 'gradual'];

export function createLab(store: Store<AppState>, client: () => TrainingClient): Lab {
  let current: AbortController | null = null;
  let jobs = 0;
  const write = (f: (e: ExperimentsState) => ExperimentsState) =>
    store.setState((s) => ({ ...s, experiments: f(s.experiments) }));
  const cancel = () => {
    current?.abort();
    current = null;
    write(cancelled);
  };
  return {
    store,
    cancel,
    begin() {
      const net = networkOf(store.getState());
      if (!net) return null;
      if (current) cancel();
      const mine = new AbortController();
      current = mine;
      const live = () => current === mine && store.getState().runId === net.runId;
      const update = (f: (e: ExperimentsState) => ExperimentsState) => live() && write(f);
      return {
        net,
        live,
        update,
        series: (series) => update((e) => ({ ...e, series })),
        end: (ok) => update((e) => endSeries(e, ok)),
        async job(job, { shown, onProgress, start = (e) => e }) {
          if (!live()) return null;
          const jobId = ++jobs;
          update((e) => start(startFinetune(e, { jobId, ...shown }), jobId));
          const progress = onProgress ?? ((p) => update((e) => jobProgress(e, jobId, p as ProgressInfo)));
          try {
            const result = await client().run(job, { signal: mine.signal, onProgress: (p) => progress(p, jobId) });
            const finetuned = FINETUNED.includes(job.kind) ? (result as FinetuneResult) : null;
            update((e) => jobDone(e, jobId, finetuned));
            return result;
          } catch (e) {
            if (!isJobError(e)) throw e;
            // Cancelled or superseded: whoever did it has written the state already.
            if (isJobError(e, 'failed', 'worker-gone')) update((s) => endSeries(finetuneFailed(s, e.message), false));
            return null;
          }
        },
      };
    },
  };
}
