/**
 * The experiments, one module each, composed for the controller: each starts on the trained network
 * (`lab.ts`), awaits its jobs in the training worker and writes what the UI shows into the store.
 */
import type { TrainingClient } from '../../train/client';
import type { AppState, Store } from '../store';
import { createArticle, type ArticleExperiments } from './article';
import { createFinetune, type FinetuneExperiments } from './finetune';
import { createGradual, type GradualExperiment } from './gradual';
import { createIterative, type IterativeExperiment } from './iterative';
import { createLab, networkOf, networkMasks } from './lab';
import { createMovement, type MovementExperiment } from './movement';
import { createTickets, type TicketExperiments } from './tickets';
import type { Criterion, PruneSpec } from '../../core/prune';

export { trainingSteps } from './gradual';

export type Experiments = FinetuneExperiments &
  IterativeExperiment &
  TicketExperiments &
  GradualExperiment &
  MovementExperiment &
  ArticleExperiments & {
    /** Stops the job running (a fine-tune, SNIP's gradients, the article's code…) and the series it belongs to. */
    cancelJob(): void;
    /** Clears the chart's log of fine-tuning results. */
    clearFinetuneLog(): void;
  };

export function createExperiments(store: Store<AppState>, client: () => TrainingClient): Experiments {
  const lab = createLab(store, client);
  return {
    ...createFinetune(lab),
    ...createIterative(lab),
    ...createTickets(lab),
    ...createGradual(lab),
    ...createMovement(lab),
    ...createArticle(lab),
    cancelJob: lab.cancel,
    clearFinetuneLog: () => store.setState((s) => ({ ...s, experiments: { ...s.experiments, log: [] } })),
  };
}

/** The masks of a pruning spec on the trained network in the store (none while there is none). */
export function masksFor(s: AppState, criterion: Criterion, spec: PruneSpec): Uint8Array[] {
  const net = networkOf(s);
  return net ? networkMasks(net, criterion, spec) : [];
}

/** The slider's weight sparsity (at most 99 %), the target of the panels' experiments; 90 % before any. */
export const sliderTarget = (s: AppState) => (s.pruning.view ? Math.min(0.99, s.pruning.view.report.sparsity) : 0.9);
/** The same to whole percents: what the panels' labels show, so that a slider move re-renders them only when that changes. */
export const sliderTargetLabel = (s: AppState) => Math.round(sliderTarget(s) * 100) / 100;
