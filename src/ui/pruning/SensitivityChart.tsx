import { memo, useCallback, useRef } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../kit/ChartFrame';
import type { Criterion } from '../../core/prune';
import type { LayerArrays } from '../../core/base';
import { isRunning } from '../../state/store';
import { useAppState, useT } from '../kit/context';
import { staggered } from '../kit/staggered';
import { PlotCanvas } from '../kit/PlotCanvas';
import { CRITERION_COLORS } from './SparsityPlot';

type Points = readonly { sparsity: number; accuracy: number }[];
const NONE: Points = [];

/**
 * A panel's frame in recharts (grid, axes, the dense line): re-rendered only when the dense accuracy
 * changes. The layer's curve is drawn on a canvas over it: a recharts line measures its SVG path in
 * every render, which made each panel's new curve a long task of its own.
 */
const PanelFrame = staggered(function PanelFrame({ dense }: { dense: number | null }) {
  return (
    <ChartFrame height={130}>
      {/* Not focusable (no accessibility layer): there is no tooltip to step through; the sentence below the panel is the text alternative. */}
      <LineChart margin={{ top: 6, right: 8, bottom: 0, left: -18 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, 100]}
          allowDataOverflow
          ticks={[0, 50, 100]}
          tickFormatter={(v: number) => `${v}%`}
          stroke="var(--muted)"
          fontSize={10}
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          allowDataOverflow
          ticks={[0, 0.5, 1]}
          tickFormatter={(v: number) => `${v * 100}%`}
          stroke="var(--muted)"
          fontSize={10}
        />
        {dense !== null && <ReferenceLine y={dense} stroke="var(--text)" strokeDasharray="2 4" />}
      </LineChart>
    </ChartFrame>
  );
});

/** One layer's panel; memoized, so it redraws only when its own points (or the criterion) change. */
const Panel = memo(function Panel({
  layer,
  index,
  points,
  criterion,
  dense,
}: {
  layer: Pick<LayerArrays, 'name' | 'inputs' | 'units'>;
  index: number;
  points: Points;
  criterion: Criterion;
  dense: number | null;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => {
      ctx.beginPath();
      points.forEach((p, i) => {
        const [x, y] = [p.sparsity * w, (1 - p.accuracy) * h];
        if (i) ctx.lineTo(x, y);
        else ctx.moveTo(x, y);
      });
      Object.assign(ctx, { strokeStyle: CRITERION_COLORS[criterion], lineWidth: 2 * dpr, lineJoin: 'round' });
      ctx.stroke();
      return points.length;
    },
    [points, criterion],
  );
  const last = points[points.length - 1];
  return (
    <figure className="small-multiple" data-testid={`sensitivity.panel.${index}`} data-points={points.length}>
      <figcaption>
        {layer.name} ({layer.inputs}×{layer.units})
      </figcaption>
      <div ref={box} className="loss-box">
        <PanelFrame dense={dense} />
        <PlotCanvas box={box} draw={draw} testid={`sensitivity.canvas.${index}`} />
      </div>
      <p className="sr-only">
        {last
          ? t('sensitivity.summary', {
              sparsity: (last.sparsity * 100).toFixed(0),
              layer: layer.name,
              accuracy: (last.accuracy * 100).toFixed(1),
            })
          : t('sensitivity.computing')}
      </p>
    </figure>
  );
});

/**
 * Per-layer sensitivity (SparseML / NNI style): each layer pruned alone, the others dense. Drawn when the
 * sweep is done (re-laying out three recharts charts for every batch of points cost a frame each time).
 */
export function SensitivityChart() {
  const t = useT();
  const running = useAppState((s) => s.sweep.status === 'running');
  const criterion = useAppState((s) => s.settings.criterion);
  const layers = useAppState((s) => s.sweep.sensitivity[s.settings.criterion]);
  // While a sweep runs the panels keep the last finished points (faded), so nothing re-renders until it is done.
  const finished = useRef(layers);
  if (!running) finished.current = layers;
  const dense = useAppState((s) => s.pruning.dense?.val.accuracy ?? null);
  const scoring = useAppState((s) => s.scoring);
  // A new run clears the network until its scoring pass: the panels stay (faded) meanwhile, as the
  // accuracy chart does — unmounting and mounting three recharts charts cost a long task each.
  const training = useAppState((s) => isRunning(s.phase));
  const kept = useRef(scoring);
  // The dense line: a new network's comes a moment after the network (the old one is kept till then:
  // one render of the panels instead of two).
  const keptDense = useRef(dense);
  if (scoring || !training) kept.current = scoring;
  if (dense !== null) keptDense.current = dense;
  const network = kept.current;
  if (!network) return null;
  const stale = running || network !== scoring;
  return (
    <section className="panel sensitivity" aria-labelledby="sens-title" data-testid="sensitivity">
      <h2 id="sens-title">
        {t('sensitivity.title')}{' '}
        <span className="muted">{t('sensitivity.subtitle', { criterion: t(`criterion.${criterion}.label`) })}</span>
      </h2>
      <div className={stale ? 'small-multiples stale' : 'small-multiples'}>
        {network.layers.map((layer, l) => (
          <Panel
            key={layer.name}
            layer={layer}
            index={l}
            points={finished.current?.[l] ?? NONE}
            criterion={criterion}
            dense={keptDense.current}
          />
        ))}
      </div>
    </section>
  );
}
