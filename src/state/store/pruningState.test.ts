import { describe, expect, it } from 'vitest';
import type { MaskReport } from '../../core/prune';
import type { PruneAnswer } from '../../core/eval';
import type { CriterionIndexes, FromEval, SplitEval } from '../../eval/protocol';
import { applyEvalMessage, initialPruning, withView, type PruningState } from './pruningState';

const spec = { mode: 'threshold' as const, value: 0.01, scope: 'global' as const, granularity: 'weights' as const };
const report = { sparsity: 0.5 } as MaskReport;
const result = (accuracy: number): SplitEval => ({ accuracy, loss: 1, perClass: [] });
const answer = (val = 0.6): PruneAnswer => ({
  criterion: 'gradient',
  spec,
  masks: [],
  units: null,
  report,
  threshold: 0.01,
  groupThresholds: [],
  val: result(val),
  logits: new Float64Array(0),
  valMs: 2,
  valFull: false,
});
const masks = (s: PruningState, id: number, val = 0.6) => withView(s, id, answer(val));
const evaluated = (id: number, acc: number): FromEval => ({ type: 'train-evaluated', id, result: result(acc), ms: 1 });
const loading = (): PruningState => ({ ...initialPruning(), status: 'loading', loadId: 3, requested: 3 });

describe('pruning state', () => {
  it('becomes ready only with the answer to the current load', () => {
    const dense = { train: null, val: result(0.8) };
    const idx = (v: number) => ({ global: { values: Float32Array.of(v) } });
    const indexes = { gradient: { weights: idx(1), neurons: idx(2) } } as unknown as CriterionIndexes;
    const loaded = (id: number): FromEval => ({
      type: 'loaded',
      id,
      dense,
      denseLogits: Float64Array.of(2, 1, 0, 3),
      indexes,
      val: { y: Uint8Array.of(0, 0), n: 2 } as never,
      engine: 'wasm',
    });
    expect(applyEvalMessage(loading(), loaded(2)).status).toBe('loading');
    const s = applyEvalMessage(loading(), loaded(3), 'js');
    expect(s).toMatchObject({ status: 'ready', dense, engine: 'js' }); // the page's own evaluator's arithmetic
    // The dense outputs what pruning forgets is measured against: two rows, two classes.
    expect(s.forget).toMatchObject({ classes: 2, dense: { pred: Int32Array.of(0, 1) } });
    expect(s.sorted!.gradient).toEqual({ weights: Float32Array.of(1), neurons: Float32Array.of(2) });
    // The dense training figures follow, for this load only.
    const dt = (id: number): FromEval => ({ type: 'train-dense', id, result: result(0.9) });
    expect(applyEvalMessage(s, dt(2)).dense).toEqual(dense);
    expect(applyEvalMessage(s, dt(3)).dense).toEqual({ train: result(0.9), val: result(0.8) });
  });

  it('only moves forward: older positions and their figures are dropped', () => {
    let s = masks(loading(), 5);
    expect(s.view).toMatchObject({ id: 5, val: { accuracy: 0.6 }, valMs: 2, train: null });
    expect(s.requested).toBe(5);
    expect(masks(s, 4)).toBe(s);
    expect(masks(s, 2)).toBe(s); // before the load
    expect(applyEvalMessage(s, evaluated(4, 0.1))).toBe(s);
    s = applyEvalMessage(s, evaluated(5, 0.75));
    expect(s.view).toMatchObject({ val: { accuracy: 0.6 }, train: { accuracy: 0.75 } });
  });

  it('keeps the previous training figures (stale) until the new position has its own', () => {
    let s = applyEvalMessage(masks(loading(), 5), evaluated(5, 0.75));
    s = masks(s, 6);
    expect(s.view).toMatchObject({ id: 6, train: null, trainBefore: { accuracy: 0.75 } });
    s = masks(s, 7); // still no training figures for 6: the older ones carry on
    expect(s.view!.trainBefore!.accuracy).toBe(0.75);
  });

  it('an error on the load marks the slice as failed; a later error keeps it usable', () => {
    expect(applyEvalMessage(loading(), { type: 'error', id: 3, message: 'bad' })).toMatchObject({
      status: 'error',
      error: 'bad',
    });
    const ready = { ...loading(), status: 'ready' as const };
    expect(applyEvalMessage(ready, { type: 'error', id: 9, message: 'x' })).toMatchObject({
      status: 'ready',
      error: 'x',
    });
  });
});
