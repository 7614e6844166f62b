/**
 * The training worker's jobs, one runner per row of the table `Jobs` (jobs.ts). A runner gets its
 * job, the run's control and a way to report progress, and returns its result (null when it was
 * stopped); the worker posts it as the job's 'job-done'. A runner that throws fails the job.
 */
import type { DataRef } from '../core/data';
import { RunControl } from './control';
import { finetune, type FinetuneOutcome } from './finetune';
import { gradualPrune } from './gradual';
import { movementScores } from './movement';
import { oneBatchGradients } from './initGrads';
import { iterativePrune } from './iterative';
import { runArticleCode } from './articleCode';
import { stepsParity } from './stepsParity';
import { createMlp } from './model';
import type { FinetuneResult, JobKind, JobOf, JobProgress, JobResult, SplitMetrics } from './jobs';
import type { ProgressInfo } from './runTypes';
import type { DeviceData, TrainHooks } from './trainer';

export interface RunnerContext<K extends JobKind> {
  control: RunControl;
  progress(p: JobProgress<K>): void;
  /** Loads the run's data onto the device for `job`, and releases it afterwards (null when stopped first). */
  withData<T>(ref: DataRef, job: (data: DeviceData) => Promise<T>): Promise<T | null>;
}
export type Runner<K extends JobKind> = (job: JobOf<K>, ctx: RunnerContext<K>) => Promise<JobResult<K> | null>;

/** Training hooks that report only the progress. */
const progressOnly = (onProgress: (p: ProgressInfo) => void): TrainHooks => ({
  onProgress,
  onEpoch: () => {},
  onLiveGrads: () => {},
});

/** A finished fine-tuning (or iterative, or gradual) outcome as its result; null when it was stopped. */
function finetuned(out: FinetuneOutcome, before: SplitMetrics): FinetuneResult | null {
  if (!out.completed || !out.after || !out.params) return null;
  return { before, after: out.after, layers: out.params, maskViolations: out.maskViolations, seconds: out.seconds };
}

export const RUNNERS: { [K in JobKind]: Runner<K> } = {
  finetune: (job, { control, progress, withData }) =>
    withData(job.data, async (data) => {
      const config = { ...job.config, epochs: job.epochs, learningRate: job.learningRate };
      const out = await finetune(
        job.layers,
        job.masks,
        data,
        config,
        control,
        progressOnly(progress),
        job.masked ?? true,
      );
      return finetuned(out, out.before);
    }),

  iterative: (job, { control, progress, withData }) =>
    withData(job.data, async (data) => {
      let step = 0;
      const { criterion, target, steps, epochsPerStep } = job;
      const options = { criterion, target, steps, epochsPerStep, seed: job.config.seed };
      const out = await iterativePrune(
        job.layers,
        data,
        { ...job.config, learningRate: job.learningRate },
        options,
        control,
        {
          onProgress: (p) => progress({ ...p, fraction: (step + p.fraction) / job.steps }),
          onEpoch: (m) => (step += m.epoch === job.epochsPerStep ? 1 : 0),
          onLiveGrads: () => {},
        },
      );
      return finetuned(out, out.oneShot);
    }),

  gradual: (job, { control, progress, withData }) =>
    withData(job.data, async (data) => {
      const hooks = progressOnly((training) => progress({ training }));
      const onMasks = (step: number, sparsity: number, masks: Uint8Array[]) =>
        !control.stopped && progress({ masks: { step, sparsity, masks } });
      const out = await gradualPrune(job.layers, data, job.config, job.schedule, control, hooks, onMasks);
      return finetuned(out, out.before);
    }),

  movement: (job, { control, progress, withData }) =>
    withData(job.data, (data) => {
      const config = { ...job.config, epochs: job.epochs, learningRate: job.learningRate };
      return movementScores(job.layers, data, config, control, progressOnly(progress));
    }),

  'init-grads': (job, { withData }) =>
    withData(job.data, async (data) => ({ gradAbs: await oneBatchGradients(job.layers, data) })),

  'article-code': (job, { withData }) =>
    withData(job.data, async (data) => {
      const model = createMlp(job.layers);
      try {
        return await runArticleCode(model, data, job.t);
      } finally {
        model.dispose();
      }
    }),

  'steps-parity': (job, { withData }) => withData(job.data, (data) => stepsParity(job, data)),
};
