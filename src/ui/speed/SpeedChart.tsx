import { memo } from 'react';
import type { RatioSpread, Timing } from '../../core/infer';
import type { Granularity } from '../../core/prune';
import { breakEven, type BreakEven, type SpeedPoint } from '../../state/store';
import { maxSparsityPct } from '../pruning/chartMath';
import { useT } from '../kit/context';
import { pct } from '../kit/format';
import { ms, spreadTimes, times, verdict } from './speedFormat';

const W = 320;
const H = 170;
const PAD = { left: 38, right: 16, top: 8, bottom: 20 };
const TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
const COLORS = { csr: 'var(--c-sky)', stripped: 'var(--c-green)', tfjs: 'var(--c-purple)', dense: 'var(--text)' };

/** A sparsity range as text: "80%–90%", or one value when both ends are the same point. */
export const span = (from: number, to: number) =>
  pct(from, 0) === pct(to, 0) ? pct(from, 0) : `${pct(from, 0)}–${pct(to, 0)}`;

/**
 * Where the break-even's label goes: left of its interval if it fits there, else right of it, else over
 * it (centred, kept inside the plot). Widths estimated at 5.5 px a character (10 px text).
 */
function labelAt(from: number, to: number, text: string): { x: number; textAnchor: 'start' | 'middle' | 'end' } {
  const w = text.length * 5.5 + 4;
  if (from - PAD.left >= w) return { x: from - 3, textAnchor: 'end' };
  if (W - PAD.right - to >= w) return { x: to + 3, textAnchor: 'start' };
  return { x: Math.min(W - PAD.right - w / 2, Math.max(PAD.left + w / 2, (from + to) / 2)), textAnchor: 'middle' };
}

/** The sentence under a chart: what its spread says about the break-even, then the last point's speed-up. */
function summaryOf(
  t: ReturnType<typeof useT>,
  even: BreakEven | null,
  label: string,
  last: SpeedPoint | undefined,
): string {
  if (!last || !even) return '';
  const top = { batch: label, top: pct(last.sparsity, 0), times: spreadTimes(t, last.ratio.csr) };
  if (!('from' in even)) return t(`speed.summary.${even.kind}`, top);
  // One point whose spread includes 1×: "at 90 %", not a range.
  if (even.kind === 'unclear' && even.from === even.to)
    return t('speed.summary.unclear.at', { ...top, at: pct(even.from, 0) });
  return t(`speed.summary.${even.kind}`, {
    ...top,
    from: pct(even.from, 0),
    to: pct(even.to, 0),
    span: span(even.from, even.to),
  });
}

/**
 * Measured speed-up over the dense path against sparsity, for one batch size: the CSR path with the
 * spread of its paired samples as a band (10th–90th percentile), the smaller dense network (neuron
 * pruning) with its band, TensorFlow.js predict (flat: its time does not depend on the mask), 1× for the
 * dense path itself, and the break-even marked as the interval it lies in — only where the bands put it
 * there (`breakEven`). Log scale: 0.5× and 2× are as far from 1×. The x axis ends where the granularity
 * does (2:4: 50 %). A sentence under it says the same for screen readers and in the text.
 */
export const SpeedChart = memo(function SpeedChart({
  batch,
  points,
  tfjs,
  backend,
  granularity,
}: {
  batch: number;
  points: readonly SpeedPoint[];
  tfjs: Timing | null;
  backend: string;
  granularity: Granularity;
}) {
  const t = useT();
  const mine = points.filter((p) => p.batch === batch).sort((a, b) => a.sparsity - b.sparsity);
  const hasStripped = mine.some((p) => p.ratio.stripped !== null);
  const denseMs = mine.length ? mine.map((p) => p.dense.medianMs).sort((a, b) => a - b)[mine.length >> 1] : null;
  // A ratio the timer could not resolve (a 0 ms median) is not drawn or quoted: a log scale has no place for it.
  const up = tfjs && denseMs !== null ? denseMs / tfjs.medianMs : NaN;
  const tfjsUp = Number.isFinite(up) && up > 0 ? up : null;
  const even = breakEven(mine, batch);
  const spreads = mine.flatMap((p) => [p.ratio.csr, p.ratio.stripped]).filter((r): r is RatioSpread => r !== null);
  const ys = [1, ...spreads.flatMap((r) => [r.p10, r.p90]), tfjsUp].filter(
    (v): v is number => v !== null && v > 0 && Number.isFinite(v),
  );
  const lo = Math.min(...ys) / 1.3;
  const hi = Math.max(...ys) * 1.3;
  const xMax = maxSparsityPct(granularity);
  const xTicks = xMax === 50 ? [0, 25, 50] : [0, 50, 80, 100];
  const label = t(batch === 1 ? 'speed.chart.b1' : 'speed.chart.b256');
  const summary = summaryOf(t, even, label, mine.at(-1));
  const ly = (v: number) =>
    PAD.top + ((H - PAD.top - PAD.bottom) * (Math.log(hi) - Math.log(v))) / (Math.log(hi) - Math.log(lo));
  const lx = (sparsity: number) => PAD.left + (W - PAD.left - PAD.right) * Math.min(1, (sparsity * 100) / xMax);
  const xy = (p: SpeedPoint, v: number) => `${lx(p.sparsity).toFixed(1)},${ly(v).toFixed(1)}`;
  const drawable = (r: RatioSpread | null) => !!r && [r.median, r.p10, r.p90].every((v) => Number.isFinite(v) && v > 0);
  const having = (key: 'csr' | 'stripped') => mine.filter((p) => drawable(p.ratio[key]));
  const line = (key: 'csr' | 'stripped') =>
    `M${having(key)
      .map((p) => xy(p, p.ratio[key]!.median))
      .join(' L')}`;
  // The band: along the 10th percentiles, back along the 90th.
  const band = (key: 'csr' | 'stripped') =>
    `M${having(key)
      .map((p) => xy(p, p.ratio[key]!.p10))
      .join(' L')} L${having(key)
      .reverse()
      .map((p) => xy(p, p.ratio[key]!.p90))
      .join(' L')} Z`;
  const evenLabel = even?.kind === 'between' ? t('speed.breakEven', { span: span(even.from, even.to) }) : '';
  const yTicks = TICKS.filter((v) => v >= lo && v <= hi);
  const first = mine[0]?.ratio.csr;
  return (
    <figure
      className="small-multiple speed-chart"
      data-testid={`speed.chart.${batch}`}
      data-points={mine.length}
      data-break-even={even?.kind ?? ''}
      data-break-even-from={even && 'from' in even ? even.from : ''}
      data-break-even-to={even && 'to' in even ? even.to : ''}
      data-samples={first?.samples ?? 0}
      data-rounds={first?.rounds ?? 0}
      data-x-max={xMax}
    >
      <figcaption>
        {label} <span className="muted">({t('speed.axis')})</span>
      </figcaption>
      {/* Drawn by hand (not recharts): laying out two recharts charts cost a long task when a measurement ended. The sentence below is the text alternative. */}
      <svg viewBox={`0 0 ${W} ${H}`} className="speed-svg" aria-hidden="true">
        {yTicks.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={ly(v)}
              y2={ly(v)}
              stroke="var(--grid)"
              strokeDasharray={v === 1 ? undefined : '3 3'}
            />
            <text x={PAD.left - 4} y={ly(v) + 3} textAnchor="end" fontSize="10" fill="var(--muted)">
              {`${times(v)}×`}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={v} x={lx(v / 100)} y={H - 6} textAnchor="middle" fontSize="10" fill="var(--muted)">
            {`${v}%`}
          </text>
        ))}
        {even?.kind === 'between' && (
          <g data-testid={`speed.breakEven.${batch}`}>
            {/* Where the 1× line is crossed: somewhere in this interval, shaded and bracketed on the line. */}
            <rect
              x={lx(even.from)}
              width={Math.max(1, lx(even.to) - lx(even.from))}
              y={PAD.top}
              height={H - PAD.top - PAD.bottom}
              fill="var(--marker)"
              opacity={0.1}
            />
            <path
              d={`M${lx(even.from)},${ly(1) - 5} v10 M${lx(even.from)},${ly(1)} H${lx(even.to)} M${lx(even.to)},${ly(1) - 5} v10`}
              stroke="var(--marker)"
              strokeWidth={3}
              fill="none"
            />
            <text
              {...labelAt(lx(even.from), lx(even.to), evenLabel)}
              y={PAD.top + 10}
              fontSize="10"
              fill="var(--text)"
              stroke="var(--panel)"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {evenLabel}
            </text>
          </g>
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={ly(1)} y2={ly(1)} stroke={COLORS.dense} strokeDasharray="2 4" />
        {tfjsUp !== null && tfjsUp >= lo && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={ly(tfjsUp)}
            y2={ly(tfjsUp)}
            stroke={COLORS.tfjs}
            strokeDasharray="6 3"
            strokeWidth={2}
          />
        )}
        {mine.length > 0 && (
          <path d={band('csr')} fill={COLORS.csr} opacity={0.25} data-testid={`speed.band.${batch}`} />
        )}
        {hasStripped && <path d={band('stripped')} fill={COLORS.stripped} opacity={0.2} />}
        <path d={line('csr')} fill="none" stroke={COLORS.csr} strokeWidth={2} />
        {mine.map((p) => (
          <circle key={p.sparsity} cx={lx(p.sparsity)} cy={ly(p.ratio.csr.median)} r={2.5} fill={COLORS.csr} />
        ))}
        {hasStripped && <path d={line('stripped')} fill="none" stroke={COLORS.stripped} strokeWidth={2} />}
      </svg>
      <p className="muted small" data-testid={`speed.summary.${batch}`}>
        {summary}
        {tfjs &&
          tfjsUp !== null &&
          ` ${t('speed.summary.tfjs', { backend, ms: ms(tfjs.medianMs), lo: ms(tfjs.p10Ms), hi: ms(tfjs.p90Ms), n: tfjs.samples, verdict: verdict(t, tfjsUp) })}`}
      </p>
    </figure>
  );
});

/** The chart's key: one swatch per line drawn, and the band. */
export function SpeedLegend({ stripped, tfjs, backend }: { stripped: boolean; tfjs: boolean; backend: string }) {
  const t = useT();
  const items: [string, string, boolean][] = [
    [COLORS.csr, t('speed.line.csr'), false],
    [COLORS.dense, t('speed.line.dense'), true],
    ...(stripped ? [[COLORS.stripped, t('speed.line.stripped'), false] as [string, string, boolean]] : []),
    ...(tfjs ? [[COLORS.tfjs, t('speed.line.tfjs', { backend }), true] as [string, string, boolean]] : []),
  ];
  return (
    <ul className="speed-legend" data-testid="speed.legend">
      {items.map(([color, text, dashed]) => (
        <li key={text}>
          <svg width="18" height="8" aria-hidden="true">
            <line
              x1="0"
              x2="18"
              y1="4"
              y2="4"
              stroke={color}
              strokeWidth="2"
              strokeDasharray={dashed ? '4 2' : undefined}
            />
          </svg>{' '}
          {text}
        </li>
      ))}
      <li>
        <svg width="18" height="10" aria-hidden="true">
          <rect x="0" y="0" width="18" height="10" fill={COLORS.csr} opacity={0.25} />
        </svg>{' '}
        {t('speed.line.band')}
      </li>
    </ul>
  );
}
