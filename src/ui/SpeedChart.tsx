import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Timing } from '../core/inferTiming';
import { breakEven, speedUp, type SpeedPoint } from '../state/speedState';
import { useT } from './context';
import { pct } from './format';
import { times } from './speedFormat';

/** Where the break-even line's label sits, and how it looks. */
const BREAK_LABEL = { position: 'insideTopRight', fontSize: 10, fill: 'var(--text)' } as const;
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
  return (
    <figure className="small-multiple speed-chart" data-testid={`speed.chart.${batch}`} data-points={data.length} data-break-even={even ?? ''}>
      <figcaption>
        {label} <span className="muted">({axis})</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <LineChart margin={{ top: 6, right: 10, bottom: 0, left: -12 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis dataKey="x" type="number" domain={[0, 100]} ticks={[0, 50, 80, 90, 100]} tickFormatter={(v: number) => `${v}%`} stroke="var(--muted)" fontSize={10} />
          <YAxis scale="log" domain={[lo, hi]} type="number" allowDataOverflow tickFormatter={(v: number) => `${times(v)}×`} stroke="var(--muted)" fontSize={10} aria-label={axis} />
          <ReferenceLine y={1} stroke={COLORS.dense} strokeDasharray="2 4" />
          {tfjsUp !== null && <ReferenceLine y={tfjsUp} stroke={COLORS.tfjs} strokeDasharray="6 3" strokeWidth={2} />}
          {even !== null && <ReferenceLine x={even * 100} stroke="var(--marker)" label={{ ...BREAK_LABEL, value: t('speed.breakEven', { sparsity: pct(even, 0) }) }} />}
          <Line data={data} dataKey="csr" stroke={COLORS.csr} dot={{ r: 2 }} strokeWidth={2} isAnimationActive={false} />
          {hasStripped && <Line data={data} dataKey="stripped" stroke={COLORS.stripped} dot={{ r: 2 }} strokeWidth={2} isAnimationActive={false} />}
        </LineChart>
      </ResponsiveContainer>
      <p className="muted small" data-testid={`speed.summary.${batch}`}>
        {summary}
        {tfjs && tfjsUp !== null && ` ${t('speed.summary.tfjs', { backend, ms: tfjs.medianMs.toPrecision(2), times: times(tfjsUp) })}`}
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
