// The repairs' wiring through the controller, with fake workers: previews fill in after the settings
// rest without touching the slider's view; a click applies the plan and remembers what it changed;
// Undo restores exactly the settings before it.
import { describe, expect, it, vi } from 'vitest';
import { layerShapes } from '../../core/base';
import { pruningSettingsOf, repairsFor, shownRepair } from './repairPlan';
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
