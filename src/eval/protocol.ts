/**
 * Messages between the page and the evaluation workers, which run the pure pruning engine (src/core):
 * loading a network and its data, the training-set figures of the slider's position, the curves.
 * Discriminated unions on `type`; every answer names the request `id` it belongs to, and the page keeps
 * only the newest.
 */
import type { LayerArrays } from '../core/base';
import type { Criterion, Granularity, PruneIndex, PruneSpec } from '../core/prune';
import type { DataRef } from '../core/data';
import type { RatioSpread, Timing } from '../core/infer';
import type { EvalSplit, SplitEval, SweepEvent } from '../core/eval';
import type { WeightFormat } from '../core/formats';

export type { CurvePoint, SweepEvent } from '../core/eval';

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

export type { EvalSplit, PruneAnswer, SplitEval } from '../core/eval';

/** A prune index for each criterion and granularity, as the worker built them (the page sorts nothing). */
export type CriterionIndexes = Record<Criterion, Record<Granularity, PruneIndex>>;

/** Batch sizes timed: one prediction (what a web page waits for) and a batch of 256 (throughput). */
export const SPEED_BATCHES = [1, 256];
/**
 * A speed curve is measured in this many rounds over all its sparsities (each point's samples pooled
 * over them), so a disturbance of a few hundred milliseconds reaches one round of a point, not all.
 */
export const SPEED_ROUNDS = 3;
/** Paired samples per round and point (of ≥ 3 ms each): 3 × 4 = 12 per point, about the 11 of the single pass before. */
export const SPEED_SAMPLES = 4;

/** One measured inference speed: a mask's sparsity, a batch size, per-call times of each path. */
export interface SpeedPoint {
  /** The mask's measured sparsity (weights). */
  sparsity: number;
  batch: number;
  /** The masked kernels as dense matrices, and the same weights as CSR, in the same engine. */
  dense: Timing;
  csr: Timing;
  /** Neuron pruning: the smaller dense network left once the pruned units are removed, and its shape. */
  stripped: Timing | null;
  strippedShapes: number[] | null;
  /**
   * The speed-up of each path over dense (dense time ÷ its time), per paired sample (the two timed in
   * the same round of `timeInterleaved`), pooled over the measurement's rounds: median and 10th–90th percentile.
   */
  ratio: { csr: RatioSpread; stripped: RatioSpread | null };
  /** Largest |sparse − dense| logit over the batch: both paths compute the same network. */
  maxDiff: number;
  engine: 'wasm' | 'js';
}

/** One export format's measured size, and the validation accuracy of the network it decodes to. */
export interface SizeRow {
  format: WeightFormat;
  layout: 'dense' | 'csr';
  /** Who loads it: `tf.loadLayersModel` (TensorFlow.js's weight quantisation) or the lab's compact decoder. */
  loader: 'tfjs' | 'lab';
  bytes: number;
  gzipBytes: number;
  valAccuracy: number;
}

/** A speed or size measurement (`levels`: sparsities of the curve, null = the spec's own mask). */
export type MeasureRequest =
  | {
      type: 'speed';
      id: number;
      criterion: Criterion;
      spec: PruneSpec;
      levels: number[] | null;
      batches: number[];
      /** Rounds over all levels, and samples per round and level (SPEED_ROUNDS, SPEED_SAMPLES). */ rounds: number;
      samples: number;
    }
  | { type: 'sizes'; id: number; criterion: Criterion; spec: PruneSpec };

export type ToEval =
  | MeasureRequest
  /**
   * The MNIST file, fetched and decoded ahead of the load that will need it (a first visit's snapshot,
   * while the page still fetches it). `id`: the client's newest id (a prefetch numbers nothing).
   */
  | { type: 'prefetch'; id: number; dataUrl: string }
  /** A new network; with `report`, the worker answers 'loaded' (the slider's), else it loads silently (the curves'). */
  | {
      type: 'load';
      id: number;
      network: EvalNetwork;
      report: boolean;
      /** The page's criterion: its prune indexes come with 'loaded', the others' a moment later ('indexes'). */
      criterion?: Criterion;
    }
  /** The training figures of a spec, after TRAIN_PASS_DELAY_MS of quiet (a newer request supersedes it). */
  | {
      type: 'train';
      id: number;
      criterion: Criterion;
      spec: PruneSpec;
      /** Then also time the mask's inference ('speed-current'). */ speed?: boolean;
    }
  /** Curves for every criterion (validation first, then training), then per-layer sensitivity. */
  | {
      type: 'sweep';
      id: number;
      criteria: Criterion[];
      scope: PruneSpec['scope'];
      granularity: PruneSpec['granularity'];
      levels: number[];
      sensitivity: Criterion[];
    };

export type FromEval =
  | {
      type: 'loaded';
      id: number;
      /** The dense network's figures: the training set's follow ('train-dense'), its split is built after this message. */
      dense: { train: null; val: SplitEval };
      /** The dense network's validation logits, row-major `[n, classes]` (what pruning forgets is measured against them). */
      denseLogits: Float64Array;
      /**
       * The prune indexes of the criterion the load named (of every criterion if it named none), and the
       * validation split: the page evaluates slider moves itself, synchronously in the input's event, so
       * their numbers are painted in the input's frame.
       */
      indexes: Partial<CriterionIndexes>;
      val: EvalSplit;
      /** The worker's arithmetic: WebAssembly SIMD, or plain TypeScript where the browser lacks it. */
      engine: 'wasm' | 'js';
    }
  /** Milliseconds of one full pass over each split (the dense evaluations), to estimate a sweep's time; after 'loaded'. */
  | { type: 'timed'; id: number; fullPassMs: { val: number; train: number } }
  /** The other criteria's prune indexes, after 'loaded' and 'train-dense' (`id`: the load's). */
  | { type: 'indexes'; id: number; indexes: Partial<CriterionIndexes> }
  /** The dense network's training-set figures, after 'loaded' (`id`: the load's). */
  | { type: 'train-dense'; id: number; result: SplitEval }
  | { type: 'train-evaluated'; id: number; result: SplitEval; ms: number }
  /** The curve and sensitivity points computed since the last message (about every SWEEP_POST_MS). */
  | { type: 'sweep-points'; id: number; points: SweepEvent[]; done: number; total: number }
  | { type: 'sweep-done'; id: number; ms: number }
  /** The current mask's speed, measured after its training figures (`id` is that slider position's). */
  | { type: 'speed-current'; id: number; points: SpeedPoint[] }
  /**
   * A measurement's progress (`done` of `total` steps: rounds × levels), with each level's points once its
   * last round is done (earlier rounds send none), then its end.
   */
  | { type: 'speed-points'; id: number; points: SpeedPoint[]; done: number; total: number }
  | { type: 'speed-done'; id: number; ms: number }
  | { type: 'sizes-done'; id: number; sparsity: number; rows: SizeRow[] }
  /** A measurement failed (the slider's figures are not affected). */
  | { type: 'measure-error'; id: number; message: string }
  | { type: 'error'; id: number; message: string };

/** The buffers a worker message transfers (the worker sends copies of what it keeps). */
export function evalTransferables(msg: FromEval): ArrayBuffer[] {
  if (msg.type !== 'loaded' && msg.type !== 'indexes') return [];
  const arrays: ArrayBufferView[] = [];
  if (msg.type === 'loaded') {
    const f = msg.val.features;
    arrays.push(msg.denseLogits, msg.val.y, f.colPtr, f.colRow, f.colVal, f.rowPtr, f.rowCol, f.rowVal);
  }
  for (const byGranularity of Object.values(msg.indexes))
    for (const idx of Object.values(byGranularity ?? {}))
      for (const g of [idx.global, ...idx.groups]) arrays.push(g.order, g.values);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
