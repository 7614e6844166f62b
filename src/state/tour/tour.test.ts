import { describe, expect, it } from 'vitest';
import { ARTICLE_T } from '../../core/prune';
import { initialState, parseField, SCHEMA, serializeSettings, type Settings } from '../store';
import { applyStep, STAGE_PANELS, openStep, stepIndex, TOUR_IDS, TOUR_STEPS } from './tour';

describe('the tour', () => {
  it('has 8–11 steps with distinct ids, each naming something to highlight and panels that exist', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(11);
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([...TOUR_IDS]);
    for (const s of TOUR_STEPS) {
      expect(s.targets.length).toBeGreaterThan(0);
      for (const p of s.panels) expect(STAGE_PANELS).toContain(p);
    }
  });

  it('sets only valid settings (each survives the URL codec)', () => {
    for (const step of TOUR_STEPS) {
      for (const [k, v] of Object.entries(step.settings) as [keyof Settings, Settings[keyof Settings]][]) {
        const text =
          new URLSearchParams(serializeSettings({ ...initialState().settings, [k]: v })).get(SCHEMA[k].key) ??
          String(v);
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
});
