/**
 * Accuracy-vs-sparsity sweeps. The pruned set only grows as the target sparsity rises, so a sweep
 * walks each criterion's sorted order once: at every level it zeroes just the newly pruned items in the
 * masks and lets the incremental evaluator update the first layer by the flipped weights.
 * A generator, so the caller decides when to yield to the event loop and can stop at any point.
 */
import { type Criterion, computeMasks, prunedCounts, type Granularity, type PruneIndex, type Scope } from '../prune';
import type { EvalResult, MaskedEvaluator } from './maskedEval';

/** One point of an accuracy-vs-sparsity curve. */
export interface CurvePoint {
  /** Requested fraction of items. */
  target: number;
  /** Actual weight sparsity of the mask. */
  sparsity: number;
  /** Equivalent global T (NaN per layer). */
  threshold: number;
  accuracy: number;
  loss: number;
  /** Accuracy per class (validation points of `allCurves`; NaN for a class without samples). */
  perClass?: number[];
}

export interface SweepPoint {
  /** Requested fraction of items (weights, or hidden units for neurons). */
  target: number;
  /** Actual weight sparsity of the mask. */
  sparsity: number;
  /** Equivalent global threshold (NaN in per-layer scope). */
  threshold: number;
  train: EvalResult | null;
  val: EvalResult;
}

/** `count` evenly spaced levels from 0 to `max` inclusive (default 51 levels, 0–99%). */
export function sweepLevels(count = 51, max = 0.99): number[] {
  return Array.from({ length: count }, (_, k) => (count === 1 ? 0 : Number(((max * k) / (count - 1)).toFixed(6))));
}

export interface SweepOptions {
  scope: Scope;
  granularity: Granularity;
  levels?: number[];
}

/**
 * Yields one point per level, in ascending order of `levels`, skipping levels that prune nothing more than
 * the previous one (so sparsity strictly increases along the curve). Evaluators are used incrementally
 * (their cached first layer follows the masks). `train` may be omitted to sweep validation only.
 */
export function* sweep(
  index: PruneIndex,
  evaluators: { val: MaskedEvaluator; train?: MaskedEvaluator },
  opts: SweepOptions,
): Generator<SweepPoint> {
  const levels = [...(opts.levels ?? sweepLevels())].sort((a, b) => a - b);
  // Masks at the first level, then only the newly pruned items at each next level.
  const initial = computeMasks(index, {
    mode: 'sparsity',
    value: levels[0],
    scope: opts.scope,
    granularity: opts.granularity,
  });
  const masks = initial.masks;
  let counts = initial.prunedPerGroup;
  let first = true;
  for (const target of levels) {
    const spec = { mode: 'sparsity' as const, value: target, scope: opts.scope, granularity: opts.granularity };
    const next = prunedCounts(index, spec);
    if (!first && next.every((c, l) => c === counts[l])) continue;
    first = false;
    index.groups.forEach((g, l) => {
      for (let r = counts[l]; r < next[l]; r++) pruneItem(index, masks, l, g.order[r]);
    });
    counts = next;
    let live = 0;
    let total = 0;
    for (const m of masks) {
      total += m.length;
      for (let i = 0; i < m.length; i++) live += m[i];
    }
    const k = counts.reduce((a, b) => a + b, 0);
    yield {
      target,
      sparsity: total ? 1 - live / total : 0,
      threshold: opts.scope === 'global' ? (k < index.global.values.length ? index.global.values[k] : Infinity) : NaN,
      train: evaluators.train ? evaluators.train.evaluate(masks) : null,
      val: evaluators.val.evaluate(masks),
    };
  }
}

function pruneItem(index: PruneIndex, masks: Uint8Array[], group: number, item: number): void {
  if (index.granularity !== 'neurons') {
    masks[group][item] = 0;
    return;
  }
  const s = index.shapes[group];
  const next = index.shapes[group + 1];
  for (let i = 0; i < s.inputs; i++) masks[group][i * s.units + item] = 0;
  masks[group + 1].fill(0, item * next.units, (item + 1) * next.units);
}

/** The levels of the per-layer sensitivity: 0 to 95% in 5% steps, then 99%. */
export const SENSITIVITY_LEVELS = Array.from({ length: 21 }, (_, k) => Math.min(0.99, k * 0.05));

export interface SensitivityPoint {
  /** Sparsity of this layer alone. */
  sparsity: number;
  val: EvalResult;
}

/**
 * Per-layer sensitivity (SparseML / NNI style): for layer `group` alone, accuracy as it is pruned along
 * its own sorted order (weights granularity), every other layer dense. Same masks and evaluator as real
 * pruning; for the first layer the evaluator's incremental update applies.
 */
export function* layerSensitivity(
  index: PruneIndex,
  group: number,
  evaluator: MaskedEvaluator,
  levels: number[] = sweepLevels(21),
): Generator<SensitivityPoint> {
  if (index.granularity !== 'weights') throw new Error('layer sensitivity is defined for weight granularity');
  const masks = index.shapes.map((s) => new Uint8Array(s.inputs * s.units).fill(1));
  const g = index.groups[group];
  const n = g.order.length;
  let done = 0;
  for (const target of [...levels].sort((a, b) => a - b)) {
    const k = Math.floor(Math.min(1, Math.max(0, target)) * n + 1e-9);
    for (; done < k; done++) masks[group][g.order[done]] = 0;
    yield { sparsity: n ? done / n : 0, val: evaluator.evaluate(masks) };
  }
}

/** One point of a sweep of every criterion: a curve point or a sensitivity point. */
export type SweepEvent =
  | { kind: 'curve'; criterion: Criterion; split: 'val' | 'train'; point: CurvePoint }
  | { kind: 'sensitivity'; criterion: Criterion; layer: number; point: { sparsity: number; accuracy: number } };

export interface AllCurvesOptions {
  criteria: readonly Criterion[];
  scope: Scope;
  granularity: Granularity;
  levels: readonly number[];
  /** Criteria whose per-layer sensitivity follows the curves (weights granularity). */
  sensitivity: readonly Criterion[];
  layers: number;
}

/** How many points `allCurves` yields at most (levels that prune nothing more are skipped). */
export const allCurvesTotal = (o: AllCurvesOptions) =>
  o.criteria.length * 2 * o.levels.length + o.sensitivity.length * o.layers * SENSITIVITY_LEVELS.length;

/**
 * Every curve — validation first (it draws quickly), then training, criteria in order — then each
 * layer's sensitivity alone, using one evaluator per split in that order. The evaluators are incremental,
 * so the last bits of a point depend on the order: this is the one order the app uses (the curves
 * worker, and the snapshot test that replays it).
 */
export function* allCurves(
  indexOf: (criterion: Criterion, granularity: Granularity) => PruneIndex,
  evaluators: { val: MaskedEvaluator; train: MaskedEvaluator },
  o: AllCurvesOptions,
): Generator<SweepEvent> {
  for (const split of ['val', 'train'] as const) {
    for (const criterion of o.criteria) {
      for (const p of sweep(
        indexOf(criterion, o.granularity),
        { val: evaluators[split] },
        { scope: o.scope, granularity: o.granularity, levels: [...o.levels] },
      )) {
        yield {
          kind: 'curve',
          criterion,
          split,
          point: {
            target: p.target,
            sparsity: p.sparsity,
            threshold: p.threshold,
            accuracy: p.val.accuracy,
            loss: p.val.loss,
            ...(split === 'val' ? { perClass: Array.from(p.val.perClass) } : {}),
          },
        };
      }
    }
  }
  for (const criterion of o.sensitivity) {
    const index = indexOf(criterion, 'weights');
    for (let layer = 0; layer < o.layers; layer++) {
      for (const p of layerSensitivity(index, layer, evaluators.val, SENSITIVITY_LEVELS))
        yield { kind: 'sensitivity', criterion, layer, point: { sparsity: p.sparsity, accuracy: p.val.accuracy } };
    }
  }
}
