/**
 * The evaluation worker's load of a network: its data (from the MNIST file, the seeded generator or the
 * user's table, with the run's split) kept only as sparse features, the validation split's evaluator with
 * its prune indexes, and the training split's evaluator; what the slider's worker tells the page once it
 * is loaded ('loaded'), and the timing of a full pass over each split ('timed'), measured after that.
 */
import { type LayerArrays, yieldToEventLoop } from '../core/base';
import { CRITERIA, type Criterion, GRANULARITIES, type PruneIndex } from '../core/prune';
import {
  MaskedEvaluator,
  PruneEvaluator,
  splitEval,
  type EvalSplit,
  sparseFeatures,
  type SparseFeatures,
} from '../core/eval';
import { gatherSplit } from '../core/data';
import { loadRows } from '../data/load';
import type { CriterionIndexes, EvalNetwork, FromEval } from './protocol';

export interface Loaded {
  id: number;
  layers: LayerArrays[];
  splits: { val: EvalSplit; train: EvalSplit };
  /** The validation set's evaluator with the prune indexes (the worker's own: the page has copies). */
  pruner: PruneEvaluator;
  train: MaskedEvaluator;
  /** Validation rows, dense, for the speed measurements (made on first use). */
  speedRows?: Float32Array;
}

export const evaluator = (l: Pick<Loaded, 'layers'>, s: EvalSplit) =>
  new MaskedEvaluator(l.layers, s.features, s.y, s.n);

const copyIndex = (idx: PruneIndex): PruneIndex => {
  const g = (s: PruneIndex['global']) => ({ order: s.order.slice(), values: s.values.slice() });
  return {
    ...idx,
    shapes: idx.shapes.map((x) => ({ ...x })),
    offsets: [...idx.offsets],
    groups: idx.groups.map(g),
    global: g(idx.global),
  };
};
const copyFeatures = (f: SparseFeatures): SparseFeatures => ({
  ...f,
  colPtr: f.colPtr.slice(),
  colRow: f.colRow.slice(),
  colVal: f.colVal.slice(),
  rowPtr: f.rowPtr.slice(),
  rowCol: f.rowCol.slice(),
  rowVal: f.rowVal.slice(),
});

/** What the page needs first: the validation split and its evaluator with the prune indexes. */
export type FirstPart = Pick<Loaded, 'id' | 'layers' | 'pruner'> & { val: EvalSplit };

/**
 * Loads the network's data and builds its evaluators: the validation split's first (`first` hears of it:
 * the page's numbers need only that), then the training split's (4× larger). Null when `current()` says
 * a newer load came meanwhile.
 */
export async function loadNetwork(
  id: number,
  net: EvalNetwork,
  current: () => boolean,
  first: (part: FirstPart) => void = () => {},
): Promise<Loaded | null> {
  // Not cached: the data lives on only as sparse features.
  const { rows, train, val } = await loadRows(net.data, net.dataUrl, { cache: false });
  if (!current()) return null;
  const d = net.layers[0].inputs;
  if (rows.width !== d) throw new Error(`the ${rows.name} data has ${rows.width} inputs, the network ${d}`);
  const split = (indices: Uint32Array): EvalSplit => {
    const s = gatherSplit(indices, d, rows.labels, rows.row);
    return { features: sparseFeatures(s.x, s.n, d), y: s.y, n: s.n };
  };
  const valSplit = split(val);
  const pruner = new PruneEvaluator(net.layers, net.seed, valSplit);
  first({ id, layers: net.layers, pruner, val: valSplit });
  const trainSplit = split(train);
  const splits = { val: valSplit, train: trainSplit };
  return { id, layers: net.layers, splits, pruner, train: evaluator({ layers: net.layers }, trainSplit) };
}

const ones = (l: Pick<Loaded, 'layers'>) => l.layers.map((x) => new Uint8Array(x.inputs * x.units).fill(1));

/**
 * What the slider's worker sends the page first: copies of every prune index and of the validation
 * split, the dense validation figures.
 */
export function loadedMessage(l: FirstPart, criterion?: Criterion): Extract<FromEval, { type: 'loaded' }> {
  const indexes = indexesOf(l.pruner, criterion ? [criterion] : CRITERIA);
  const val = { features: copyFeatures(l.val.features), y: l.val.y.slice(), n: l.val.n };
  const { val: denseVal, logits: denseLogits } = l.pruner.denseWithLogits();
  const dense = { train: null, val: denseVal };
  return { type: 'loaded', id: l.id, dense, denseLogits, indexes, val, engine: l.pruner.engineKind };
}

/** Copies of the prune indexes of `criteria`, every granularity. */
export const indexesOf = (pruner: PruneEvaluator, criteria: readonly Criterion[]): Partial<CriterionIndexes> =>
  Object.fromEntries(
    criteria.map((c) => [c, Object.fromEntries(GRANULARITIES.map((g) => [g, copyIndex(pruner.index(c, g))]))]),
  );

/** The dense network's training-set figures, once its split is loaded. */
export const trainDense = (l: Loaded) => splitEval(l.train.evaluate(ones(l)));

/**
 * One full pass over each split, timed (to estimate a sweep's time): five groups of three passes each,
 * the fastest group taken, yielding between groups so that a slider request is not kept waiting. It runs
 * after the page has its first numbers, while the training worker starts: the least disturbed group is
 * the speed the curves get on a quiet page. Null when `live()` turns false (a newer network).
 */
export async function timeFullPasses(l: Loaded, live: () => boolean): Promise<{ val: number; train: number } | null> {
  const all = ones(l);
  const best = { val: Infinity, train: Infinity };
  for (let g = 0; g < 5; g++) {
    for (const [k, pass] of [
      ['train', () => l.train.evaluate(all)],
      ['val', () => l.pruner.dense()],
    ] as const) {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) pass();
      best[k] = Math.min(best[k], (performance.now() - t0) / 3);
    }
    await yieldToEventLoop();
    if (!live()) return null;
  }
  return best;
}
