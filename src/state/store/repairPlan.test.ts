// The collapse repairs' plans: the search rule on made-up accuracy curves (their outcomes on a hand-built
// network, through the page's own evaluator, are checked in ../pruning/repairs.test.ts).
import { describe, expect, it } from 'vitest';
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
import { defaultSettings, type Settings } from './settings';

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
