/**
 * In-page benchmark of the masked evaluator and the sweep (run by `npm run bench` through the test API).
 * Uses the current run's validation set and trained weights. Reports medians and p95s; asserts nothing.
 */
import { CRITERIA, computeMasks, criterionIndex, type PruneIndex, type PruneSpec } from '../core/prune';
import type { Dataset } from '../core/data';
import { MaskedEvaluator, sweep, sweepLevels, sparseFeatures } from '../core/eval';
import { evaluate, median, percentile } from '../core/base';
import type { AppState } from '../state/store';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface EvalBenchResult {
  /** The evaluator's arithmetic: WebAssembly SIMD, or plain TypeScript where the browser lacks it. */
  engine: 'wasm' | 'js';
  /** Untimed moves before each timed series (the first calls run before V8 has optimised the code). */
  warmupMoves: number;
  samples: number;
  weights: number;
  smallMove: Timing & { flips: number; fullPasses: number };
  largeMove: Timing & { flips: number; fullPasses: number };
  fullPass: Timing;
  masks: Timing;
  /**
   * incrementalMs: the sweep as the app runs it. naiveMs: a from-scratch plain-TS forward pass with the
   * masked kernels at every level. fullPassMs: the evaluator's own full pass (same engine) at every level.
   * jsIncrementalMs: the app's sweep with the plain-TypeScript engine.
   */
  sweep: {
    criteria: number;
    levels: number;
    indexMs: number;
    incrementalMs: number;
    fullPassMs: number;
    naiveMs: number;
    speedup: number;
    speedupVsFullPass: number;
    jsIncrementalMs: number;
  };
  /** The same moves and full pass with the plain-TypeScript engine, for comparison. */
  js: { smallMove: Timing; largeMove: Timing; fullPass: Timing };
}

const timing = (ms: number[]): Timing => ({ median: median(ms), p95: percentile(ms, 0.95), runs: ms.length });

const WARMUP_MOVES = 6;

const spec = (value: number): PruneSpec => ({ mode: 'sparsity', value, scope: 'global', granularity: 'weights' });

/** @param data the run's data (loaded by the caller from the state's data reference) */
export function runEvalBench(state: AppState, data: Dataset, repeats = 40): EvalBenchResult {
  const { scoring, runConfig } = state;
  if (!scoring || !runConfig) throw new Error('Train a network first: the evaluator benchmark needs weights and data.');
  const layers = scoring.layers;
  const { val } = data;
  const weights = layers.reduce((a, l) => a + l.kernel.length, 0);
  const index: PruneIndex = criterionIndex('gradient', layers, 'weights', runConfig.seed);
  const features = sparseFeatures(val.x, val.n, layers[0].inputs);
  const ev = new MaskedEvaluator(layers, features, val.y, val.n);
  const jsEv = new MaskedEvaluator(layers, features, val.y, val.n, 'js');

  const moves = (from: number, to: number, e = ev) => {
    const a = computeMasks(index, spec(from)).masks;
    const b = computeMasks(index, spec(to)).masks;
    // Warm-up moves, not timed: the first calls run before V8 has optimised the code (JS and wasm tiers).
    for (let i = 0; i < WARMUP_MOVES; i++) e.evaluate(i % 2 === 0 ? b : a);
    e.evaluate(a);
    const ms: number[] = [];
    let flips = 0;
    let fullPasses = 0;
    for (let i = 0; i < repeats; i++) {
      const m = i % 2 === 0 ? b : a;
      const t0 = performance.now();
      e.evaluate(m);
      ms.push(performance.now() - t0);
      flips = e.work.flips;
      fullPasses += e.work.full ? 1 : 0;
    }
    return { ...timing(ms), flips, fullPasses };
  };
  const smallMove = moves(0.5, 0.505);
  const largeMove = moves(0.4, 0.6);

  const full: number[] = [];
  const jsFull: number[] = [];
  const maskMs: number[] = [];
  for (let i = 0; i < Math.max(5, repeats / 4); i++) {
    const t0 = performance.now();
    const m = computeMasks(index, spec(0.3 + (i % 5) * 0.1)).masks;
    const t1 = performance.now();
    ev.invalidate();
    ev.evaluate(m);
    const t2 = performance.now();
    jsEv.invalidate();
    jsEv.evaluate(m);
    jsFull.push(performance.now() - t2);
    full.push(t2 - t1);
    maskMs.push(t1 - t0);
  }
  const js = { smallMove: moves(0.5, 0.505, jsEv), largeMove: moves(0.4, 0.6, jsEv), fullPass: timing(jsFull) };

  const levels = sweepLevels(51);
  let indexMs = 0;
  let incrementalMs = 0;
  let naiveMs = 0;
  let fullPassMs = 0;
  let jsIncrementalMs = 0;
  for (const criterion of CRITERIA) {
    const t0 = performance.now();
    const idx = criterionIndex(criterion, layers, 'weights', runConfig.seed);
    const t1 = performance.now();
    // One evaluator for every criterion, as the app does: it diffs each mask against the last one.
    for (const _point of sweep(idx, { val: ev }, { scope: 'global', granularity: 'weights', levels })) void _point;
    const t2 = performance.now();
    const fresh = new MaskedEvaluator(layers, features, val.y, val.n);
    for (const s of levels) {
      fresh.invalidate();
      fresh.evaluate(computeMasks(idx, spec(s)).masks);
    }
    const t3 = performance.now();
    for (const s of levels) {
      const m = computeMasks(idx, spec(s)).masks;
      evaluate(
        layers.map((l, i) => ({ ...l, kernel: l.kernel.map((w, k) => (m[i][k] ? w : 0)) })),
        val.x,
        val.y,
        val.n,
      );
    }
    const t4 = performance.now();
    for (const _point of sweep(idx, { val: jsEv }, { scope: 'global', granularity: 'weights', levels })) void _point;
    jsIncrementalMs += performance.now() - t4;
    indexMs += t1 - t0;
    incrementalMs += t2 - t1;
    fullPassMs += t3 - t2;
    naiveMs += t4 - t3;
  }
  return {
    engine: ev.engineKind,
    warmupMoves: WARMUP_MOVES,
    samples: val.n,
    weights,
    smallMove,
    largeMove,
    fullPass: timing(full),
    masks: timing(maskMs),
    sweep: {
      criteria: CRITERIA.length,
      levels: levels.length,
      indexMs,
      incrementalMs,
      fullPassMs,
      naiveMs,
      speedup: naiveMs / incrementalMs,
      speedupVsFullPass: fullPassMs / incrementalMs,
      jsIncrementalMs,
    },
    js,
  };
}
