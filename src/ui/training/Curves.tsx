import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../kit/ChartFrame';
import { useAppState, useT } from '../kit/context';
import { staggered } from '../kit/staggered';
import type { EpochMetrics, LossPoint } from '../../state/store';
import { LossCanvas } from './LossCanvas';
import { useReducedMotion } from '../kit/useReducedMotion';

// Okabe–Ito hues; orange is a darker shade in the light scheme (CSS variable) for 3:1 against the panel.
const COLORS = { batch: '#9aa5b1', smooth: '#0072b2', train: 'var(--c-orange)', val: '#009e73' };
const CANVAS_COLORS = { batch: COLORS.batch, smooth: COLORS.smooth };
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : String(v));
/** The lines never animate: they grow live while training, and a tween would lag behind the data. */
const animate = false;
interface LegendEntry {
  name: string;
  color: string;
  dash?: string;
}
/**
 * A chart's legend, in HTML under the chart rather than recharts' `Legend`: its entries never change
 * while a run trains, and recharts' legend re-rendered and re-measured with every new point (a second
 * layout of the chart each time). The icons are decorative; the names come from the catalogue.
 */
function LegendList({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="legend-list curves-legend">
      {entries.map((e) => (
        <li key={e.name}>
          <svg width={14} height={14} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <line x1={0} y1={16} x2={32} y2={16} stroke={e.color} strokeWidth={5} strokeDasharray={e.dash} />
            <circle cx={16} cy={16} r={6} fill="var(--panel)" stroke={e.color} strokeWidth={4} />
          </svg>
          <span className="legend-text">{e.name}</span>
        </li>
      ))}
    </ul>
  );
}
const TEXT_STYLE = { color: 'var(--text)' };
const TOOLTIP_STYLE = { background: 'var(--panel)', border: '1px solid var(--border)' };
const AXIS_LABEL = { position: 'insideBottomRight', offset: -2, fill: 'var(--muted)' } as const;
/** Rounds a loss-axis maximum up to a readable value (0.5 steps, or 0.1 below 1). */
const niceMax = (max: number) =>
  !Number.isFinite(max) || max <= 0 ? 1 : max < 1 ? Math.ceil(max * 10) / 10 : Math.ceil(max * 2) / 2;
/** Ticks at round steps from 0 to niceMax(max). */
function lossTicks(losses: LossPoint[], epochs: EpochMetrics[]): number[] {
  let max = 0;
  for (const p of losses) if (p.loss > max) max = p.loss;
  for (const e of epochs) if (e.valLoss > max) max = e.valLoss;
  const top = niceMax(max);
  const step = top <= 1 ? 0.2 : top <= 3 ? 0.5 : Math.ceil(top / 5);
  return Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => Number((i * step).toFixed(2)));
}

/**
 * The loss chart: recharts draws the frame (grid, axes, legend, tooltip) and the validation loss per
 * epoch, and re-renders only when those change; the batch losses and their smoothed average, which grow
 * with every progress message, are drawn on a canvas over it (LossCanvas).
 */
function LossChart({
  losses,
  epochs,
  maxX,
  reduced,
}: {
  losses: LossPoint[];
  epochs: EpochMetrics[];
  maxX: number;
  reduced: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const ticks = lossTicks(losses, epochs);
  const yTop = ticks[ticks.length - 1];
  return (
    <div ref={box} className="loss-box">
      <LossFrame
        epochs={epochs}
        smoothAtEpochs={smoothAtEpochs(losses, epochs)}
        maxX={maxX}
        ticks={ticks.join(',')}
        reduced={reduced}
      />
      <LossCanvas box={box} losses={losses} maxX={maxX} yTop={yTop} colors={CANVAS_COLORS} />
    </div>
  );
}

/** The smoothed training loss at each epoch's end (for the tooltip); changes once per epoch. */
function smoothAtEpochs(losses: LossPoint[], epochs: EpochMetrics[]): string {
  let k = 0;
  return epochs
    .map((e) => {
      while (k + 1 < losses.length && losses[k + 1].x <= e.epoch + 1e-9) k++;
      return losses[k]?.smooth ?? NaN;
    })
    .join(',');
}

const LossFrame = staggered(function LossFrame({
  epochs,
  smoothAtEpochs,
  maxX,
  ticks,
  reduced,
}: {
  epochs: EpochMetrics[];
  smoothAtEpochs: string;
  maxX: number;
  ticks: string;
  reduced: boolean;
}) {
  const t = useT();
  const smooth = smoothAtEpochs ? smoothAtEpochs.split(',').map(Number) : [];
  const data = epochs.map((e, i) => ({ x: e.epoch, v: e.valLoss, smooth: smooth[i] }));
  const yTicks = ticks.split(',').map(Number);
  return (
    <ChartFrame height={148}>
      <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }} title={t('curves.loss.title')}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        {epochAxis(maxX, t('curves.axis.epoch'))}
        <YAxis
          stroke="var(--muted)"
          domain={[0, yTicks[yTicks.length - 1]]}
          ticks={yTicks}
          tickFormatter={(v: number) => v.toFixed(1)}
          width={44}
          allowDataOverflow
        />
        <Tooltip
          formatter={fmt}
          labelFormatter={(x) => t('curves.tooltip.epoch', { epoch: Number(x).toFixed(2) })}
          contentStyle={TOOLTIP_STYLE}
          itemStyle={TEXT_STYLE}
          labelStyle={TEXT_STYLE}
          isAnimationActive={!reduced}
        />
        {/* The canvas draws the whole smoothed line; these points at the epochs' ends give the tooltip its values. */}
        <Line
          data={data}
          dataKey="smooth"
          name={t('curves.trainLoss')}
          stroke={COLORS.smooth}
          strokeOpacity={0}
          dot={false}
          activeDot={{ r: 3 }}
          isAnimationActive={animate}
          strokeWidth={2}
        />
        <Line
          data={data}
          dataKey="v"
          name={t('curves.valLoss')}
          stroke={COLORS.val}
          isAnimationActive={animate}
          strokeWidth={2}
        />
      </LineChart>
    </ChartFrame>
  );
});

/** The epochs' x axis of both charts (a call, not a component: recharts reads its axes from its direct children). */
function epochAxis(maxX: number, label: string) {
  return (
    <XAxis
      dataKey="x"
      type="number"
      domain={[0, maxX]}
      allowDecimals={false}
      tickCount={Math.min(maxX + 1, 11)}
      label={{ value: label, ...AXIS_LABEL }}
      stroke="var(--muted)"
    />
  );
}

const AccuracyChart = staggered(function AccuracyChart({
  epochs,
  maxX,
  reduced,
}: {
  epochs: EpochMetrics[];
  maxX: number;
  reduced: boolean;
}) {
  const t = useT();
  const data = epochs.map((e) => ({ x: e.epoch, train: e.trainAcc, val: e.valAcc }));
  return (
    <ChartFrame height={148}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} title={t('curves.accuracy.title')}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
        {epochAxis(maxX, t('curves.axis.epoch'))}
        <YAxis
          stroke="var(--muted)"
          domain={[0, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          width={52}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : String(v))}
          labelFormatter={(x) => t('curves.tooltip.epoch', { epoch: String(x) })}
          contentStyle={TOOLTIP_STYLE}
          itemStyle={TEXT_STYLE}
          labelStyle={TEXT_STYLE}
          isAnimationActive={!reduced}
        />
        <Line
          dataKey="train"
          name={t('curves.trainAccuracy')}
          stroke={COLORS.train}
          isAnimationActive={animate}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <Line
          dataKey="val"
          name={t('curves.valAccuracy')}
          stroke={COLORS.val}
          isAnimationActive={animate}
          strokeWidth={2}
        />
      </LineChart>
    </ChartFrame>
  );
});

/** Live loss (per batch, smoothed, and per-epoch validation) and accuracy (per epoch) curves. */
export function Curves() {
  const losses = useAppState((s) => s.losses);
  const epochs = useAppState((s) => s.epochs);
  const maxX = useAppState((s) => s.runConfig?.epochs ?? s.settings.epochs);
  const last = epochs[epochs.length - 1];
  const reduced = useReducedMotion();
  const t = useT();
  const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
  return (
    <section className="panel curves" aria-label={t('curves.label')}>
      <div className="chart" data-testid="curves.loss" data-points={losses.length} data-reduced-motion={reduced}>
        <h3>{t('curves.loss.heading')}</h3>
        <LossChart losses={losses} epochs={epochs} maxX={maxX} reduced={reduced} />
        <LegendList
          entries={[
            { name: t('curves.batchLoss'), color: COLORS.batch },
            { name: t('curves.trainLoss'), color: COLORS.smooth },
            { name: t('curves.valLoss'), color: COLORS.val },
          ]}
        />
      </div>
      <div className="chart" data-testid="curves.accuracy" data-points={epochs.length} data-reduced-motion={reduced}>
        <h3>{t('curves.accuracy.heading')}</h3>
        <AccuracyChart epochs={epochs} maxX={maxX} reduced={reduced} />
        <LegendList
          entries={[
            { name: t('curves.trainAccuracy'), color: COLORS.train, dash: '5 3' },
            { name: t('curves.valAccuracy'), color: COLORS.val },
          ]}
        />
      </div>
      <p className="chart-summary" data-testid="curves.summary" aria-live="polite">
        {last
          ? t('curves.summary', {
              epoch: last.epoch,
              trainLoss: last.trainLoss.toFixed(4),
              trainAcc: percent(last.trainAcc),
              valLoss: last.valLoss.toFixed(4),
              valAcc: percent(last.valAcc),
            })
          : t('curves.empty')}
      </p>
    </section>
  );
}
