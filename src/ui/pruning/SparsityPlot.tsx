import { type RefObject } from 'react';
import { CartesianGrid, ComposedChart, ReferenceLine, Scatter, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../kit/ChartFrame';
import type { Criterion, Granularity } from '../../core/prune';
import type { FinetuneRecord } from '../../state/store';
import { fractionAtX, toX, xAxis, type XMode } from './chartMath';
import { useT } from '../kit/context';
import { staggered } from '../kit/staggered';
import { MARKERS } from './markers';
import { usePlotArea } from '../kit/plotArea';

/** Okabe–Ito colours (colour-blind safe), one per criterion. */
export const CRITERION_COLORS: Record<Criterion, string> = {
  gradient: '#d55e00',
  gradnorm: '#e69f00',
  magnitude: '#0072b2',
  lamp: '#56b4e9',
  taylor: '#009e73',
  obd: '#cc79a7',
  random: '#7f7f7f',
};

export interface Series {
  key: string;
  criterion: Criterion;
  split: 'val' | 'train';
  name: string;
  data: { x: number; y: number }[];
}

interface PlotProps {
  mode: XMode;
  /** The curves' granularity: 2:4 prunes at most 50 %, and the x axis ends there. */
  granularity: Granularity;
  /** The dense network's validation accuracy (a dashed reference line), if known. */
  denseAccuracy: number | null;
  log: readonly FinetuneRecord[];
}

/**
 * The recharts part of the chart: its frame (grid, axes, the dense line) and the fine-tuning markers. The
 * curves are drawn on a canvas under it (`CurvesCanvas`), the slider's position by `SliderMarker`: so
 * neither new curves nor a slider move re-render it (its lines cost ~30 ms a render in SVG path
 * measuring). Memoized; its texts come from `useT`, which re-renders it only when the language changes.
 */
export const SparsityPlot = staggered(function SparsityPlot({ mode, granularity, denseAccuracy, log }: PlotProps) {
  const t = useT();
  const denseLabel = {
    value: t('chart.dense'),
    position: 'insideTopRight' as const,
    fill: 'var(--muted)',
    fontSize: 11,
  };
  const axis = xAxis(mode, granularity);
  const ftData = (kind: string) =>
    log.filter((r) => r.kind === kind).map((r) => ({ x: toX(r.sparsity, mode), y: r.afterValAcc, r }));
  return (
    // No recharts accessibility layer: this chart has no recharts tooltip to step through, and the slider is its keyboard equivalent.
    <ChartFrame height={215}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        <XAxis
          dataKey="x"
          type="number"
          domain={axis.domain}
          scale={mode === 'remaining' ? 'log' : 'linear'}
          reversed={mode === 'remaining'}
          allowDataOverflow
          ticks={axis.ticks}
          tickFormatter={(v: number) => `${v}%`}
          stroke="var(--muted)"
        />
        <YAxis
          type="number"
          domain={[0, 1]}
          allowDataOverflow
          ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          width={52}
          stroke="var(--muted)"
        />
        {denseAccuracy !== null && (
          <ReferenceLine y={denseAccuracy} stroke="var(--text)" strokeDasharray="2 4" label={denseLabel} />
        )}
        {/* Empty markers are left out, not drawn hidden: each recharts item costs render time. */}
        {MARKERS.map((m) => ({ m, data: ftData(m.kind) }))
          .filter(({ data }) => data.length > 0)
          .map(({ m, data }) => (
            <Scatter
              key={m.kind}
              data={data}
              dataKey="y"
              name={t(m.key)}
              fill={m.color}
              line={'line' in m ? { stroke: m.color, ...m.line } : undefined}
              shape={m.shape}
              isAnimationActive={false}
            />
          ))}
      </ComposedChart>
    </ChartFrame>
  );
});

/** The slider's position as a vertical line over the plot area, with the same axis mapping as the chart: a move costs one attribute update. */
export function SliderMarker({
  box,
  x,
  mode,
  domain,
}: {
  box: RefObject<HTMLDivElement | null>;
  x: number | null;
  mode: XMode;
  domain: [number, number];
}) {
  const area = usePlotArea(box, x !== null, mode);
  if (x === null || !area) return null;
  const px = area.left + fractionAtX(x, mode, domain) * area.width;
  return (
    <svg className="slider-marker-layer" aria-hidden="true">
      <line
        className="slider-marker"
        data-testid="chart.marker"
        data-x={x}
        x1={px}
        x2={px}
        y1={area.top}
        y2={area.top + area.height}
        stroke="var(--marker)"
        strokeWidth={2}
      />
    </svg>
  );
}
