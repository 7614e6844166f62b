/** Bridges the scoring result in the store to the pure pruning engine. */
import { scoreLayers, type Criterion } from '../core/criteria';
import { buildPruneIndex, computeMasks, type PruneIndex, type PruneResult, type PruneSpec } from '../core/masks';
import type { ScoringResult } from '../train/protocol';

/** The sorted prune index for a criterion (build once per criterion and granularity; it is the slow part). */
export function pruneIndexFor(scoring: ScoringResult, criterion: Criterion, granularity: PruneSpec['granularity'], seed: number): PruneIndex {
  const shapes = scoring.layers.map((l) => ({ inputs: l.inputs, units: l.units }));
  return buildPruneIndex(scoreLayers(criterion, scoring.layers, seed), shapes, granularity);
}

export function masksFor(scoring: ScoringResult, criterion: Criterion, spec: PruneSpec, seed: number): PruneResult {
  return computeMasks(pruneIndexFor(scoring, criterion, spec.granularity, seed), spec);
}
