import type { FinetuneKind } from '../../state/store';

type Shape = 'star' | 'diamond' | 'triangle' | 'cross' | 'circle' | 'square' | 'wye';

/**
 * The sparsity chart's point markers (fine-tuned and retrained networks), one row per logged kind: its
 * legend words, legend symbol, colour (CSS variables with a light and a dark shade), the chart's shape,
 * the line joining a series (curves, tickets) and whether the legend names it before the chart has one.
 * The chart (`SparsityPlot.tsx`) and its legend (`ChartLegend.tsx`) both draw from this table.
 */
export const MARKERS = [
  { kind: 'one-shot', key: 'chart.marker.one-shot', symbol: '★', color: 'var(--text)', shape: 'star', always: true },
  {
    kind: 'curve',
    key: 'chart.marker.curve',
    symbol: '◆',
    color: 'var(--c-orange)',
    shape: 'diamond',
    line: { strokeWidth: 2 },
    always: true,
  },
  {
    kind: 'iterative',
    key: 'chart.marker.iterative',
    symbol: '▲',
    color: 'var(--c-sky)',
    shape: 'triangle',
    always: true,
  },
  { kind: 'snip', key: 'chart.marker.snip', symbol: '✚', color: 'var(--c-green)', shape: 'cross', always: false },
  {
    kind: 'snip-shuffled',
    key: 'chart.marker.snip-shuffled',
    symbol: '✚',
    color: 'var(--muted)',
    shape: 'cross',
    always: false,
  },
  {
    kind: 'ticket',
    key: 'chart.marker.ticket',
    symbol: '●',
    color: 'var(--c-purple)',
    shape: 'circle',
    line: { strokeWidth: 2 },
    always: false,
  },
  {
    kind: 'reinit',
    key: 'chart.marker.reinit',
    symbol: '●',
    color: 'var(--muted)',
    shape: 'circle',
    line: { strokeWidth: 1, strokeDasharray: '4 3' },
    always: false,
  },
  {
    kind: 'movement',
    key: 'chart.marker.movement',
    symbol: '■',
    color: 'var(--c-sky)',
    shape: 'square',
    always: false,
  },
  { kind: 'gradual', key: 'chart.marker.gradual', symbol: '✱', color: 'var(--c-orange)', shape: 'wye', always: false },
] as const satisfies readonly {
  kind: FinetuneKind;
  key: `chart.marker.${string}`;
  symbol: string;
  color: string;
  shape: Shape;
  line?: { strokeWidth: number; strokeDasharray?: string };
  always: boolean;
}[];
