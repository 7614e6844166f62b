import { useCallback, useMemo } from 'react';
import { useAppState, useT } from '../kit/context';
import { mediaStore, useMedia } from '../kit/mediaQuery';
import type { EpochMetrics, LossPoint } from '../../state/store';
import { EpochChart, type Plot } from './EpochChart';
import { useReducedMotion } from '../kit/useReducedMotion';

// Okabe–Ito hues; orange is a darker shade in the light scheme (CSS variable) for 3:1 against the panel.
const COLORS = { batch: '#9aa5b1', smooth: '#0072b2', train: 'var(--c-orange)', val: '#009e73' };
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : String(v));
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

const darkStore = mediaStore('(prefers-color-scheme: dark)');
const resolved = new Map<string, string>();
/**
 * A CSS colour as the canvas takes it: "var(--c-orange)" resolved on the canvas, in the colour scheme
 * `dark` says (once per scheme).
 */
const resolve = (ctx: CanvasRenderingContext2D, color: string, dark = false) => {
  if (!color.startsWith('var(')) return color;
  const key = `${color} ${dark}`;
  if (!resolved.has(key)) {
    ctx.canvas.style.color = color;
    resolved.set(key, getComputedStyle(ctx.canvas).color);
  }
  return resolved.get(key)!;
};
/** A polyline through `n` points. */
function polyline(ctx: CanvasRenderingContext2D, n: number, at: (i: number) => [number, number]) {
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const [x, y] = at(i);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  }
}
/** A line of one value per epoch with a dot at each epoch, `dash` in CSS pixels. */
function epochLine(
  ctx: CanvasRenderingContext2D,
  p: Plot,
  epochs: EpochMetrics[],
  value: (e: EpochMetrics) => number,
  color: string,
  dash: number[] = [],
) {
  const c = color;
  polyline(ctx, epochs.length, (i) => [p.x(epochs[i].epoch), p.y(value(epochs[i]))]);
  ctx.setLineDash(dash.map((d) => d * p.dpr));
  Object.assign(ctx, { strokeStyle: c, lineWidth: 2 * p.dpr, globalAlpha: 1, lineJoin: 'round' });
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = c;
  for (const e of epochs) {
    ctx.beginPath();
    ctx.arc(p.x(e.epoch), p.y(value(e)), 2.5 * p.dpr, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** The smoothed training loss at the end of epoch `x` (the last batch loss at or before it). */
function smoothAt(losses: LossPoint[], x: number): number {
  let lo = 0;
  let hi = losses.length - 1;
  if (hi < 0) return NaN;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (losses[mid].x <= x + 1e-9) lo = mid;
    else hi = mid - 1;
  }
  return losses[lo].smooth;
}

/** The y axis's ticks as a stable array (a new array only when the ticks change: the frame then renders). */
function useTicks(ticks: number[]): number[] {
  const key = ticks.join(',');
  return useMemo(() => key.split(',').map(Number), [key]);
}

/**
 * The loss chart: every batch loss and its smoothed average, which grow with every progress message,
 * and the validation loss per epoch, all on the chart's canvas (EpochChart).
 */
function LossChart({ losses, epochs, maxX }: { losses: LossPoint[]; epochs: EpochMetrics[]; maxX: number }) {
  const t = useT();
  const yTicks = useTicks(lossTicks(losses, epochs));
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, p: Plot) => {
      const line = (value: (q: LossPoint) => number, color: string, width: number, alpha: number) => {
        polyline(ctx, losses.length, (i) => [p.x(losses[i].x), p.y(value(losses[i]))]);
        Object.assign(ctx, { strokeStyle: color, lineWidth: width * p.dpr, globalAlpha: alpha, lineJoin: 'round' });
        ctx.stroke();
      };
      line((q) => q.loss, COLORS.batch, 1, 0.45);
      line((q) => q.smooth, COLORS.smooth, 2, 1);
      epochLine(ctx, p, epochs, (e) => e.valLoss, COLORS.val);
      const n = losses.length;
      return { points: n, lines: [`batch:${n}`, `smooth:${n}`, `val:${epochs.length}`] };
    },
    [losses, epochs],
  );
  const tip = (i: number) => {
    const e = epochs[i];
    const smooth = smoothAt(losses, e.epoch);
    return {
      label: t('curves.tooltip.epoch', { epoch: String(e.epoch) }),
      rows: [
        { name: t('curves.trainLoss'), color: COLORS.smooth, value: fmt(smooth), y: smooth },
        { name: t('curves.valLoss'), color: COLORS.val, value: fmt(e.valLoss), y: e.valLoss },
      ],
    };
  };
  return (
    <EpochChart
      testid="curves.loss"
      title={t('curves.loss.title')}
      xLabel={t('curves.axis.epoch')}
      height={148}
      maxX={maxX}
      yTicks={yTicks}
      yFormat={oneDecimal}
      yWidth={44}
      xs={epochs.map((e) => e.epoch)}
      tip={tip}
      draw={draw}
    />
  );
}
const oneDecimal = (v: number) => v.toFixed(1);
const percentTick = (v: number) => `${Math.round(v * 100)}%`;
const ACCURACY_TICKS = [0, 0.25, 0.5, 0.75, 1];
const percent = (v: number) => `${(v * 100).toFixed(2)}%`;

/** The accuracy chart: training (dashed) and validation accuracy per epoch, on the chart's canvas. */
function AccuracyChart({ epochs, maxX }: { epochs: EpochMetrics[]; maxX: number }) {
  const t = useT();
  const dark = useMedia(darkStore);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, p: Plot) => {
      epochLine(ctx, p, epochs, (e) => e.trainAcc, resolve(ctx, COLORS.train, dark), [5, 3]);
      epochLine(ctx, p, epochs, (e) => e.valAcc, COLORS.val);
      return { points: epochs.length, lines: [`train:${epochs.length}`, `val:${epochs.length}`] };
    },
    [epochs, dark],
  );
  const tip = (i: number) => ({
    label: t('curves.tooltip.epoch', { epoch: String(epochs[i].epoch) }),
    rows: [
      {
        name: t('curves.trainAccuracy'),
        color: COLORS.train,
        value: percent(epochs[i].trainAcc),
        y: epochs[i].trainAcc,
      },
      { name: t('curves.valAccuracy'), color: COLORS.val, value: percent(epochs[i].valAcc), y: epochs[i].valAcc },
    ],
  });
  return (
    <EpochChart
      testid="curves.accuracy"
      title={t('curves.accuracy.title')}
      xLabel={t('curves.axis.epoch')}
      height={148}
      maxX={maxX}
      yTicks={ACCURACY_TICKS}
      yFormat={percentTick}
      yWidth={52}
      xs={epochs.map((e) => e.epoch)}
      tip={tip}
      draw={draw}
    />
  );
}

/** Live loss (per batch, smoothed, and per-epoch validation) and accuracy (per epoch) curves. */
export function Curves() {
  const losses = useAppState((s) => s.losses);
  const epochs = useAppState((s) => s.epochs);
  const maxX = useAppState((s) => s.runConfig?.epochs ?? s.settings.epochs);
  const last = epochs[epochs.length - 1];
  const reduced = useReducedMotion();
  const t = useT();
  return (
    <section className="panel curves" aria-label={t('curves.label')}>
      <div className="chart" data-testid="curves.loss" data-points={losses.length} data-reduced-motion={reduced}>
        <h3>{t('curves.loss.heading')}</h3>
        <LossChart losses={losses} epochs={epochs} maxX={maxX} />
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
        <AccuracyChart epochs={epochs} maxX={maxX} />
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
