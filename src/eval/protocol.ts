/**
 * Messages between the page and the evaluation worker, which runs the pure pruning engine (src/core)
 * off the main thread so a slider drag never blocks the page. Discriminated unions on `type`; every
 * answer names the request `id` it belongs to, and the page keeps only the newest.
 */
import type { LayerArrays } from '../core/arch';
import type { Criterion } from '../core/criteria';
import type { DataRef } from '../core/dataset';
import type { MaskReport } from '../core/maskReport';
import type { PruneSpec } from '../core/masks';
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

export interface SplitEval {
  accuracy: number;
  loss: number;
  perClass: number[];
}

export type ToEval =
  | { type: 'load'; id: number; network: EvalNetwork }
  | { type: 'evaluate'; id: number; criterion: Criterion; spec: PruneSpec; withTrain: boolean }
  /** Curves for every criterion (validation first, then training), then per-layer sensitivity. */
  | { type: 'sweep'; id: number; criteria: Criterion[]; scope: PruneSpec['scope']; granularity: PruneSpec['granularity']; levels: number[]; sensitivity: Criterion[] };

export type FromEval =
  | {
      type: 'loaded';
      id: number;
      dense: { train: SplitEval; val: SplitEval };
      /** Per criterion, all scores in ascending order (weights, and hidden units for neurons): the
       * page maps a threshold to the sparsity it gives (and back) without asking the worker. */
      sorted: Record<Criterion, { weights: Float32Array; units: Float32Array }>;
      /** The evaluator's arithmetic: WebAssembly SIMD, or plain TypeScript where the browser lacks it. */
      engine: 'wasm' | 'js';
    }
  /**
   * Masks with the validation figures (one message, one render: the validation pass takes a few ms),
   * then the training figures when the slider rests.
   */
  | { type: 'masks'; id: number; criterion: Criterion; spec: PruneSpec; masks: Uint8Array[]; units: Uint8Array[] | null; report: MaskReport; threshold: number; groupThresholds: number[]; val: SplitEval; valMs: number; valFull: boolean }
  | { type: 'train-evaluated'; id: number; result: SplitEval; ms: number }
  /** The curve and sensitivity points computed since the last message (about every SWEEP_POST_MS). */
  | { type: 'sweep-points'; id: number; points: SweepEvent[]; done: number; total: number }
  | { type: 'sweep-done'; id: number; ms: number }
  | { type: 'error'; id: number; message: string };

export function evalTransferables(msg: FromEval): ArrayBuffer[] {
  if (msg.type === 'loaded') return Object.values(msg.sorted).flatMap((s) => [s.weights.buffer as ArrayBuffer, s.units.buffer as ArrayBuffer]);
  if (msg.type !== 'masks') return [];
  return [...msg.masks, ...(msg.units ?? [])].map((m) => m.buffer as ArrayBuffer);
}
