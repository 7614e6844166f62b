/**
 * The guided tour (as Transformer Explainer's "textbook" pages): a table of steps, each of which sets
 * the state it talks about (pruning settings, heatmap view), names the part of the page it explains,
 * and the panels presenter mode shows with it. Its text is in the catalogues (`tour.<id>.title|body`),
 * filled with the numbers of the network on screen (`tourNumbers`), never hard-coded ones. Leaving the
 * tour keeps the current state. Pure, apart from `openStep`'s two controller calls.
 */
import { ARTICLE_T, layerMeanScores, type Criterion } from '../core/criteria';
import type { CurvePoint } from '../core/sweep';
import type { Flags, Panel } from './flags';
import type { Settings } from './settings';
import type { AppState } from './store';

export type TourAction = 'article-code' | 'finetune' | 'iterative' | 'train';

export const TOUR_IDS = ['network', 'training', 'gradient', 'heatmaps', 'rule', 'collapse', 'article', 'repairs', 'finetune', 'next'] as const;
export type TourStepId = (typeof TOUR_IDS)[number];

export interface TourStep {
  id: TourStepId;
  /** The settings the step opens with. */
  settings: Partial<Settings>;
  /**
   * `data-testid`s of the element the step explains; the first of them on the page is highlighted
   * (`panel:<id>`: the panel around that element).
   */
  targets: string[];
  /** What presenter mode shows during the step. */
  panels: Panel[];
  /** A button in the step's card that runs the step's experiment. */
  action?: TourAction;
}

/** The article's rule, as the tour shows it: |∂L/∂w| < T at T = 0.01, one global threshold, single weights. */
const ARTICLE_RULE: Partial<Settings> = { criterion: 'gradient', mode: 'threshold', threshold: Math.fround(ARTICLE_T), scope: 'global', granularity: 'weights', view: 'score' };

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'network', settings: { view: 'weights' }, targets: ['heatmaps'], panels: ['heatmaps', 'pruning'] },
  { id: 'training', settings: {}, targets: ['panel:curves.loss', 'progress'], panels: ['curves', 'progress'], action: 'train' },
  { id: 'gradient', settings: { criterion: 'gradient', view: 'score' }, targets: ['grads.panel'], panels: ['stats', 'heatmaps'] },
  { id: 'heatmaps', settings: { criterion: 'gradient', view: 'score', scale: 'log', mode: 'sparsity', sparsity: 0.5 }, targets: ['heatmaps'], panels: ['heatmaps', 'pruning'] },
  { id: 'rule', settings: ARTICLE_RULE, targets: ['pruning'], panels: ['heatmaps', 'pruning'] },
  { id: 'collapse', settings: ARTICLE_RULE, targets: ['prune.collapse', 'pruning'], panels: ['heatmaps', 'pruning'] },
  { id: 'article', settings: ARTICLE_RULE, targets: ['article'], panels: ['experiments', 'pruning'], action: 'article-code' },
  { id: 'repairs', settings: { criterion: 'taylor', mode: 'sparsity', sparsity: 0.9, scope: 'global', granularity: 'weights', view: 'score' }, targets: ['chart'], panels: ['chart', 'pruning'] },
  { id: 'finetune', settings: { criterion: 'magnitude', mode: 'sparsity', sparsity: 0.9, scope: 'global', granularity: 'weights' }, targets: ['finetune'], panels: ['heatmaps', 'pruning'], action: 'finetune' },
  { id: 'next', settings: { criterion: 'magnitude', mode: 'sparsity', sparsity: 0.9 }, targets: ['experiments'], panels: ['experiments', 'chart', 'pruning'], action: 'iterative' },
];

/** A step number from a link (1-based, any integer) as an index into the steps. */
export const stepIndex = (n: number) => Math.min(TOUR_STEPS.length, Math.max(1, Math.round(n))) - 1;

/** Opens step `n` (1-based): the URL's `tour=` follows; the step's settings are applied by `applyStep`. */
export function openStep(c: { updateFlags(p: Partial<Pick<Flags, 'tour'>>): void }, n: number | null): void {
  c.updateFlags({ tour: n === null ? null : stepIndex(n) + 1 });
}

/** Applies step `n`'s settings (when it opens, and when a network arrives while it is open). */
export function applyStep(c: { updateSettings(p: Partial<Settings>): void }, n: number): void {
  const step = TOUR_STEPS[stepIndex(n)];
  if (Object.keys(step.settings).length) c.updateSettings(step.settings);
}

/** The numbers the tour's text is filled with, from the network on screen (null where not known yet). */
export interface TourNumbers {
  dataset: Settings['dataset'];
  inputs: number;
  weights: number;
  layers: { name: string; meanScore: number; sparsity: number | null }[];
  epochs: number | null;
  batchSize: number | null;
  learningRate: number | null;
  valAcc: number | null;
  /** Dense network's validation accuracy, the current pruned one's, and the current weight sparsity. */
  denseVal: number | null;
  prunedVal: number | null;
  sparsity: number | null;
  /** Validation accuracy at 90% global weight sparsity, per criterion, from the curves (when computed). */
  at90: Partial<Record<Criterion, number>>;
  /** The largest over the smallest layer mean of the current criterion's scores. */
  ratio: number | null;
}

/** A curve's accuracy at weight sparsity `x`, interpolated linearly between its two nearest points; null outside it. */
export function accuracyAt(points: readonly CurvePoint[], x: number): number | null {
  const sorted = [...points].sort((a, b) => a.sparsity - b.sparsity);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.sparsity <= x && x <= b.sparsity) return b.sparsity === a.sparsity ? a.accuracy : a.accuracy + ((x - a.sparsity) / (b.sparsity - a.sparsity)) * (b.accuracy - a.accuracy);
  }
  return null;
}

export function tourNumbers(s: AppState): TourNumbers | null {
  const layers = s.scoring?.layers;
  if (!layers) return null;
  const scores = layerMeanScores(s.settings.criterion, layers, s.runConfig?.seed ?? 0);
  const report = s.pruning.view?.report;
  const last = s.epochs[s.epochs.length - 1];
  const at90: TourNumbers['at90'] = {};
  if (s.sweep.scope === 'global' && s.sweep.granularity === 'weights') {
    for (const [c, curve] of Object.entries(s.sweep.curves)) {
      const a = curve ? accuracyAt(curve.val, 0.9) : null;
      if (a !== null) at90[c as Criterion] = a;
    }
  }
  const positive = scores.filter((v) => v > 0);
  return {
    dataset: s.settings.dataset,
    inputs: layers[0].inputs,
    weights: layers.reduce((a, l) => a + l.inputs * l.units, 0),
    layers: layers.map((l, i) => ({ name: l.name, meanScore: scores[i], sparsity: report ? report.layers[i].sparsity : null })),
    epochs: s.runConfig?.epochs ?? null,
    batchSize: s.runConfig?.batchSize ?? null,
    learningRate: s.runConfig?.learningRate ?? null,
    valAcc: last?.valAcc ?? s.pruning.dense?.val.accuracy ?? null,
    denseVal: s.pruning.dense?.val.accuracy ?? null,
    prunedVal: s.pruning.view?.val.accuracy ?? null,
    sparsity: report?.sparsity ?? null,
    at90,
    ratio: positive.length === scores.length && scores.length ? Math.max(...scores) / Math.min(...scores) : null,
  };
}
