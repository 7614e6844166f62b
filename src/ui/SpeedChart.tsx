import { memo } from 'react';
import type { Timing } from '../core/inferTiming';
import { breakEven, speedUp, type SpeedPoint } from '../state/speedState';
import { useT } from './context';
import { pct } from './format';
import { ms, times, verdict } from './speedFormat';

const W = 320;
const H = 170;
const PAD = { left: 38, right: 16, top: 8, bottom: 20 };
const TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
const X_TICKS = [0, 50, 80, 100];
const COLORS = { csr: 'var(--c-sky)', stripped: 'var(--c-green)', tfjs: 'var(--c-purple)', dense: 'var(--text)' };

/**
 * Measured speed-up over the dense path against sparsity, for one batch size: the CSR path, the smaller
 * dense network (neuron pruning), TensorFlow.js predict (flat: its time does not depend on the mask),
 * 1× for the dense path itself, and the break-even sparsity marked. Log scale: 0.5× and 2× are as far
 * from 1×. A sentence under it says the same for screen readers and in the text.
 */
export const SpeedChart = memo(function SpeedChart({ batch, points, tfjs, backend }: { batch: number; points: readonly SpeedPoint[]; tfjs: Timing | null; backend: string }) {
  const t = useT();
  const mine = points.filter((p) => p.batch === batch).sort((a, b) => a.sparsity - b.sparsity);
  const data = mine.map((p) => ({ x: p.sparsity * 100, csr: speedUp(p, 'csr'), stripped: speedUp(p, 'stripped') }));
  const hasStripped = data.some((d) => d.stripped !== null);
  const denseMs = mine.length ? mine.map((p) => p.dense.medianMs).sort((a, b) => a - b)[mine.length >> 1] : null;
  const tfjsUp = tfjs && denseMs !== null ? denseMs / tfjs.medianMs : null;
  const even = breakEven(mine, batch);
  const ys = [1, ...data.flatMap((d) => [d.csr, d.stripped]), tfjsUp].filter((v): v is number => v !== null && v > 0);
  const lo = Math.min(...ys) / 1.3;
  const hi = Math.max(...ys) * 1.3;
  const last = mine.at(-1);
  const label = t(batch === 1 ? 'speed.chart.b1' : 'speed.chart.b256');
  const axis = t('speed.axis');
  const summary = !last
    ? ''
    : even !== null
      ? t('speed.summary.breakEven', { batch: label, sparsity: pct(even, 0), top: pct(last.sparsity, 0), times: times(speedUp(last, 'csr') ?? NaN) })
      : t('speed.summary.never', { batch: label, top: pct(last.sparsity, 0), times: times(speedUp(last, 'csr') ?? NaN) });
  const ly = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (Math.log(hi) - Math.log(v))) / (Math.log(hi) - Math.log(lo));
  const lx = (pctX: number) => PAD.left + ((W - PAD.left - PAD.right) * pctX) / 100;
  const path = (key: 'csr' | 'stripped') =>
    data
      .filter((d) => d[key] !== null)
      .map((d, i) => `${i === 0 ? 'M' : 'L'}${lx(d.x).toFixed(1)},${ly(d[key]!).toFixed(1)}`)
      .join(' ');
  const yTicks = TICKS.filter((v) => v >= lo && v <= hi);
  return (
    <figure className="small-multiple speed-chart" data-testid={`speed.chart.${batch}`} data-points={data.length} data-break-even={even ?? ''}>
      <figcaption>
        {label} <span className="muted">({axis})</span>
      </figcaption>
      {/* Drawn by hand (not recharts): laying out two recharts charts cost a long task when a measurement ended. The sentence below is the text alternative. */}
      <svg viewBox={`0 0 ${W} ${H}`} className="speed-svg" aria-hidden="true">
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={ly(v)} y2={ly(v)} stroke="var(--grid)" strokeDasharray={v === 1 ? undefined : '3 3'} />
            <text x={PAD.left - 4} y={ly(v) + 3} textAnchor="end" fontSize="10" fill="var(--muted)">
              {`${times(v)}×`}
            </text>
          </g>
        ))}
        {X_TICKS.map((v) => (
          <text key={v} x={lx(v)} y={H - 6} textAnchor="middle" fontSize="10" fill="var(--muted)">
            {`${v}%`}
          </text>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={ly(1)} y2={ly(1)} stroke={COLORS.dense} strokeDasharray="2 4" />
        {tfjsUp !== null && tfjsUp >= lo && <line x1={PAD.left} x2={W - PAD.right} y1={ly(tfjsUp)} y2={ly(tfjsUp)} stroke={COLORS.tfjs} strokeDasharray="6 3" strokeWidth={2} />}
        {even !== null && (
          <g>
            <line x1={lx(even * 100)} x2={lx(even * 100)} y1={PAD.top} y2={H - PAD.bottom} stroke="var(--marker)" />
            <text x={lx(even * 100) - 3} y={PAD.top + 10} textAnchor="end" fontSize="10" fill="var(--text)">
              {t('speed.breakEven', { sparsity: pct(even, 0) })}
            </text>
          </g>
        )}
        <path d={path('csr')} fill="none" stroke={COLORS.csr} strokeWidth={2} />
        {data.map((d) => d.csr !== null && <circle key={d.x} cx={lx(d.x)} cy={ly(d.csr)} r={2.5} fill={COLORS.csr} />)}
        {hasStripped && <path d={path('stripped')} fill="none" stroke={COLORS.stripped} strokeWidth={2} />}
      </svg>
      <p className="muted small" data-testid={`speed.summary.${batch}`}>
        {summary}
        {tfjs && tfjsUp !== null && ` ${t('speed.summary.tfjs', { backend, ms: ms(tfjs.medianMs), verdict: verdict(t, tfjsUp) })}`}
      </p>
    </figure>
  );
});

/** The chart's key: one swatch per line drawn. */
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
            <line x1="0" x2="18" y1="4" y2="4" stroke={color} strokeWidth="2" strokeDasharray={dashed ? '4 2' : undefined} />
          </svg>{' '}
          {text}
        </li>
      ))}
    </ul>
  );
}
