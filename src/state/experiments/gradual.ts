/**
 * Gradual pruning (Zhu & Gupta 2017): one worker job that trains from the initial weights while the
 * schedule (in steps) raises each layer's sparsity; each mask update reaches the heatmaps as it comes.
 */
import type { GradualSchedule } from '../../core/prune';
import { gradualMasks, jobProgress, type AppState } from '../store';
import { initialOf, type Lab } from './lab';

/** Mini-batches of the run's training: what a gradual schedule counts. */
export const trainingSteps = (s: AppState) =>
  s.runConfig && s.dataset ? s.runConfig.epochs * Math.ceil(s.dataset.trainIndices.length / s.runConfig.batchSize) : 0;

export interface GradualExperiment {
  /** Trains from the initial weights while `schedule` (in steps) raises each layer's sparsity. */
  gradual(schedule: GradualSchedule): Promise<void>;
}

export function createGradual(lab: Lab): GradualExperiment {
  return {
    async gradual(schedule) {
      const x = lab.begin();
      if (!x) return;
      const totalSteps = trainingSteps(lab.store.getState());
      x.series({ kind: 'gradual', criterion: 'magnitude', status: 'running', step: 0, total: 1 });
      const { config, data } = x.net;
      const result = await x.job(
        { kind: 'gradual', config, data, layers: initialOf(x.net), schedule },
        {
          shown: { kind: 'gradual', criterion: 'magnitude', sparsity: schedule.final },
          start: (e, jobId) => ({ ...e, gradual: { jobId, schedule, totalSteps, step: -1, sparsity: 0, masks: null } }),
          onProgress: (p, jobId) =>
            x.update((e) => ('masks' in p ? gradualMasks(e, jobId, p.masks) : jobProgress(e, jobId, p.training))),
        },
      );
      if (result) x.end(true);
    },
  };
}
