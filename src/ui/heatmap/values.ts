/** What each heatmap shows, from the state: values per layer, the colour scale and a label. Pure. */
import { CRITERION_INFO, scoreLayers, type Criterion } from '../../core/criteria';
import type { LiveGrads } from '../../state/store';
import type { HeatmapView } from '../../state/settings';
import type { LayerArrays } from '../../core/arch';
import type { ScaleSpec } from './colormap';

export interface HeatmapValues {
  /** One array per layer, row-major `[inputs, units]`. */
  values: Float32Array[];
  kind: ScaleSpec['kind'];
  label: string;
  /** The criterion whose scores are shown (for the threshold marker), or null. */
  criterion: Criterion | null;
  source: 'live' | 'scoring';
}

/** Criterion shown by a view ('score' and 'fields' follow the pruning criterion). */
export function viewCriterion(view: HeatmapView, criterion: Criterion): Criterion | null {
  if (view === 'weights') return null;
  if (view === 'score' || view === 'fields') return criterion;
  return view;
}

export function heatmapValues(
  scoring: { layers: LayerArrays[] } | null,
  live: LiveGrads | null,
  view: HeatmapView,
  criterion: Criterion,
  scale: 'log' | 'linear',
  seed: number,
): HeatmapValues | null {
  if (!scoring) {
    if (!live) return null;
    return { values: live.layers.map((l) => l.gradAbs), kind: scale, label: 'live |∂L/∂w| (running average while training)', criterion: null, source: 'live' };
  }
  if (view === 'weights') return { values: scoring.layers.map((l) => l.kernel), kind: 'diverging', label: 'weights w (blue < 0 < red)', criterion: null, source: 'scoring' };
  const c = viewCriterion(view, criterion)!;
  return { values: scoreLayers(c, scoring.layers, seed), kind: scale, label: `${CRITERION_INFO[c].label} score`, criterion: c, source: 'scoring' };
}
