import { describe, expect, it } from 'vitest';
import { settingsChange } from './settingsChange';
import { initialState, type AppState } from './store';

const items = (w: number[], u: number[]) => ({
  weights: Float32Array.from(w),
  neurons: Float32Array.from(u),
  '2:4': Float32Array.from(w),
});
const zeros = () => items([0, 0, 0, 0], [0]);
const sorted = {
  gradient: items([0.1, 0.2, 0.3, 0.4], [0.1]),
  gradnorm: zeros(),
  magnitude: items([1, 2, 3, 4], [1]),
  lamp: zeros(),
  taylor: zeros(),
  obd: zeros(),
  random: zeros(),
};
const loaded = (): AppState => {
  const s = initialState();
  return { ...s, settings: { ...s.settings, threshold: 0.25 }, pruning: { ...s.pruning, status: 'ready', sorted } };
};

describe('settingsChange', () => {
  it('a pruning key asks for an evaluation; a view key does not', () => {
    expect(settingsChange(loaded(), { sparsity: 0.7 })).toMatchObject({
      evaluate: true,
      curves: false,
      backend: false,
    });
    expect(settingsChange(loaded(), { view: 'weights', scale: 'linear' })).toMatchObject({
      evaluate: false,
      curves: false,
      backend: false,
    });
    expect(settingsChange(loaded(), { threshold: 0.25 }).evaluate).toBe(false); // unchanged value
  });

  it('scope and granularity recompute the curves, but only with a network loaded', () => {
    expect(settingsChange(loaded(), { scope: 'per-layer' })).toMatchObject({ evaluate: true, curves: true });
    expect(settingsChange(loaded(), { granularity: 'neurons' }).curves).toBe(true);
    expect(settingsChange(initialState(), { scope: 'per-layer' })).toMatchObject({ evaluate: true, curves: false });
  });

  it('a new criterion in threshold mode keeps the number of pruned items', () => {
    // T = 0.25 prunes 2 of 4 gradient scores; the magnitude T pruning 2 is its third score.
    const c = settingsChange(loaded(), { criterion: 'magnitude' });
    expect(c.next.threshold).toBe(3);
    expect(settingsChange(loaded(), { criterion: 'magnitude', threshold: 0.5 }).next.threshold).toBe(0.5); // an explicit T wins
    const sparsityMode = loaded();
    sparsityMode.settings.mode = 'sparsity';
    expect(settingsChange(sparsityMode, { criterion: 'magnitude' }).next.threshold).toBe(0.25);
  });

  it('a new mode keeps what is pruned, both ways', () => {
    // Threshold mode, T = 0.25 prunes 2 of the 4 gradient scores: sparsity mode starts at 50%.
    expect(settingsChange(loaded(), { mode: 'sparsity' }).next.sparsity).toBe(0.5);
    // Sparsity 90% (3 of 4, floor of 3.6) → the T that prunes exactly those: the fourth score.
    const s = loaded();
    s.settings = { ...s.settings, mode: 'sparsity', sparsity: 0.9 };
    const back = settingsChange(s, { mode: 'threshold' });
    expect(back.next.threshold).toBe(Math.fround(0.4));
    expect(settingsChange({ ...s, settings: back.next }, {}).next.threshold).toBe(back.next.threshold);
    // Beyond the largest score the sparsity stays inside the field's range.
    const high = loaded();
    high.settings = { ...high.settings, threshold: 9 };
    expect(settingsChange(high, { mode: 'sparsity' }).next.sparsity).toBe(0.999);
  });

  it('T is a float32, like the scores it is compared with', () => {
    expect(settingsChange(loaded(), { threshold: 0.1 }).next.threshold).toBe(Math.fround(0.1));
  });

  it('a backend change says so', () => {
    expect(settingsChange(loaded(), { backend: 'cpu' }).backend).toBe(true);
    expect(settingsChange(loaded(), { backend: 'auto' }).backend).toBe(false);
  });
});
