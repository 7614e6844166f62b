/**
 * What a change of settings requires, worked out from the state before it, so the controller applies
 * one plan instead of branching on every key. Pure.
 */
import { thresholdKeepingSparsity } from './pruneSpec';
import type { Settings } from './settings';
import type { AppState } from './store';

/** The settings the pruning evaluation depends on. */
export const PRUNING_KEYS = ['criterion', 'scope', 'granularity', 'mode', 'threshold', 'sparsity'] as const satisfies readonly (keyof Settings)[];

export interface SettingsChange {
  next: Settings;
  /** A pruning setting changed: evaluate the new masks. */
  evaluate: boolean;
  /** Scope or granularity changed while a network is loaded: recompute the curves. */
  curves: boolean;
  /** The backend preference changed: the run stops and that backend starts. */
  backend: boolean;
}

export function settingsChange(state: AppState, patch: Partial<Settings>): SettingsChange {
  const before = state.settings;
  const next = { ...before, ...patch };
  // A new criterion keeps the sparsity in threshold mode, where T has no common meaning across criteria.
  if (patch.criterion && patch.criterion !== before.criterion && next.mode === 'threshold' && state.pruning.sorted && patch.threshold === undefined) {
    next.threshold = thresholdKeepingSparsity(state.pruning.sorted, before, patch.criterion);
  }
  return {
    next,
    evaluate: PRUNING_KEYS.some((k) => next[k] !== before[k]),
    curves: (next.scope !== before.scope || next.granularity !== before.granularity) && state.pruning.status !== 'idle',
    backend: next.backend !== before.backend,
  };
}
