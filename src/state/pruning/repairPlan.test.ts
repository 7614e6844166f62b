// The collapse repairs' plans: the search rule on made-up accuracy curves, then on a hand-built network
// through the page's own evaluator, where each repair's outcome is known by hand.
import { describe, expect, it } from 'vitest';
import type { LayerArrays } from '../../core/base';
import { CRITERIA, type Criterion, GRANULARITIES, type Granularity } from '../../core/prune';
import { PruneEvaluator, sparseFeatures } from '../../core/eval';
import { initialPruning } from './pruningState';
import {
  planRepair,
  REPAIR_LEVELS,
  repairsFor,
  runPlan,
  shownRepair,
  withPreview,
  initialRepair,
  type Probe,
  type RepairContext,
  type RepairPlan,
} from './repairPlan';
import { pruneSpecOf } from './pruneSpec';
import { repairContext } from './repairs';
import { settingsChange } from '../links/settingsChange';
import { defaultSettings, type Settings } from '../links/settings';
import { initialState, type AppState } from '../store';

describe('the search rule', () => {
  /** A context at `current` whose repaired accuracy at a level is `curve(level)` (and `atCurrent` at the current sparsity). */
  const fake = (current: number, atCurrent: number, curve: (level: number) => number) => {
    const asked: number[] = [];
    const keep = (): Probe => ({
      criterion: 'lamp',
      spec: { mode: 'threshold', value: 0.01, scope: 'global', granularity: 'weights' },
    });
    const at: RepairContext = {
      settings: { criterion: 'gradient', scope: 'global', granularity: 'weights' },
      current,
      dense: 0.9,
      keep,
    };
    const probe = (p: Probe) => {
      if (p.spec.mode === 'threshold') return { sparsity: current, accuracy: atCurrent };
      asked.push(p.spec.value);
      return { sparsity: p.spec.value, accuracy: curve(p.spec.value) };
    };
    return { asked, plan: (kind: 'lamp' | 'scope' = 'lamp') => runPlan(planRepair(kind, at), probe) };
  };

  it('keeps the sparsity when the repair alone is close to the dense network (2 points, the boundary included)', () => {
    const f = fake(0.994, 0.88, () => 0);
    expect(f.plan()).toMatchObject({
      patch: { criterion: 'lamp' },
      level: null,
      close: true,
      result: { sparsity: 0.994, accuracy: 0.88 },
    });
    expect(f.plan().patch).toEqual({ criterion: 'lamp' }); // the mode stays
    expect(f.asked).toEqual([]);
    expect(fake(0.994, 0.8799, () => 0).plan().level).not.toBeNull();
  });

  it('else takes the highest level below the current sparsity before the first one that is not close, asking in ascending order', () => {
    const f = fake(0.994, 0.07, (l) => (l <= 0.75 ? 0.89 : l === 0.9 ? 0.95 : 0.5));
    const plan = f.plan();
    expect(plan).toMatchObject({
      level: 0.75,
      close: true,
      result: { sparsity: 0.75, accuracy: 0.89 },
      atCurrent: { accuracy: 0.07 },
    });
    expect(plan.patch).toEqual({ criterion: 'lamp', mode: 'sparsity', sparsity: 0.75 });
    // Stops at the first level that is not close (0.8): the lucky 0.9 is never trusted.
    expect(f.asked).toEqual(REPAIR_LEVELS.filter((l) => l <= 0.8));
  });

  it('never prunes more than the settings it repairs', () => {
    const f = fake(0.42, 0.1, () => 0.9);
    expect(f.plan().level).toBe(0.4);
    expect(Math.max(...f.asked)).toBeLessThan(0.42);
    expect(fake(0.45, 0.1, () => 0.9).plan().level).toBe(0.4); // a level equal to the current one is not below it
  });

  it('per-layer scope keeps the criterion; when no level is close it takes the lowest and says so', () => {
    const f = fake(0.6, 0.1, () => 0.5);
    expect(f.plan('scope')).toMatchObject({
      patch: { scope: 'per-layer', mode: 'sparsity', sparsity: 0.05 },
      level: 0.05,
      close: false,
      result: { accuracy: 0.5 },
    });
    expect(f.asked).toEqual([0.05]);
    expect(fake(0.03, 0.1, () => 0.9).plan()).toMatchObject({
      level: null,
      close: false,
      patch: { criterion: 'lamp' },
    }); // nothing below 3%
  });

  it('offers per-layer scope only under a global scope, and no criterion already in use', () => {
    expect(repairsFor({ criterion: 'gradient', scope: 'global' })).toEqual(['scope', 'lamp', 'taylor', 'magnitude']);
    expect(repairsFor({ criterion: 'taylor', scope: 'global' })).toEqual(['scope', 'lamp', 'magnitude']);
    expect(repairsFor({ criterion: 'magnitude', scope: 'per-layer' })).toEqual(['lamp', 'taylor']);
  });

  it('keeps previews per settings key, and shows an applied repair only while its settings are on screen', () => {
    const plan = { kind: 'lamp' } as RepairPlan;
    let s = withPreview(initialRepair(), 'a', plan);
    s = withPreview(s, 'a', { ...plan, kind: 'taylor' });
    expect(Object.keys(s.previews!.plans)).toEqual(['lamp', 'taylor']);
    expect(Object.keys(withPreview(s, 'b', plan).previews!.plans)).toEqual(['lamp']);
    const settings = defaultSettings();
    const after = { ...settings, criterion: 'lamp' as const };
    const applied = { plan, loadId: 3, before: { settings, sparsity: 0.5, accuracy: 0.9 }, after };
    const state = (st: Settings, loadId = 3) => ({
      repair: { previews: null, applied },
      settings: st,
      pruning: { loadId },
    });
    expect(shownRepair(state(after))).toBe(applied);
    expect(shownRepair(state({ ...after, sparsity: 0.6 }))).toBeNull(); // the user moved on
    expect(shownRepair(state({ ...after, view: 'weights' }))).toBe(applied); // not a pruning setting
    expect(shownRepair(state(after, 4))).toBeNull(); // another network
  });
});

/**
 * 4 inputs → 4 → 4 → 5 classes. Every kernel is the identity (1 on its diagonal) plus small distinct
 * off-diagonal weights; the fifth output has only a bias of 0.5. A sample of class c (input e_c) reaches
 * its logit ≈ 1 along the diagonal; cut any diagonal weight on its path and the bias class wins (wrong).
 * Layer 1's gradients are tiny, so one global gradient threshold removes that layer first.
 */
function handBuilt(): { layers: LayerArrays[]; evaluator: PruneEvaluator } {
  let g = 0;
  const layers = [4, 4, 5].map((units, l) => {
    const inputs = 4;
    const kernel = new Float32Array(inputs * units);
    const grad = new Float32Array(inputs * units);
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < units; j++) {
        const k = i * units + j;
        kernel[k] = i === j ? 1 : 0.01 * (1 + g++ / 1000);
        grad[k] = [1e-6, 0.5, 1][l] * (1 + k / 100);
      }
    }
    const bias = new Float32Array(units);
    if (l === 2) bias[4] = 0.5;
    return {
      name: `dense_${l + 1}`,
      inputs,
      units,
      kernel,
      bias,
      gradAbsMean: grad,
      gradSqMean: grad.map((v) => v * v),
    };
  });
  const n = 8;
  const x = new Float32Array(n * 4);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    y[r] = r % 4;
    x[r * 4 + (r % 4)] = 1;
  }
  return { layers, evaluator: new PruneEvaluator(layers, 1, { features: sparseFeatures(x, n, 4), y, n }) };
}

describe('on a hand-built network, through the page evaluator', () => {
  /** The report's sparsity of k pruned weights of 52 (1 − live / total, as it counts). */
  const pruned = (k: number) => 1 - (52 - k) / 52;
  const { layers, evaluator } = handBuilt();
  const sorted = Object.fromEntries(
    CRITERIA.map((c) => [c, Object.fromEntries(GRANULARITIES.map((g) => [g, evaluator.index(c, g).global.values]))]),
  ) as Record<Criterion, Record<Granularity, Float32Array>>;
  const evaluate = (p: Probe) => {
    const a = evaluator.evaluate(p.criterion, p.spec);
    return { sparsity: a.report.sparsity, accuracy: a.val.accuracy };
  };
  /** The state on screen at gradient, global, threshold T (what the wiring plans from). */
  const screen = (threshold: number): AppState => {
    const settings = {
      ...defaultSettings(),
      criterion: 'gradient' as const,
      mode: 'threshold' as const,
      threshold: Math.fround(threshold),
    };
    const view = {
      report: evaluator.evaluate('gradient', {
        mode: 'threshold',
        value: settings.threshold,
        scope: 'global',
        granularity: 'weights',
      }).report,
    };
    const dense = {
      val: { accuracy: evaluator.dense().accuracy, loss: 0, perClass: [] },
      train: { accuracy: 1, loss: 0, perClass: [] },
    };
    return {
      ...initialState(settings),
      scoring: { layers } as AppState['scoring'],
      pruning: { ...initialPruning(), status: 'ready', loadId: 1, sorted, dense, view: view as never },
    };
  };
  const plans = (threshold: number) => {
    const at = repairContext(screen(threshold))!;
    return Object.fromEntries(repairsFor(at.settings).map((k) => [k, runPlan(planRepair(k, at), evaluate)])) as Record<
      string,
      RepairPlan
    >;
  };

  it('is the collapse it is meant to be: dense 100%, T = 0.01 prunes all of layer 1 (16 of 52 weights) and every sample goes wrong', () => {
    expect(evaluator.dense().accuracy).toBe(1);
    const a = evaluate({
      criterion: 'gradient',
      spec: { mode: 'threshold', value: 0.01, scope: 'global', granularity: 'weights' },
    });
    expect(a).toEqual({ sparsity: pruned(16), accuracy: 0 });
    expect(repairContext(screen(0.01))!.current).toBe(16 / 52); // the share of the sorted scores below T
  });

  it('at T = 0.01: magnitude and LAMP keep the 16 lowest-scoring weights pruned (all off the diagonal); Taylor must go down to 20%; per-layer gradient cannot', () => {
    const p = plans(0.01);
    // Magnitude and LAMP rank the 40 small off-diagonal weights first: pruning 16 of them costs nothing.
    expect(p.magnitude).toMatchObject({
      level: null,
      close: true,
      result: { sparsity: pruned(16), accuracy: 1 },
      patch: { criterion: 'magnitude' },
    });
    expect(p.lamp).toMatchObject({ level: null, close: true, result: { sparsity: pruned(16), accuracy: 1 } });
    // Taylor |w·g|: layer 1's diagonal (1 × 1e-6) ranks below every weight of layers 2 and 3, so its
    // 16 lowest are layer 1 again (accuracy 0). 20% prunes 10 weights (layer 1's 12 off-diagonal ones
    // first); 25% prunes 13, one diagonal weight: one class of four is lost.
    expect(p.taylor).toMatchObject({
      level: 0.2,
      close: true,
      atCurrent: { accuracy: 0 },
      result: { sparsity: pruned(10), accuracy: 1 },
      patch: { criterion: 'taylor', mode: 'sparsity', sparsity: 0.2 },
    });
    // Per-layer scope keeps |∂L/∂w|, whose order within each layer starts at the diagonal weight (0, 0):
    // 5% prunes exactly that one weight of the last layer, and class 0 is lost.
    expect(p.scope).toMatchObject({
      level: 0.05,
      close: false,
      result: { sparsity: pruned(1), accuracy: 0.75 },
      patch: { scope: 'per-layer', mode: 'sparsity', sparsity: 0.05 },
    });
  });

  it('with every weight pruned (T = 10), magnitude falls back to 75%: the 40 off-diagonal weights are 76.9%', () => {
    const p = plans(10);
    expect(p.magnitude).toMatchObject({
      level: 0.75,
      close: true,
      atCurrent: { sparsity: 1, accuracy: 0 },
      result: { sparsity: pruned(39), accuracy: 1 },
    });
  });

  it('each plan is what applying it gives: the settings after the click evaluate to the planned result', () => {
    for (const threshold of [0.01, 10]) {
      const state = screen(threshold);
      for (const plan of Object.values(plans(threshold))) {
        const next = settingsChange(state, plan.patch).next;
        expect(evaluate({ criterion: next.criterion, spec: pruneSpecOf(next) }), plan.kind).toEqual(plan.result);
      }
    }
  });
});
