// The repairs' wiring through the controller, with fake workers: previews fill in after the settings
// rest without touching the slider's view; a click applies the plan and remembers what it changed;
// Undo restores exactly the settings before it. Then the plans from the state on screen (`repairContext`)
// on a hand-built network, through the page's own evaluator, where each repair's outcome is known by hand.
import { describe, expect, it, vi } from 'vitest';
import { layerShapes, type LayerArrays } from '../../core/base';
import { CRITERIA, type Criterion, GRANULARITIES, type Granularity } from '../../core/prune';
import { PruneEvaluator, sparseFeatures } from '../../core/eval';
import {
  defaultSettings,
  initialPruning,
  initialState,
  planRepair,
  pruneSpecOf,
  pruningSettingsOf,
  repairsFor,
  runPlan,
  settingsChange,
  shownRepair,
  type AppState,
  type Probe,
  type RepairPlan,
} from '../store';
import { repairContext } from './repairs';
import { trainedController } from '../testPorts';

const layers = layerShapes(32).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, (_, i) => Math.sin(i)),
  bias: new Float32Array(s.units),
  gradAbsMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 7) / 100 + 1e-4),
  gradSqMean: Float32Array.from({ length: s.inputs * s.units }, (_, i) => (i % 5) / 1e4),
}));

/** A controller with a network loaded (seed 1's synthetic data) at T, gradient, global: every weight pruned. */
function collapsed() {
  const hashes: string[] = [];
  const { c } = trainedController(layers, '#dataset=synthetic-32&snapshot=none', (h) => hashes.push(h));
  c.updateSettings({ mode: 'threshold', threshold: 0.5 });
  return { c, hashes };
}

describe('repairs, wired', () => {
  it('previews every offered repair once the settings rest, with its own evaluator (the slider view stays as it is)', async () => {
    const { c } = collapsed();
    const s0 = c.store.getState();
    expect(s0.pruning.view!.report).toMatchObject({ sparsity: 1, collapse: true });
    c.previewRepairs();
    c.previewRepairs(); // a newer call supersedes: one set of plans
    expect(c.store.getState().repair.previews).toBeNull(); // nothing until the settings have rested
    await vi.waitFor(() => expect(Object.keys(c.store.getState().repair.previews?.plans ?? {})).toHaveLength(4), {
      timeout: 5000,
      interval: 10,
    });
    const s1 = c.store.getState();
    expect(s1.pruning.view).toBe(s0.pruning.view);
    expect(s1.settings).toBe(s0.settings);
    expect(Object.keys(s1.repair.previews!.plans).sort()).toEqual(repairsFor(s1.settings).sort());
  });

  it('a click applies the plan (from the preview when there is one) and says what it changed from; Undo restores exactly', async () => {
    const { c, hashes } = collapsed();
    const before = c.store.getState();
    const view = before.pruning.view!;
    c.applyRepair('magnitude'); // no preview yet: worked out at once
    const after = c.store.getState();
    const applied = shownRepair(after)!;
    expect(applied.before).toEqual({
      settings: pruningSettingsOf(before.settings),
      sparsity: view.report.sparsity,
      accuracy: view.val.accuracy,
    });
    expect(after.settings).toMatchObject(applied.plan.patch);
    expect(after.settings.criterion).toBe('magnitude');
    expect(after.pruning.view!.report.sparsity).toBe(applied.plan.result.sparsity);
    expect(after.pruning.view!.val.accuracy).toBe(applied.plan.result.accuracy);
    expect(hashes.at(-1)).toContain('criterion=magnitude');
    c.updateSettings({ view: 'weights' }); // not a pruning setting: the sentence stays
    expect(shownRepair(c.store.getState())).toBe(applied);
    c.undoRepair();
    const undone = c.store.getState();
    expect(pruningSettingsOf(undone.settings)).toEqual(pruningSettingsOf(before.settings));
    expect(undone.pruning.view!.report.sparsity).toBe(view.report.sparsity);
    expect(undone.repair.applied).toBeNull();
    expect(hashes.at(-1)).toBe('dataset=synthetic-32&T=0.5&view=weights&snapshot=none');

    c.previewRepairs();
    await vi.waitFor(() => expect(c.store.getState().repair.previews?.plans.lamp).toBeDefined(), {
      timeout: 5000,
      interval: 10,
    });
    const preview = c.store.getState().repair.previews!.plans.lamp;
    c.applyRepair('lamp');
    expect(shownRepair(c.store.getState())!.plan).toBe(preview);
    c.updateSettings({ sparsity: 0.3 }); // the user moves on: the sentence goes, Undo with it
    expect(shownRepair(c.store.getState())).toBeNull();
    const moved = c.store.getState().settings;
    c.undoRepair();
    expect(c.store.getState().settings).toBe(moved);
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
