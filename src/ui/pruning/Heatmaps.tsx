import { memo, useCallback, useDeferredValue, useId, useMemo } from 'react';
import type { Criterion } from '../../core/prune';
import { HEATMAP_VIEWS, type HeatmapView, type Settings } from '../../state/store';
import { ColorBar } from './ColorBar';
import { useAppState, useController, useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';
import { scaleFor } from './heatmap/colormap';
import type { Cell } from './heatmap/layout';
import { colorIndices } from './heatmap/render';
import { heatmapValues } from './heatmap/values';
import { LayerHeatmap } from './LayerHeatmap';

/** Per-layer heatmaps: live gradients while training, then any criterion's scores or the weights, with the mask. */
export function Heatmaps() {
  const t = useT();
  const scoring = useAppState((s) => s.scoring);
  // Live gradients (every 500 ms while a run trains) are drawn in a deferred render: the three layers'
  // colour mapping and the canvases' repaint no longer share a task with the progress message's update.
  const live = useDeferredValue(useAppState((s) => s.liveGrads));
  const heatmapView = useAppState((s) => s.settings.view);
  const criterion = useAppState((s) => s.settings.criterion);
  const scaleKind = useAppState((s) => s.settings.scale);
  const mode = useAppState((s) => s.settings.mode);
  const thresholdT = useAppState((s) => s.settings.threshold);
  const seed = useAppState((s) => s.runConfig?.seed ?? s.settings.seed);
  const view = useAppState((s) => s.pruning.view);
  // While gradual pruning trains, its masks (not the slider's) are drawn, as they change.
  const gradual = useAppState((s) =>
    s.experiments.finetune?.kind === 'gradual' &&
    s.experiments.finetune.status === 'running' &&
    s.experiments.gradual?.masks
      ? s.experiments.gradual
      : null,
  );

  const hv = useMemo(
    () => heatmapValues(scoring, live, heatmapView, criterion, scaleKind, seed),
    [scoring, live, heatmapView, criterion, scaleKind, seed],
  );
  const scale = useMemo(() => (hv ? scaleFor(hv.values, hv.kind) : null), [hv]);
  const indices = useMemo(() => (hv && scale ? hv.values.map((v) => colorIndices(v, scale)) : []), [hv, scale]);
  const layers = useMemo(() => scoring?.layers ?? live?.layers ?? [], [scoring, live]);
  const masks = gradual ? gradual.masks : scoring && view ? view.masks : null;
  const scores = hv?.source === 'scoring' && hv.criterion ? hv.values : null;

  const describe = useCallback(
    (l: number) =>
      (cell: Cell): string[] => {
        const layer = layers[l];
        const k = cell.i * layer.units + cell.j;
        const lines = [t('heatmap.tip.cell', { layer: layer.name, i: cell.i, j: cell.j })];
        if (scoring) {
          const sl = scoring.layers[l];
          lines.push(`w = ${formatSci(sl.kernel[k])}`, `|∂L/∂w| = ${formatSci(sl.gradAbsMean[k])}`);
          if (scores && hv?.criterion && hv.criterion !== 'gradient')
            lines.push(
              t('heatmap.tip.score', {
                criterion: t(`heatmap.criterion.${hv.criterion}`),
                value: formatSci(scores[l][k]),
              }),
            );
          if (masks) lines.push(t(masks[l][k] ? 'heatmap.tip.kept' : 'heatmap.tip.pruned'));
        } else if (live) {
          lines.push(t('heatmap.tip.live', { value: formatSci(live.layers[l].gradAbs[k]) }));
        }
        return lines;
      },
    [layers, scoring, live, masks, scores, hv, t],
  );

  const isMnist = layers[0]?.inputs === 784;
  const label = hv ? t.msg(hv.label) : '';
  // The threshold marker: T itself, or the equivalent T in sparsity mode (none per layer).
  const threshold = hv?.criterion !== criterion ? null : mode === 'threshold' ? thresholdT : (view?.threshold ?? null);
  return (
    <section
      className="panel heatmaps"
      aria-labelledby="heatmaps-title"
      data-testid="heatmaps"
      data-source={hv?.source ?? 'none'}
    >
      <div className="heatmaps-head">
        <h2 id="heatmaps-title">
          {t('heatmaps.title')} {hv ? <span className="muted">· {label}</span> : null}
        </h2>
        <HeatmapControls
          view={heatmapView}
          criterion={criterion}
          scaleKind={scaleKind}
          disabled={!scoring}
          diverging={hv?.kind === 'diverging'}
          isMnist={isMnist}
        />
      </div>
      {scale && (
        <ColorBar scale={scale} threshold={threshold !== null && Number.isFinite(threshold) ? threshold : null} />
      )}
      {!hv && <p className="muted">{t('heatmaps.empty')}</p>}
      {gradual && (
        <p className="notice" data-testid="heatmaps.gradual" data-step={gradual.step}>
          {t('gradual.live', { step: gradual.step, total: gradual.totalSteps, sparsity: pct(gradual.sparsity) })}
        </p>
      )}
      {hv &&
        layers.map((layer, l) => {
          const r = gradual ? liveCount(gradual.masks![l]) : masks && view ? view.report.layers[l] : null;
          const dims = { inputs: layer.inputs, units: layer.units };
          const shape = { name: layer.name, inputs: layer.inputs, units: layer.units };
          const header = r
            ? t('heatmap.header.pruned', { ...shape, live: r.live, total: r.total, sparsity: pct(r.sparsity) })
            : t('heatmap.header', shape);
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
              summary={t('heatmap.summary', { what: label, header })}
              describe={describe(l)}
            />
          );
        })}
    </section>
  );
}

/** A mask's kept weights, as the header shows them. */
function liveCount(mask: Uint8Array) {
  let live = 0;
  for (let i = 0; i < mask.length; i++) live += mask[i];
  return { live, total: mask.length, sparsity: mask.length ? 1 - live / mask.length : 0 };
}

/** The view select and the scale switch: memoized, so a slider move (which re-renders the heatmaps) skips them. */
const HeatmapControls = memo(function HeatmapControls({
  view: heatmapView,
  criterion,
  scaleKind,
  disabled,
  diverging,
  isMnist,
}: {
  view: HeatmapView;
  criterion: Criterion;
  scaleKind: Settings['scale'];
  disabled: boolean;
  diverging: boolean;
  isMnist: boolean;
}) {
  const c = useController();
  const t = useT();
  const viewId = useId();
  return (
    <div className="heatmaps-controls">
      {/* The explanations sit before their controls: Tab goes from the scale button straight to the first heatmap. */}
      <span className="field-label">
        <label htmlFor={viewId}>{t('heatmaps.show')}</label>
        <Help id="heatmaps.view" label={t('setting.view.label')} text={t('setting.view.help')} />
      </span>
      <select
        id={viewId}
        data-testid="heatmaps.view"
        value={heatmapView}
        disabled={disabled}
        aria-describedby={helpId('heatmaps.view')}
        onChange={(e) => c.updateSettings({ view: e.target.value as HeatmapView })}
      >
        {HEATMAP_VIEWS.map((v) => (
          <option key={v} value={v} disabled={v === 'fields' && !isMnist}>
            {t(`view.${v}`, { criterion: t(`criterion.${criterion}.label`) })}
          </option>
        ))}
      </select>
      <Help id="heatmaps.scale" label={t('setting.scale.label')} text={t('setting.scale.help')} />
      <button
        type="button"
        data-testid="heatmaps.scale"
        aria-pressed={scaleKind === 'log'}
        disabled={diverging}
        aria-describedby={helpId('heatmaps.scale')}
        onClick={() => c.updateSettings({ scale: scaleKind === 'log' ? 'linear' : 'log' })}
      >
        {t(scaleKind === 'log' ? 'heatmaps.scale.log' : 'heatmaps.scale.linear')}
      </button>
    </div>
  );
});
