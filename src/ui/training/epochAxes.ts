import type { Rect } from '../kit/plotArea';

/** The chart's margins around its plot area (CSS pixels): the y axis's labels sit in `yWidth` on the left. */
export const MARGIN = { top: 8, right: 16, bottom: 30 } as const;

/** The plot area of a chart `width` × `height` whose y labels take `yWidth`, or null while it has no room. */
export function plotRect(width: number, height: number, yWidth: number): Rect | null {
  const w = width - yWidth - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;
  return w > 0 && h > 0 ? { left: yWidth, top: MARGIN.top, width: w, height: h } : null;
}

/** Whole epochs from 0 to `maxX`, at most 11 of them, at a step of 1, 2 or 5 × a power of ten. */
export function epochTicks(maxX: number): number[] {
  if (!(maxX > 0)) return [0];
  const raw = maxX / 10;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  return Array.from({ length: Math.floor(maxX / step) + 1 }, (_, i) => i * step);
}

/** The index of the epoch whose x is nearest to `x` (xs ascending), or -1 without epochs. */
export function nearestEpoch(xs: readonly number[], x: number): number {
  let best = -1;
  for (let i = 0; i < xs.length; i++) if (best < 0 || Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
  return best;
}

/** The point a key moves the chart's cursor to, from `at` among `n` points (null: the key does not move it). */
export function stepKey(key: string, at: number | null, n: number): number | null {
  if (n === 0) return null;
  const from = at ?? n - 1;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, from - (at === null ? 0 : 1));
    case 'ArrowRight':
    case 'ArrowUp':
      return Math.min(n - 1, from + (at === null ? 0 : 1));
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return null;
  }
}
