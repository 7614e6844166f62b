/**
 * Thresholds and masks. A mask is one Uint8Array per layer, row-major `[inputs, units]` like the
 * kernel: 1 = kept, 0 = pruned. Every rule reduces to "prune a prefix of a fixed sorted order", so the
 * slider, the sweep and the exports all agree. One tie rule for every ranking (README, "Rules of the
 * masks"): items are ordered by (score, layer, index) ascending — equal scores, the lower index goes first
 * (row-major weight index, unit index for neurons); NaN ranks as −∞.
 *  - threshold mode: a weight (or unit) is pruned iff score < T; T = 0 prunes nothing (scores ≥ 0);
 *  - sparsity mode: the ⌊s·N⌋ lowest (score, layer, index) are pruned;
 *  - per-layer scope: each layer is pruned to the same sparsity (in threshold mode, the share of all
 *    scores below T); global scope: one T across all layers (the article's);
 *  - neuron granularity: a hidden unit's score is the mean score of its incoming weights; pruning it
 *    removes its kernel column and its row in the next kernel. Output units are never pruned;
 *  - 2:4 granularity (N:M sparsity): weights, but only the 2 lowest (score, input index) of every 4
 *    consecutive inputs of a unit may go (`nmCandidates`; a last group of 3 offers 1, of 1 or 2 none); the
 *    others score +Infinity and are never pruned, so sparsity stops at 50 %, where the mask is exactly 2:4.
 */
import { nmCandidates } from './allocation';
import { scoreLayers, type Criterion, type ScoredLayer } from './criteria';

export const SCOPES = ['global', 'per-layer'] as const;
export type Scope = (typeof SCOPES)[number];
export const GRANULARITIES = ['weights', 'neurons', '2:4'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type Mode = 'threshold' | 'sparsity';
export type Masks = Uint8Array[];

export interface Shape {
  inputs: number;
  units: number;
}

export interface PruneSpec {
  mode: Mode;
  /** T in threshold mode, s ∈ [0, 1] in sparsity mode. */
  value: number;
  scope: Scope;
  granularity: Granularity;
}

/** Items (weights or hidden units) of one group sorted by (score, index); built once per criterion. */
export interface SortedGroup {
  /** Item indices in ascending score order, ties by index. */
  order: Uint32Array;
  /** Scores in that order. */
  values: Float32Array;
}

/** Sorts a score array (ties broken by position; NaN scores count as -Infinity). Pure. */
export function sortScores(scores: Float32Array): SortedGroup {
  const n = scores.length;
  // Order-preserving unsigned keys of the float32 bits (NaN as −∞, −0 as +0), sorted by a stable LSD
  // radix sort (11 + 11 + 10 bits) of (key, index) pairs that start in index order: ties stay in index
  // order. Several times faster than the native sort of packed float64 keys it replaced (same result).
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  let keys = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let b = bits[i];
    if ((b & 0x7fffffff) > 0x7f800000) b = 0xff800000;
    else if (b === 0x80000000) b = 0;
    keys[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    order[i] = i;
  }
  let keysTo = new Uint32Array(n);
  let orderTo = new Uint32Array(n);
  const count = new Uint32Array(2048);
  for (const shift of [0, 11, 22]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i] >>> shift) & 0x7ff]++;
    if (n > 0 && count[(keys[0] >>> shift) & 0x7ff] === n) continue; // one digit for all: already in order
    for (let d = 0, sum = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(keys[i] >>> shift) & 0x7ff]++;
      keysTo[at] = keys[i];
      orderTo[at] = order[i];
    }
    [keys, keysTo, order, orderTo] = [keysTo, keys, orderTo, order];
  }
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = scores[order[i]];
    values[i] = Number.isNaN(v) ? -Infinity : v;
  }
  return { order, values };
}

/** Number of values strictly below t in an ascending array. */
export function countBelow(sorted: Float32Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Hidden-unit scores: mean score of each unit's incoming weights (column mean), accumulated in float64
 * and rounded once to float32 (the type of every score). New array `[units]`.
 */
export function unitScores(scores: Float32Array, shape: Shape): Float32Array {
  const sum = new Float64Array(shape.units);
  for (let i = 0; i < shape.inputs; i++) for (let j = 0; j < shape.units; j++) sum[j] += scores[i * shape.units + j];
  return Float32Array.from(sum, (v) => v / shape.inputs);
}

/** The sorted items for a criterion's scores: per layer, plus all layers concatenated (global ids). */
export interface PruneIndex {
  granularity: Granularity;
  shapes: Shape[];
  /** Per pruned group (every layer for weights, every hidden layer for neurons). */
  groups: SortedGroup[];
  /** All groups together; item id = offset of its group + index. */
  global: SortedGroup;
  offsets: number[];
}

export function buildPruneIndex(
  scores: readonly Float32Array[],
  shapes: Shape[],
  granularity: Granularity,
): PruneIndex {
  const items =
    granularity === 'weights'
      ? scores.slice()
      : granularity === '2:4'
        ? scores.map((s, l) => nmCandidates(s, shapes[l].inputs, shapes[l].units))
        : scores.slice(0, -1).map((s, l) => unitScores(s, shapes[l]));
  const offsets: number[] = [];
  let total = 0;
  for (const g of items) {
    offsets.push(total);
    total += g.length;
  }
  const all = new Float32Array(total);
  items.forEach((g, l) => all.set(g, offsets[l]));
  return { granularity, shapes, groups: items.map(sortScores), global: sortScores(all), offsets };
}

/**
 * The prune index of a criterion on trained layers: their scores (`seed` only matters for `random`),
 * sorted once per granularity. The one place the page, the workers and the harness build it. `scores`:
 * the criterion's scores of these layers when computed already (for another granularity).
 */
export function criterionIndex(
  criterion: Criterion,
  layers: readonly (ScoredLayer & Shape)[],
  granularity: Granularity,
  seed: number,
  scores: readonly Float32Array[] = scoreLayers(criterion, layers, seed),
): PruneIndex {
  return buildPruneIndex(
    scores,
    layers.map(({ inputs, units }) => ({ inputs, units })),
    granularity,
  );
}

export interface PruneResult {
  masks: Masks;
  /** Items pruned per group (weights per layer, or units per hidden layer). */
  prunedPerGroup: number[];
  /** Equivalent global threshold: score of the first kept item (Infinity when all are pruned). */
  threshold: number;
  /** Per group, the score of its first kept item. */
  groupThresholds: number[];
  /** For neurons: per hidden layer, 1 = unit kept. */
  units?: Uint8Array[];
}

const firstKept = (g: SortedGroup, k: number) => (k < g.values.length ? g.values[k] : Infinity);

/** Items of a group that may be pruned: all but those scoring +Infinity (the kept 2 of every 4 in 2:4). */
export const prunable = (g: SortedGroup) => countBelow(g.values, Infinity);

/** How many items of each group the spec prunes. */
export function prunedCounts(index: PruneIndex, spec: PruneSpec): number[] {
  const { global, groups, offsets } = index;
  const n = global.values.length;
  const globalK = Math.min(
    prunable(global),
    spec.mode === 'threshold' ? countBelow(global.values, spec.value) : Math.floor(clamp01(spec.value) * n + 1e-9),
  );
  if (spec.scope === 'per-layer') {
    const s = n > 0 ? globalK / n : 0;
    return groups.map((g) =>
      Math.min(prunable(g), Math.floor((spec.mode === 'threshold' ? s : clamp01(spec.value)) * g.values.length + 1e-9)),
    );
  }
  const counts = groups.map(() => 0);
  for (let r = 0; r < globalK; r++) {
    const id = global.order[r];
    let l = offsets.length - 1;
    while (offsets[l] > id) l--;
    counts[l]++;
  }
  return counts;
}

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/**
 * Masks for a spec. In global scope the pruned set is the prefix of the global order; per layer, the
 * prefix of each group's order. Returns new arrays.
 */
export function computeMasks(index: PruneIndex, spec: PruneSpec): PruneResult {
  const counts = prunedCounts(index, spec);
  const { shapes, groups } = index;
  const masks = shapes.map((s) => new Uint8Array(s.inputs * s.units).fill(1));
  // In global scope the per-group prefix of the group order equals the items taken from the global
  // prefix, because both orders break ties by index within a group.
  const pruned = groups.map((g, l) => g.order.subarray(0, counts[l]));
  let units: Uint8Array[] | undefined;
  if (index.granularity !== 'neurons') {
    pruned.forEach((ids, l) => {
      const m = masks[l];
      for (let k = 0; k < ids.length; k++) m[ids[k]] = 0;
    });
  } else {
    units = groups.map((g) => new Uint8Array(g.order.length).fill(1));
    pruned.forEach((ids, l) => {
      const keep = units![l];
      for (let k = 0; k < ids.length; k++) keep[ids[k]] = 0;
    });
    units.forEach((keep, l) => {
      const s = shapes[l],
        next = shapes[l + 1];
      for (let j = 0; j < s.units; j++) {
        if (keep[j]) continue;
        for (let i = 0; i < s.inputs; i++) masks[l][i * s.units + j] = 0;
        masks[l + 1].fill(0, j * next.units, (j + 1) * next.units);
      }
    });
  }
  const globalK = counts.reduce((a, b) => a + b, 0);
  return {
    masks,
    prunedPerGroup: counts,
    threshold: spec.scope === 'global' ? firstKept(index.global, globalK) : NaN,
    groupThresholds: groups.map((g, l) => firstKept(g, counts[l])),
    units,
  };
}
