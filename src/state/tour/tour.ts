/**
 * The guided tour (as Transformer Explainer's "textbook" pages): a table of steps, each of which sets
 * the state it talks about (pruning settings, heatmap view), names the part of the page it explains,
 * and the panels presenter mode shows with it. Its text is in the catalogues (`tour.<id>.title|body`),
 * filled with the numbers of the network on screen (`tourNumbers`), never hard-coded ones. Leaving the
 * tour keeps the current state. Pure, apart from `openStep`'s two controller calls.
 */
import { ARTICLE_T } from '../../core/prune';
import { PANELS, type Flags, type Panel, type Settings } from '../store';

/**
 * What presenter mode can lay out: the panels of `hide=`, and single panels of the experiments group
 * (`article`: the article's code; `experiments` alone is the fine-tuning experiments panel there).
 */
export type StagePanel = Panel | 'article' | 'tickets' | 'gradual';
export const STAGE_PANELS: readonly StagePanel[] = [...PANELS, 'article', 'tickets', 'gradual'];

export type TourAction = 'article-code' | 'finetune' | 'iterative' | 'train';

export const TOUR_IDS = [
  'network',
  'training',
  'gradient',
  'heatmaps',
  'rule',
  'collapse',
  'article',
  'repairs',
  'finetune',
  'forget',
  'next',
] as const;
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
  /**
   * What presenter mode shows during the step, besides the card: the wide panels in the main column, the
   * pruning panel (and the experiments) in the side column under the card.
   */
  panels: StagePanel[];
  /** A button in the step's card that runs the step's experiment. */
  action?: TourAction;
}

/** The article's rule, as the tour shows it: |∂L/∂w| < T at T = 0.01, one global threshold, single weights. */
const ARTICLE_RULE: Partial<Settings> = {
  criterion: 'gradient',
  mode: 'threshold',
  threshold: Math.fround(ARTICLE_T),
  scope: 'global',
  granularity: 'weights',
  view: 'score',
};

export const TOUR_STEPS: readonly TourStep[] = [
  { id: 'network', settings: { view: 'weights' }, targets: ['heatmaps'], panels: ['heatmaps', 'pruning'] },
  {
    id: 'training',
    settings: {},
    targets: ['panel:curves.loss', 'progress'],
    panels: ['progress', 'curves'],
    action: 'train',
  },
  {
    id: 'gradient',
    settings: { criterion: 'gradient', view: 'score' },
    targets: ['grads.panel'],
    panels: ['stats', 'heatmaps'],
  },
  {
    id: 'heatmaps',
    settings: { criterion: 'gradient', view: 'score', scale: 'log', mode: 'sparsity', sparsity: 0.5 },
    targets: ['heatmaps'],
    panels: ['heatmaps', 'pruning'],
  },
  { id: 'rule', settings: ARTICLE_RULE, targets: ['pruning'], panels: ['heatmaps', 'pruning'] },
  { id: 'collapse', settings: ARTICLE_RULE, targets: ['prune.collapse', 'pruning'], panels: ['heatmaps', 'pruning'] },
  {
    id: 'article',
    settings: ARTICLE_RULE,
    targets: ['article'],
    panels: ['heatmaps', 'article'],
    action: 'article-code',
  },
  {
    id: 'repairs',
    settings: {
      criterion: 'taylor',
      mode: 'sparsity',
      sparsity: 0.9,
      scope: 'global',
      granularity: 'weights',
      view: 'score',
    },
    targets: ['chart'],
    panels: ['chart', 'pruning'],
  },
  {
    id: 'finetune',
    settings: { criterion: 'magnitude', mode: 'sparsity', sparsity: 0.9, scope: 'global', granularity: 'weights' },
    targets: ['finetune'],
    panels: ['heatmaps', 'pruning'],
    action: 'finetune',
  },
  {
    id: 'forget',
    settings: { criterion: 'magnitude', mode: 'sparsity', sparsity: 0.9, scope: 'global', granularity: 'weights' },
    targets: ['forget'],
    panels: ['chart', 'forget'],
  },
  {
    id: 'next',
    settings: { criterion: 'magnitude', mode: 'sparsity', sparsity: 0.9 },
    targets: ['experiments'],
    panels: ['chart', 'experiments'],
    action: 'iterative',
  },
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
