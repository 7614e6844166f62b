/**
 * What a change of settings requires, worked out from the state before it, so the controller applies
 * one plan instead of branching on every key. Pure.
 */
import { fractionPruned, itemsOf, thresholdForCount, thresholdKeepingSparsity } from './pruneSpec';
import { PRUNING_KEYS, sameValue, SETTING_KEYS, type Settings } from './settings';
import type { AppState } from './store';

export interface SettingsChange {
  next: Settings;
  /** Any setting has a new value (else there is nothing to update). */
  changed: boolean;
  /** A pruning setting changed: evaluate the new masks. */
  evaluate: boolean;
  /** Scope or granularity changed while a network is loaded: recompute the curves. */
  curves: boolean;
  /** The backend preference changed: the run stops and that backend starts. */
  backend: boolean;
}

/**
 * `asGiven`: the patch is a link's whole settings, taken as they are (a link is a link: it ends in the same
 * state from any other), without the conversions below that keep what a user's single change prunes.
 */
export function settingsChange(state: AppState, patch: Partial<Settings>, asGiven = false): SettingsChange {
  const before = state.settings;
  const next = { ...before, ...patch };
  const sorted = asGiven ? null : state.pruning.sorted;
  // A new criterion keeps the sparsity in threshold mode, where T has no common meaning across criteria.
  if (
    patch.criterion &&
    patch.criterion !== before.criterion &&
    next.mode === 'threshold' &&
    sorted &&
    patch.threshold === undefined
  ) {
    next.threshold = thresholdKeepingSparsity(sorted, before, patch.criterion);
  }
  // A new mode keeps what is pruned: the share the threshold pruned, or the threshold that prunes that share.
  if (
    patch.mode &&
    patch.mode !== before.mode &&
    sorted &&
    patch.threshold === undefined &&
    patch.sparsity === undefined
  ) {
    const items = itemsOf(sorted, next.criterion, next);
    if (next.mode === 'threshold')
      next.threshold = thresholdForCount(items, Math.floor(before.sparsity * items.length + 1e-9));
    else next.sparsity = Math.min(0.999, fractionPruned(items, before.threshold));
  }
  // 2:4 prunes at most half the weights: a larger target sparsity would ask for what it cannot give.
  if (!asGiven && patch.granularity === '2:4' && before.granularity !== '2:4')
    next.sparsity = Math.min(next.sparsity, 0.5);
  // T is compared with float32 scores: it is a float32 too, so a link can carry it in its shortest form.
  next.threshold = Math.fround(next.threshold);
  return {
    next,
    changed: SETTING_KEYS.some((k) => !sameValue(k, next[k], before[k])),
    evaluate: PRUNING_KEYS.some((k) => next[k] !== before[k]),
    curves: (next.scope !== before.scope || next.granularity !== before.granularity) && state.pruning.status !== 'idle',
    backend: next.backend !== before.backend,
  };
}
