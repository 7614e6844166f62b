/**
 * Messages between the page and the evaluation workers, which run the pure pruning engine (src/core):
 * loading a network and its data, the training-set figures of the slider's position, the curves.
 * Discriminated unions on `type`; every answer names the request `id` it belongs to, and the page keeps
 * only the newest.
 */
import type { LayerArrays } from '../core/arch';
import type { Criterion } from '../core/criteria';
import type { DataRef } from '../core/dataset';
import type { Granularity, PruneIndex, PruneSpec } from '../core/masks';
import type { EvalSplit, SplitEval } from '../core/pruneEvaluator';
import type { SweepEvent } from '../core/sweep';

export type { CurvePoint, SweepEvent } from '../core/sweep';

/**
 * A trained network for the evaluators: its layers with their gradient statistics (kernels row-major
 * `[inputs, units]`), the run's seed (the `random` criterion) and where its data comes from. Each
 * worker loads the data itself from `dataUrl` and `data`: the page sends no features.
 */
export interface EvalNetwork {
  layers: LayerArrays[];
  seed: number;
  data: DataRef;
  /** The MNIST file's URL (resolved against the page). */
  dataUrl: string;
}

export type { EvalSplit, PruneAnswer, SplitEval } from '../core/pruneEvaluator';

/** A prune index for each criterion and granularity, as the worker built them (the page sorts nothing). */
export type CriterionIndexes = Record<Criterion, Record<Granularity, PruneIndex>>;

export type ToEval =
  /** A new network; with `report`, the worker answers 'loaded' (the slider's), else it loads silently (the curves'). */
  | { type: 'load'; id: number; network: EvalNetwork; report: boolean }
  /** The training figures of a spec, after TRAIN_PASS_DELAY_MS of quiet (a newer request supersedes it). */
  | { type: 'train'; id: number; criterion: Criterion; spec: PruneSpec }
  /** Curves for every criterion (validation first, then training), then per-layer sensitivity. */
  | { type: 'sweep'; id: number; criteria: Criterion[]; scope: PruneSpec['scope']; granularity: PruneSpec['granularity']; levels: number[]; sensitivity: Criterion[] };

export type FromEval =
  | {
      type: 'loaded';
      id: number;
      dense: { train: SplitEval; val: SplitEval };
      /**
       * Every criterion's prune index, and the validation split: the page evaluates slider moves
       * itself, synchronously in the input's event, so their numbers are painted in the input's frame.
       */
      indexes: CriterionIndexes;
      val: EvalSplit;
      /** Milliseconds of one full pass over each split (the dense evaluations), to estimate a sweep's time. */
      fullPassMs: { val: number; train: number };
      /** The worker's arithmetic: WebAssembly SIMD, or plain TypeScript where the browser lacks it. */
      engine: 'wasm' | 'js';
    }
  | { type: 'train-evaluated'; id: number; result: SplitEval; ms: number }
  /** The curve and sensitivity points computed since the last message (about every SWEEP_POST_MS). */
  | { type: 'sweep-points'; id: number; points: SweepEvent[]; done: number; total: number }
  | { type: 'sweep-done'; id: number; ms: number }
  | { type: 'error'; id: number; message: string };

/** The buffers a worker message transfers (the worker sends copies of what it keeps). */
export function evalTransferables(msg: FromEval): ArrayBuffer[] {
  if (msg.type !== 'loaded') return [];
  const f = msg.val.features;
  const arrays: ArrayBufferView[] = [msg.val.y, f.colPtr, f.colRow, f.colVal, f.rowPtr, f.rowCol, f.rowVal];
  for (const byGranularity of Object.values(msg.indexes)) for (const idx of Object.values(byGranularity)) for (const g of [idx.global, ...idx.groups]) arrays.push(g.order, g.values);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
