/**
 * The pruning slice of the app state and its pure reducer over evaluation-worker messages.
 * Results are kept per request id; a message for an older id than the one shown is dropped, so
 * the numbers on screen only ever move forward to the newest slider position.
 */
import type { Criterion, Granularity } from '../../core/prune';
import { rowOutputs, type EvalSplit, type PruneAnswer, type RowOutputs } from '../../core/eval';
import type { FromEval, SplitEval } from '../../eval/protocol';

export type { SplitEval } from '../../eval/protocol';

/** What the page shows for a slider position: the page's answer (masks, report, validation figures), numbered, with the worker's training figures. */
export interface PruneView extends PruneAnswer {
  id: number;
  train: SplitEval | null;
  /** The last training figures of an earlier position, shown (marked stale) until `train` arrives. */
  trainBefore: SplitEval | null;
}

export interface PruningState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadId: number;
  /** The newest evaluate request sent. */
  requested: number;
  /** The dense network's figures: validation with the load, training a moment later (null until then). */
  dense: { train: SplitEval | null; val: SplitEval } | null;
  /** Per criterion, every score in ascending order (the worker's prune indexes). */
  sorted: Record<Criterion, Record<Granularity, Float32Array>> | null;
  /** The validation split and the dense network's outputs on it, what pruning forgets is measured against (`forgetState.ts`). */
  forget: { val: EvalSplit; classes: number; denseLogits: Float64Array; dense: RowOutputs } | null;
  /** The arithmetic of the page's evaluator (validation figures), once loaded. */
  engine: 'wasm' | 'js' | null;
  view: PruneView | null;
  error: string | null;
}

export const initialPruning = (): PruningState => ({
  status: 'idle',
  loadId: 0,
  requested: 0,
  dense: null,
  forget: null,
  sorted: null,
  engine: null,
  view: null,
  error: null,
});

/** Pure: the state showing the answer for slider position `id` (the validation figures, computed on the page). */
export function withView(s: PruningState, id: number, a: PruneAnswer): PruningState {
  if (id < s.loadId || (s.view && id <= s.view.id)) return s;
  const { criterion, spec, masks, units, report, threshold, groupThresholds, val, logits, valMs, valFull } = a;
  return {
    ...s,
    requested: Math.max(s.requested, id),
    view: {
      id,
      criterion,
      spec,
      masks,
      units,
      report,
      threshold,
      groupThresholds,
      val,
      logits,
      valMs,
      valFull,
      train: null,
      trainBefore: s.view ? (s.view.train ?? s.view.trainBefore) : null,
    },
  };
}

/**
 * Pure: the state after a message of the slider's evaluation worker. For 'loaded': `engine`, the page's
 * evaluator's; `given`, every criterion's sorted scores from the page's evaluator (else the message's).
 */
export function applyEvalMessage(
  s: PruningState,
  msg: FromEval,
  engine?: 'wasm' | 'js',
  given?: PruningState['sorted'],
): PruningState {
  switch (msg.type) {
    case 'loaded': {
      if (msg.id !== s.loadId) return s;
      const sorted =
        given ??
        (Object.fromEntries(
          Object.entries(msg.indexes).map(([c, i]) => [
            c,
            Object.fromEntries(Object.entries(i ?? {}).map(([g, idx]) => [g, idx.global.values])),
          ]),
        ) as PruningState['sorted']);
      const { val, denseLogits } = msg;
      const classes = val.n ? denseLogits.length / val.n : 0;
      const forget = { val, classes, denseLogits, dense: rowOutputs(denseLogits, val.y, val.n, classes) };
      return { ...s, status: 'ready', dense: msg.dense, forget, sorted, engine: engine ?? msg.engine, error: null };
    }
    case 'train-dense':
      return msg.id === s.loadId && s.dense ? { ...s, dense: { ...s.dense, train: msg.result } } : s;
    case 'train-evaluated':
      if (!s.view || s.view.id !== msg.id) return s;
      return { ...s, view: { ...s.view, train: msg.result } };
    case 'error':
      return msg.id < s.loadId ? s : { ...s, status: msg.id === s.loadId ? 'error' : s.status, error: msg.message };
    default:
      return s;
  }
}
