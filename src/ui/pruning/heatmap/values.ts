/** What each heatmap shows, from the state: values per layer, the colour scale and a label. Pure. */
import { scoreLayers, type Criterion } from '../../../core/prune';
import { msg, type Msg } from '../../../i18n/catalogue';
import type { HeatmapView, LiveGrads } from '../../../state/store';
import type { LayerArrays } from '../../../core/base';
import type { ScaleSpec } from './colormap';

export interface HeatmapValues {
  /** One array per layer, row-major `[inputs, units]`. */
  values: Float32Array[];
  kind: ScaleSpec['kind'];
  /** What the values are, as a message (translated where it is shown, so the values do not depend on the language). */
  label: Msg;
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
    return {
      values: live.layers.map((l) => l.gradAbs),
      kind: scale,
      label: msg('heatmap.label.live'),
      criterion: null,
      source: 'live',
    };
  }
  if (view === 'weights')
    return {
      values: scoring.layers.map((l) => l.kernel),
      kind: 'diverging',
      label: msg('heatmap.label.weights'),
      criterion: null,
      source: 'scoring',
    };
  const c = viewCriterion(view, criterion)!;
  return {
    values: scoreLayers(c, scoring.layers, seed),
    kind: scale,
    label: msg('heatmap.label.score', { criterion: msg(`criterion.${c}.label`) }),
    criterion: c,
    source: 'scoring',
  };
}
