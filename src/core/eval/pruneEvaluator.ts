/**
 * What the slider shows for a pruning spec on one trained network: the masks, their report and the
 * figures of one split, evaluated incrementally from the previous position. Keeps one prune index per
 * (criterion, granularity), built on first use. Used on the page for the validation set (so a slider
 * move is evaluated and painted in the frame of its input) and in the evaluation worker.
 */
import type { LayerArrays } from '../base';
import {
  type Criterion,
  maskReport,
  type MaskReport,
  computeMasks,
  criterionIndex,
  scoreLayers,
  type Granularity,
  type PruneIndex,
  type PruneSpec,
} from '../prune';
import { MaskedEvaluator, type EvalResult } from './maskedEval';
import type { SparseFeatures } from './sparseFeatures';

/** Loss, accuracy and per-class accuracy of one split. */
export interface SplitEval {
  accuracy: number;
  loss: number;
  perClass: number[];
}

export const splitEval = (r: EvalResult): SplitEval => ({
  accuracy: r.accuracy,
  loss: r.loss,
  perClass: Array.from(r.perClass),
});

/** One split in the form the evaluators need: sparse features and labels. */
export interface EvalSplit {
  features: SparseFeatures;
  y: Uint8Array;
  n: number;
}

/** The masks of a spec and what they do to one split. */
export interface PruneAnswer {
  criterion: Criterion;
  spec: PruneSpec;
  masks: Uint8Array[];
  units: Uint8Array[] | null;
  report: MaskReport;
  threshold: number;
  groupThresholds: number[];
  val: SplitEval;
  /** The split's logits under the masks, row-major `[n, classes]` (what pruning forgets is read from them). */
  logits: Float64Array;
  /** Milliseconds of the evaluation, and whether it was a full pass (else incremental). */
  valMs: number;
  valFull: boolean;
}

export class PruneEvaluator {
  private readonly indexes = new Map<string, PruneIndex>();
  private readonly scores = new Map<Criterion, Float32Array[]>();
  private readonly evaluator: MaskedEvaluator;

  /** @param indexes prune indexes already built for these layers (by criterion, then granularity) */
  constructor(
    readonly layers: LayerArrays[],
    private readonly seed: number,
    split: EvalSplit,
    indexes?: Partial<Record<Criterion, Partial<Record<Granularity, PruneIndex>>>>,
  ) {
    this.evaluator = new MaskedEvaluator(layers, split.features, split.y, split.n);
    for (const [c, byGranularity] of Object.entries(indexes ?? {}))
      for (const [g, idx] of Object.entries(byGranularity ?? {})) this.indexes.set(`${c}/${g}`, idx);
  }

  get engineKind(): 'wasm' | 'js' {
    return this.evaluator.engineKind;
  }

  /** Prune indexes built elsewhere (the worker's, sent later): taken unless this one has built its own. */
  addIndexes(indexes: Partial<Record<Criterion, Partial<Record<Granularity, PruneIndex>>>>): void {
    for (const [c, byGranularity] of Object.entries(indexes))
      for (const [g, idx] of Object.entries(byGranularity ?? {}))
        if (!this.indexes.has(`${c}/${g}`)) this.indexes.set(`${c}/${g}`, idx);
  }

  index(criterion: Criterion, granularity: Granularity): PruneIndex {
    const key = `${criterion}/${granularity}`;
    let idx = this.indexes.get(key);
    if (!idx) {
      // The criterion's scores computed once for its three granularities.
      let scores = this.scores.get(criterion);
      if (!scores) this.scores.set(criterion, (scores = scoreLayers(criterion, this.layers, this.seed)));
      idx = criterionIndex(criterion, this.layers, granularity, this.seed, scores);
      this.indexes.set(key, idx);
    }
    return idx;
  }

  /** The split's figures with every weight kept. */
  dense(): SplitEval {
    return splitEval(this.evaluator.evaluate(this.ones()));
  }

  /** The split's figures and logits (row-major `[n, classes]`, a new array) with every weight kept. */
  denseWithLogits(): { val: SplitEval; logits: Float64Array } {
    const { result, logits } = this.evaluator.logits(this.ones());
    return { val: splitEval(result), logits };
  }

  private ones(): Uint8Array[] {
    return this.layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));
  }

  /** The answer for a spec. Returns new arrays (the evaluator keeps its own copy of the first mask). */
  evaluate(criterion: Criterion, spec: PruneSpec): PruneAnswer {
    const res = computeMasks(this.index(criterion, spec.granularity), spec);
    const t0 = performance.now();
    const { result, logits } = this.evaluator.logits(res.masks);
    const val = splitEval(result);
    const valMs = performance.now() - t0;
    return {
      criterion,
      spec,
      masks: res.masks,
      units: res.units ?? null,
      report: maskReport(res.masks, this.layers, res.units ?? null),
      threshold: res.threshold,
      groupThresholds: res.groupThresholds,
      val,
      logits,
      valMs,
      valFull: this.evaluator.work.full,
    };
  }
}
