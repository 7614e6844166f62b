/**
 * The collapse warning's one-click repairs, planned. A repair sets what keeps every layer alive (per-layer
 * scope, or a criterion that scales with the weights); where the current sparsity is beyond what the
 * repaired setting survives, it also lowers the sparsity: mode *target sparsity*, at the highest level of
 * a small grid at which validation accuracy stays within REPAIR_TOLERANCE of the dense network's. A repair
 * never prunes more than the settings it repairs. Pure: a plan is a generator that yields the evaluations
 * it needs (the caller runs them, all at once or one per task) and returns the plan; and the state slice
 * that keeps the plans shown beside the buttons and the last repair applied (for its sentence and Undo).
 */
import type { Criterion, PruneSpec } from '../../core/prune';
import { PRUNING_KEYS, type Settings } from './settings';

export const REPAIR_KINDS = ['scope', 'lamp', 'taylor', 'magnitude'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];

/** "Close to the dense network": validation accuracy at most this far below it (2 points). */
export const REPAIR_TOLERANCE = 0.02;

/** Target sparsities a repair may fall back to, ascending (shares of the items pruned: weights, or units). */
export const REPAIR_LEVELS: readonly number[] = [
  0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98,
  0.99,
];

/** The settings a pruning mask depends on. */
export type PruningSettings = Pick<Settings, (typeof PRUNING_KEYS)[number]>;

export const pruningSettingsOf = (s: PruningSettings): PruningSettings =>
  Object.fromEntries(PRUNING_KEYS.map((k) => [k, s[k]])) as unknown as PruningSettings;
export const samePruning = (a: PruningSettings, b: PruningSettings) => PRUNING_KEYS.every((k) => a[k] === b[k]);

/** The repairs offered for a collapse under these settings: per-layer scope if the scope is global, and the criteria not in use. */
export function repairsFor(s: Pick<Settings, 'criterion' | 'scope'>): RepairKind[] {
  return REPAIR_KINDS.filter((k) => (k === 'scope' ? s.scope === 'global' : k !== s.criterion));
}

/** What a repair itself changes (a new criterion in threshold mode keeps the sparsity: see `settingsChange`). */
export const repairPatch = (kind: RepairKind): Partial<Settings> =>
  kind === 'scope' ? { scope: 'per-layer' } : { criterion: kind };

/** One evaluation of the validation split: a criterion and a spec. */
export interface Probe {
  criterion: Criterion;
  spec: PruneSpec;
}

/** What the planner needs of an evaluation: the share of weights pruned and the validation accuracy, as the pruning panel shows them. */
export interface ProbeResult {
  sparsity: number;
  accuracy: number;
}

/** Where a repair starts from. */
export interface RepairContext {
  settings: Pick<Settings, 'criterion' | 'scope' | 'granularity'>;
  /** The share of items (weights, or hidden units) the current settings prune. */
  current: number;
  /** The dense network's validation accuracy. */
  dense: number;
  /** The repair applied at the current sparsity, exactly as the click would apply it. */
  keep: (kind: RepairKind) => Probe;
}

export interface RepairPlan {
  kind: RepairKind;
  /** The settings the click applies. */
  patch: Partial<Settings>;
  /** The repair at the current sparsity. */
  atCurrent: ProbeResult;
  /** null: the sparsity stays; else the target sparsity it falls back to (a level of REPAIR_LEVELS). */
  level: number | null;
  /** What the repaired network gives. */
  result: ProbeResult;
  /** Whether that is within REPAIR_TOLERANCE of the dense network (false: no level tried was). */
  close: boolean;
}

/** Within the tolerance of `dense` (a hair of slack for the float subtraction: 0.937 − 0.02 is 0.91700…01). */
export const isClose = (accuracy: number, dense: number) => accuracy >= dense - REPAIR_TOLERANCE - 1e-9;

/**
 * A repair's plan. Yields the repair at the current sparsity first; if that is not close to the dense
 * network, the grid's levels below the current sparsity in ascending order until one is not (the level
 * before it is the plan's). If even the lowest level is not close, the plan takes it and says so (`close`).
 */
export function* planRepair(kind: RepairKind, at: RepairContext): Generator<Probe, RepairPlan, ProbeResult> {
  const patch = repairPatch(kind);
  const atCurrent = yield at.keep(kind);
  if (isClose(atCurrent.accuracy, at.dense))
    return { kind, patch, atCurrent, level: null, result: atCurrent, close: true };
  const criterion = kind === 'scope' ? at.settings.criterion : kind;
  const scope = kind === 'scope' ? 'per-layer' : at.settings.scope;
  type Tried = { level: number; result: ProbeResult };
  let first: Tried | null = null;
  let best: Tried | null = null;
  for (const level of REPAIR_LEVELS) {
    if (level >= at.current) break;
    const result = yield {
      criterion,
      spec: { mode: 'sparsity', value: level, scope, granularity: at.settings.granularity },
    };
    first ??= { level, result };
    if (!isClose(result.accuracy, at.dense)) break;
    best = { level, result };
  }
  const chosen = best ?? first;
  if (!chosen) return { kind, patch, atCurrent, level: null, result: atCurrent, close: false };
  return {
    kind,
    patch: { ...patch, mode: 'sparsity', sparsity: chosen.level },
    atCurrent,
    level: chosen.level,
    result: chosen.result,
    close: best !== null,
  };
}

/** Runs a plan to its end at once, with `probe` answering each evaluation. */
export function runPlan(plan: Generator<Probe, RepairPlan, ProbeResult>, probe: (p: Probe) => ProbeResult): RepairPlan {
  let step = plan.next();
  while (!step.done) step = plan.next(probe(step.value));
  return step.value;
}

/** A repair the user applied: what it changed from (settings and the panel's numbers then) and to. */
export interface AppliedRepair {
  plan: RepairPlan;
  /** The network it was applied to (the evaluation's load id). */
  loadId: number;
  before: { settings: PruningSettings; sparsity: number; accuracy: number };
  after: PruningSettings;
}

export interface RepairState {
  /** The offered repairs' plans for the settings `key` names (filled in one by one). */
  previews: { key: string; plans: Partial<Record<RepairKind, RepairPlan>> } | null;
  applied: AppliedRepair | null;
}

export const initialRepair = (): RepairState => ({ previews: null, applied: null });

/** The previews' key: the network and the pruning settings the plans start from. */
export const previewKey = (loadId: number, s: PruningSettings) => [loadId, ...PRUNING_KEYS.map((k) => s[k])].join('|');

/** Pure: the state with one more plan for `key` (a plan for another key starts the previews afresh). */
export function withPreview(s: RepairState, key: string, plan: RepairPlan): RepairState {
  const plans = s.previews?.key === key ? s.previews.plans : {};
  return { ...s, previews: { key, plans: { ...plans, [plan.kind]: plan } } };
}

/** The applied repair while its settings are still the ones on screen (on the same network), else null. */
export function shownRepair(s: {
  repair: RepairState;
  settings: Settings;
  pruning: { loadId: number };
}): AppliedRepair | null {
  const a = s.repair.applied;
  return a && a.loadId === s.pruning.loadId && samePruning(a.after, s.settings) ? a : null;
}
