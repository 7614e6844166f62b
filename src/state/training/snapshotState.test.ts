import { describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../core/formats/testSnapshot';
import { defaultSettings, initialState } from '../store';
import { OPENING_SPARSITY, snapshotState } from './snapshotState';

describe('a snapshot on screen', () => {
  const snap = makeSnapshot();
  const name = snap.provenance.config.dataset;

  it('opens at OPENING_SPARSITY when neither the link nor the user set the pruning view', () => {
    const s = snapshotState(initialState(), name, snap, 1, []);
    expect([s.settings.mode, s.settings.sparsity]).toEqual(['sparsity', OPENING_SPARSITY]);
    expect([s.phase, s.origin?.kind, s.settings.epochs]).toEqual(['done', 'snapshot', snap.provenance.config.epochs]);
  });

  it("keeps the link's or the user's pruning view, and the link's training settings", () => {
    const linked = snapshotState(
      initialState({ ...defaultSettings(), threshold: Math.fround(0.001), epochs: 3 }),
      name,
      snap,
      1,
      ['threshold', 'epochs'],
    );
    expect([linked.settings.mode, linked.settings.threshold, linked.settings.epochs]).toEqual([
      'threshold',
      Math.fround(0.001),
      3,
    ]);
    const moved = snapshotState(
      initialState({ ...defaultSettings(), mode: 'sparsity', sparsity: 0.3 }),
      name,
      snap,
      1,
      [],
    );
    expect([moved.settings.mode, moved.settings.sparsity]).toEqual(['sparsity', 0.3]);
    // The article's T typed in by hand (the default value, given by the link) is kept too.
    const article = snapshotState(initialState(), name, snap, 1, ['threshold']);
    expect(article.settings.mode).toBe('threshold');
  });
});
