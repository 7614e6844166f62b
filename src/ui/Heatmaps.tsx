import { useCallback, useId, useMemo } from 'react';
import { CRITERION_INFO } from '../core/criteria';
import { HEATMAP_VIEWS, type HeatmapView } from '../state/settings';
import { ColorBar } from './ColorBar';
import { useAppState, useController } from './context';
import { formatSci, int, pct } from './format';
import { scaleFor } from './heatmap/colormap';
import type { Cell } from './heatmap/layout';
import { colorIndices } from './heatmap/render';
import { heatmapValues } from './heatmap/values';
import { LayerHeatmap } from './LayerHeatmap';

const VIEW_LABEL: Record<HeatmapView, string> = {
  score: 'Current criterion’s score',
  gradient: 'Gradient |∂L/∂w|',
  magnitude: 'Magnitude |w|',
  taylor: 'Taylor |w·∂L/∂w|',
  obd: 'OBD ½w²·F',
  weights: 'Weights (signed)',
  fields: 'Receptive fields (MNIST layer 1)',
};

/** Per-layer heatmaps: live gradients while training, then any criterion's scores or the weights, with the mask. */
export function Heatmaps() {
  const c = useController();
  const scoring = useAppState((s) => s.scoring);
  const live = useAppState((s) => s.liveGrads);
  const heatmapView = useAppState((s) => s.settings.view);
  const criterion = useAppState((s) => s.settings.criterion);
  const scaleKind = useAppState((s) => s.settings.scale);
  const mode = useAppState((s) => s.settings.mode);
  const thresholdT = useAppState((s) => s.settings.threshold);
  const seed = useAppState((s) => s.runConfig?.seed ?? s.settings.seed);
  const view = useAppState((s) => s.pruning.view);
  const viewId = useId();

  const hv = useMemo(() => heatmapValues(scoring, live, heatmapView, criterion, scaleKind, seed), [scoring, live, heatmapView, criterion, scaleKind, seed]);
  const scale = useMemo(() => (hv ? scaleFor(hv.values, hv.kind) : null), [hv]);
  const indices = useMemo(() => (hv && scale ? hv.values.map((v) => colorIndices(v, scale)) : []), [hv, scale]);
  const layers = scoring?.layers ?? live?.layers ?? [];
  const masks = scoring && view ? view.masks : null;
  const scores = hv?.source === 'scoring' && hv.criterion ? hv.values : null;

  const describe = useCallback(
    (l: number) =>
      (cell: Cell): string[] => {
        const layer = layers[l];
        const k = cell.i * layer.units + cell.j;
        const lines = [`${layer.name}: input ${cell.i} → unit ${cell.j}`];
        if (scoring) {
          const sl = scoring.layers[l];
          lines.push(`w = ${formatSci(sl.kernel[k])}`, `|∂L/∂w| = ${formatSci(sl.gradAbsMean[k])}`);
          if (scores && hv?.criterion && hv.criterion !== 'gradient') lines.push(`${hv.criterion} score = ${formatSci(scores[l][k])}`);
          if (masks) lines.push(masks[l][k] ? 'kept' : 'pruned');
        } else if (live) {
          lines.push(`live |∂L/∂w| ≈ ${formatSci(live.layers[l].gradAbs[k])}`);
        }
        return lines;
      },
    [layers, scoring, live, masks, scores, hv],
  );

  const isMnist = layers[0]?.inputs === 784;
  // The threshold marker: T itself, or the equivalent T in sparsity mode (none per layer).
  const threshold = hv?.criterion !== criterion ? null : mode === 'threshold' ? thresholdT : (view?.threshold ?? null);
  return (
    <section className="panel heatmaps" aria-labelledby="heatmaps-title" data-testid="heatmaps" data-source={hv?.source ?? 'none'}>
      <div className="heatmaps-head">
        <h2 id="heatmaps-title">Network {hv ? <span className="muted">· {hv.label}</span> : null}</h2>
        <div className="heatmaps-controls">
          <label htmlFor={viewId}>Show</label>
          <select id={viewId} data-testid="heatmaps.view" value={heatmapView} disabled={!scoring} onChange={(e) => c.updateSettings({ view: e.target.value as HeatmapView })}>
            {HEATMAP_VIEWS.map((v) => (
              <option key={v} value={v} disabled={v === 'fields' && !isMnist}>
                {v === 'score' ? `${VIEW_LABEL.score} (${CRITERION_INFO[criterion].label})` : VIEW_LABEL[v]}
              </option>
            ))}
          </select>
          <button type="button" data-testid="heatmaps.scale" aria-pressed={scaleKind === 'log'} disabled={hv?.kind === 'diverging'} onClick={() => c.updateSettings({ scale: scaleKind === 'log' ? 'linear' : 'log' })} title="Log or linear colour scale">
            {scaleKind === 'log' ? 'log scale' : 'linear scale'}
          </button>
        </div>
      </div>
      {scale && <ColorBar scale={scale} threshold={threshold !== null && Number.isFinite(threshold) ? threshold : null} />}
      {!hv && <p className="muted">Heatmaps of every layer’s |∂L/∂w| appear as soon as training starts.</p>}
      {hv &&
        layers.map((layer, l) => {
          const r = masks && view ? view.report.layers[l] : null;
          const dims = { inputs: layer.inputs, units: layer.units };
          const header = `${layer.name} · ${layer.inputs} × ${layer.units}` + (r ? ` · ${int(r.live)} / ${int(r.total)} live · ${pct(r.sparsity)} pruned` : '');
          return (
            <LayerHeatmap
              key={layer.name}
              name={layer.name}
              dims={dims}
              indices={indices[l]}
              mask={masks ? masks[l] : null}
              kind={hv.kind}
              layout={heatmapView === 'fields' && l === 0 && isMnist ? 'fields' : 'matrix'}
              header={header}
              summary={`Heatmap of ${hv.label} for layer ${header}`}
              describe={describe(l)}
            />
          );
        })}
    </section>
  );
}
