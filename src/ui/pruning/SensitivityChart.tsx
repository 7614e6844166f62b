import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../kit/ChartFrame';
import type { Criterion } from '../../core/prune';
import type { LayerArrays } from '../../core/base';
import { isRunning } from '../../state/store';
import { useAppState, useT } from '../kit/context';
import { staggered } from '../kit/staggered';
import { CRITERION_COLORS } from './SparsityPlot';

type Points = readonly { sparsity: number; accuracy: number }[];
const NONE: Points = [];

/** One layer's panel; memoized, so it re-renders only when its own points (or the criterion) change. */
const Panel = staggered(function Panel({
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
  const data = points.map((p) => ({ x: p.sparsity * 100, y: p.accuracy }));
  const last = data[data.length - 1];
  return (
    <figure className="small-multiple" data-testid={`sensitivity.panel.${index}`} data-points={data.length}>
      <figcaption>
        {layer.name} ({layer.inputs}×{layer.units})
      </figcaption>
      <ChartFrame height={130}>
        {/* Not focusable (no accessibility layer): there is no tooltip to step through; the sentence below is the text alternative. */}
        <LineChart margin={{ top: 6, right: 8, bottom: 0, left: -18 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, 100]}
            ticks={[0, 50, 100]}
            tickFormatter={(v: number) => `${v}%`}
            stroke="var(--muted)"
            fontSize={10}
          />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.5, 1]}
            tickFormatter={(v: number) => `${v * 100}%`}
            stroke="var(--muted)"
            fontSize={10}
          />
          {dense !== null && <ReferenceLine y={dense} stroke="var(--text)" strokeDasharray="2 4" />}
          <Line
            data={data}
            dataKey="y"
            stroke={CRITERION_COLORS[criterion]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
      <p className="sr-only">
        {last
          ? t('sensitivity.summary', {
              sparsity: last.x.toFixed(0),
              layer: layer.name,
              accuracy: (last.y * 100).toFixed(1),
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
  if (scoring || !training) kept.current = scoring;
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
            dense={dense}
          />
        ))}
      </div>
    </section>
  );
}
