/**
 * The pruning slice of the app state and its pure reducer over evaluation-worker messages.
 * Results are kept per request id; a message for an older id than the one shown is dropped, so
 * the numbers on screen only ever move forward to the newest slider position.
 */
import type { Criterion } from '../core/criteria';
import type { MaskReport } from '../core/maskReport';
import type { PruneSpec } from '../core/masks';
import type { FromEval, SplitEval } from '../eval/protocol';

export type { SplitEval } from '../eval/protocol';

export interface PruneView {
  id: number;
  criterion: Criterion;
  spec: PruneSpec;
  masks: Uint8Array[];
  units: Uint8Array[] | null;
  report: MaskReport;
  threshold: number;
  groupThresholds: number[];
  val: SplitEval;
  train: SplitEval | null;
  /** The last training figures of an earlier position, shown (marked stale) until `train` arrives. */
  trainBefore: SplitEval | null;
  /** Milliseconds the worker spent on the validation evaluation, and whether it was a full pass (else incremental). */
  valMs: number;
  valFull: boolean;
}

export interface PruningState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadId: number;
  /** The newest evaluate request sent. */
  requested: number;
  dense: { train: SplitEval; val: SplitEval } | null;
  /** Per criterion, every score in ascending order (from the worker). */
  sorted: Record<Criterion, { weights: Float32Array; units: Float32Array }> | null;
  /** The evaluator's arithmetic, once loaded. */
  engine: 'wasm' | 'js' | null;
  view: PruneView | null;
  error: string | null;
}

export const initialPruning = (): PruningState => ({ status: 'idle', loadId: 0, requested: 0, dense: null, sorted: null, engine: null, view: null, error: null });

export function applyEvalMessage(s: PruningState, msg: FromEval): PruningState {
  switch (msg.type) {
    case 'loaded':
      return msg.id === s.loadId ? { ...s, status: 'ready', dense: msg.dense, sorted: msg.sorted, engine: msg.engine, error: null } : s;
    case 'masks':
      if (msg.id < s.loadId || (s.view && msg.id <= s.view.id)) return s;
      return {
        ...s,
        view: {
          id: msg.id,
          criterion: msg.criterion,
          spec: msg.spec,
          masks: msg.masks,
          units: msg.units,
          report: msg.report,
          threshold: msg.threshold,
          groupThresholds: msg.groupThresholds,
          val: msg.val,
          train: null,
          trainBefore: s.view ? (s.view.train ?? s.view.trainBefore) : null,
          valMs: msg.valMs,
          valFull: msg.valFull,
        },
      };
    case 'train-evaluated':
      if (!s.view || s.view.id !== msg.id) return s;
      return { ...s, view: { ...s.view, train: msg.result } };
    case 'error':
      return msg.id < s.loadId ? s : { ...s, status: msg.id === s.loadId ? 'error' : s.status, error: msg.message };
    default:
      return s;
  }
}
