/**
 * The numbers the guided tour's text is filled with, from the network on screen — the same values the
 * panel each step points at shows (the tour's text formats them as that panel does) — and, where they
 * are not known yet, why not (so the card can say so in words). Pure.
 */
import { HIDDEN_UNITS, hiddenOf, layerShapes } from '../../core/base';
import { layerMeanScores, type Criterion, type PruneSpec } from '../../core/prune';
import { dataShape, type DataName } from '../../core/data';
import { mostLost } from '../../core/eval';
import { classNamesOf, forgetOf, type AppState } from '../store';

/** The repairs step quotes these criteria at 90% global weight sparsity, as the pruning panel shows them. */
export const AT90_CRITERIA: readonly Criterion[] = ['gradient', 'taylor', 'magnitude', 'gradnorm', 'lamp'];
export const AT90_SPEC: PruneSpec = { mode: 'sparsity', value: 0.9, scope: 'global', granularity: 'weights' };

/** Why the numbers of the network on screen are not all known yet. */
export type TourWait = 'none' | 'opening' | 'training' | 'scoring' | 'pruning';

export interface TourNumbers {
  /** The data of the network on screen, and the table's file name when it is the user's. */
  dataset: DataName | null;
  table: string | null;
  /** Where the network on screen came from; 'training' while a run trains it. */
  origin: 'snapshot' | 'trained' | 'imported' | 'model' | 'training' | null;
  inputs: number | null;
  /** The hidden layers' widths, input side first. */
  hidden: number[] | null;
  classes: number | null;
  weights: number | null;
  /** Per layer: the mean score of the current criterion (after the scoring pass) and its pruned fraction. */
  layers: { name: string; meanScore: number; sparsity: number | null }[] | null;
  /** The epoch in training (1-based), while a run trains. */
  epoch: number | null;
  epochs: number | null;
  batchSize: number | null;
  learningRate: number | null;
  /** The last finished epoch's validation accuracy (the curves' summary). */
  valAcc: number | null;
  /** Dense network's validation accuracy, the current pruned one's, and the current weight sparsity. */
  denseVal: number | null;
  prunedVal: number | null;
  sparsity: number | null;
  /** Validation accuracy at 90% global weight sparsity, per criterion (the page's evaluator, exactly). */
  at90: Partial<Record<Criterion, number>>;
  /** The largest over the smallest layer mean of the current criterion's scores. */
  ratio: number | null;
  /** What pruning forgets at the slider: examples forgotten, and the class that loses most (null: none loses). */
  forgotten: number | null;
  worst: { name: string; dense: number; pruned: number } | null;
  /** Whether the current mask cuts every path from the input to the output (the pruning panel's warning). */
  collapsed: boolean | null;
  /** Why some of the above are not known yet; null once they all are. */
  wait: TourWait | null;
}

const running = (s: AppState) => s.phase === 'loading' || s.phase === 'training' || s.phase === 'paused';

function waitOf(s: AppState): TourWait | null {
  if (running(s)) return 'training';
  if (s.phase === 'scoring') return 'scoring';
  if (!s.scoring) return s.openingSnapshot ? 'opening' : 'none';
  if (!s.pruning.view || !s.pruning.dense) return 'pruning';
  return null;
}

export function tourNumbers(s: AppState): TourNumbers {
  const scored = s.scoring?.layers ?? null;
  const shape = s.dataset ? dataShape(s.dataset) : null;
  const shapes =
    scored ?? (shape ? layerShapes(shape.inputs, s.runConfig?.hidden ?? HIDDEN_UNITS, shape.classes) : null);
  const scores = scored ? layerMeanScores(s.settings.criterion, scored, s.runConfig?.seed ?? 0) : null;
  const report = s.pruning.view?.report;
  const last = s.epochs[s.epochs.length - 1];
  // Not read off the curves: between their points a curve is an interpolation, not the panel's number.
  const at90 = s.tourAt90 && s.tourAt90.loadId === s.pruning.loadId ? s.tourAt90.values : {};
  const positive = scores?.filter((v) => v > 0) ?? [];
  const origin = running(s) || s.phase === 'scoring' ? 'training' : (s.origin?.kind ?? null);
  const forget = forgetOf(s.pruning);
  const worst = forget ? mostLost(forget, 1)[0] : undefined;
  return {
    dataset: s.dataset?.name ?? null,
    table: s.dataset?.table?.name ?? null,
    origin,
    inputs: shapes ? shapes[0].inputs : null,
    hidden: shapes ? hiddenOf(shapes) : null,
    classes: shapes ? shapes[shapes.length - 1].units : null,
    weights: shapes ? shapes.reduce((a, l) => a + l.inputs * l.units, 0) : null,
    layers:
      scored && scores
        ? scored.map((l, i) => ({
            name: l.name,
            meanScore: scores[i],
            sparsity: report ? report.layers[i].sparsity : null,
          }))
        : null,
    epoch: running(s) ? (s.progress?.epoch ?? 1) : null,
    epochs: s.runConfig?.epochs ?? null,
    batchSize: s.runConfig?.batchSize ?? null,
    learningRate: s.runConfig?.learningRate ?? null,
    valAcc: last?.valAcc ?? (running(s) ? null : (s.pruning.dense?.val.accuracy ?? null)),
    denseVal: s.pruning.dense?.val.accuracy ?? null,
    prunedVal: s.pruning.view?.val.accuracy ?? null,
    sparsity: report?.sparsity ?? null,
    at90,
    ratio:
      scores && positive.length === scores.length && scores.length ? Math.max(...scores) / Math.min(...scores) : null,
    collapsed: report ? report.collapse : null,
    forgotten: forget ? forget.forgotten.length : null,
    worst:
      forget && worst !== undefined
        ? {
            name: classNamesOf(s.dataset, forget.classes)[worst],
            dense: forget.dense.correct[worst] / forget.dense.count[worst],
            pruned: forget.pruned.correct[worst] / forget.pruned.count[worst],
          }
        : null,
    wait: waitOf(s),
  };
}
