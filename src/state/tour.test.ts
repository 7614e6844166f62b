import { describe, expect, it } from 'vitest';
import { ARTICLE_T } from '../core/criteria';
import { PANELS } from './flags';
import { parseField, SCHEMA, serializeSettings, type Settings } from './settings';
import { initialState, type AppState } from './store';
import { accuracyAt, applyStep, openStep, stepIndex, TOUR_IDS, TOUR_STEPS, tourNumbers } from './tour';

const layer = (name: string, inputs: number, units: number, g: number) => ({
  name,
  inputs,
  units,
  kernel: new Float32Array(inputs * units).fill(0.5),
  bias: new Float32Array(units),
  gradAbsMean: Float32Array.from({ length: inputs * units }, (_, i) => g * (1 + (i % 2))),
  gradSqMean: new Float32Array(inputs * units).fill(g * g),
});

describe('the tour', () => {
  it('has 8–10 steps with distinct ids, each naming something to highlight and panels that exist', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(10);
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([...TOUR_IDS]);
    for (const s of TOUR_STEPS) {
      expect(s.targets.length).toBeGreaterThan(0);
      for (const p of s.panels) expect(PANELS).toContain(p);
    }
  });

  it('sets only valid settings (each survives the URL codec)', () => {
    for (const step of TOUR_STEPS) {
      for (const [k, v] of Object.entries(step.settings) as [keyof Settings, Settings[keyof Settings]][]) {
        const text = new URLSearchParams(serializeSettings({ ...initialState().settings, [k]: v })).get(SCHEMA[k].key) ?? String(v);
        const parsed = parseField(k, text);
        expect('value' in parsed && parsed.value, `${step.id}.${k}`).toBe(v);
      }
    }
  });

  it('puts the article’s rule at T = 0.01, global, on weights, in the rule and collapse steps', () => {
    for (const id of ['rule', 'collapse', 'article'] as const) {
      const s = TOUR_STEPS.find((x) => x.id === id)!.settings;
      expect(s).toMatchObject({ criterion: 'gradient', mode: 'threshold', scope: 'global', granularity: 'weights' });
      expect(s.threshold).toBe(Math.fround(ARTICLE_T));
    }
  });

  it('clamps step numbers from links, opens and closes through the flags, applies a step’s settings', () => {
    expect(stepIndex(0)).toBe(0);
    expect(stepIndex(3)).toBe(2);
    expect(stepIndex(99)).toBe(TOUR_STEPS.length - 1);
    const calls: unknown[] = [];
    openStep({ updateFlags: (p) => calls.push(p) }, 42);
    openStep({ updateFlags: (p) => calls.push(p) }, null);
    expect(calls).toEqual([{ tour: TOUR_STEPS.length }, { tour: null }]);
    const applied: Partial<Settings>[] = [];
    applyStep({ updateSettings: (p) => applied.push(p) }, 5);
    applyStep({ updateSettings: (p) => applied.push(p) }, 2); // the training step sets nothing
    expect(applied).toEqual([TOUR_STEPS[4].settings]);
  });

  it('reads a curve at 90% sparsity between its points', () => {
    const pt = (sparsity: number, accuracy: number) => ({ target: sparsity, sparsity, threshold: 0, accuracy, loss: 0 });
    expect(accuracyAt([pt(0.95, 0.2), pt(0.85, 0.6)], 0.9)).toBeCloseTo(0.4, 12);
    expect(accuracyAt([pt(0.5, 0.9), pt(0.9, 0.7)], 0.9)).toBeCloseTo(0.7, 12);
    expect(accuracyAt([pt(0.5, 0.9), pt(0.8, 0.7)], 0.9)).toBeNull();
  });

  it('computes the numbers of its text from the network on screen (hand-checked layer means)', () => {
    expect(tourNumbers(initialState())).toBeNull();
    const s: AppState = { ...initialState(), scoring: { layers: [layer('dense_1', 4, 2, 0.001), layer('dense_2', 2, 2, 0.01), layer('dense_3', 2, 1, 0.1)], batches: 1, seconds: 0 } };
    const n = tourNumbers(s)!;
    // gradient scores alternate g, 2g: the mean is 1.5 g.
    expect(n.layers.map((l) => l.meanScore)).toEqual([0.0015, 0.015, 0.15].map((v, i) => expect.closeTo(v, 6 - i)));
    expect(n.ratio).toBeCloseTo(100, 3);
    expect(n.inputs).toBe(4);
    expect(n.weights).toBe(8 + 4 + 2);
    expect(n.sparsity).toBeNull();
    // Magnitude: every |w| is 0.5, so all layers have the same mean and the ratio is 1.
    const m = tourNumbers({ ...s, settings: { ...s.settings, criterion: 'magnitude' } })!;
    expect(m.ratio).toBe(1);
  });
});
