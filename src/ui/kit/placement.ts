/**
 * Where a box that opens (an explanation, a tooltip) goes so that it stays wholly inside the viewport:
 * below its anchor if it fits there, else above, else on the roomier side pushed into view; moved left
 * or right as far as needed. Pure arithmetic on viewport coordinates (CSS pixels), no DOM.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlaceOptions {
  /** Space between the anchor and the box, vertically. */
  gap: number;
  /** The box's left edge relative to the anchor's left edge, when there is room. */
  dx: number;
  /** The least distance kept from every viewport edge. */
  margin: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/**
 * Places a box of `size` next to `anchor` inside a viewport of `view` (both edges from 0). A box wider or
 * taller than the viewport less its margins starts at the margin (its CSS caps its size at that room).
 * Vertically the box follows its anchor: it is pushed into view only when it fits on neither side, so
 * while the anchor scrolls off screen the box goes with it instead of sticking to an edge.
 */
export function placeBox(
  anchor: Box,
  size: { width: number; height: number },
  view: { width: number; height: number },
  o: PlaceOptions,
): Placement {
  const left = clamp(anchor.left + o.dx, o.margin, view.width - o.margin - size.width);
  const below = anchor.bottom + o.gap;
  const above = anchor.top - o.gap - size.height;
  const roomBelow = view.height - o.margin - below;
  const roomAbove = anchor.top - o.gap - o.margin;
  if (size.height <= roomBelow) return { left, top: below, side: 'below' };
  if (size.height <= roomAbove) return { left, top: above, side: 'above' };
  const side = roomBelow >= roomAbove ? 'below' : 'above';
  return { left, top: clamp(side === 'below' ? below : above, o.margin, view.height - o.margin - size.height), side };
}

/** `v` within [lo, hi]; `lo` when the range is empty (a box larger than the room starts at the margin). */
function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, hi));
}

/**
 * Which of a row of labels (their horizontal extents, left to right) to show so that no two overlap or
 * come closer than `gap`: the first and the last always (they name the range; the last gives way if the
 * two collide), and in between each one that clears the one kept before it and the last.
 */
export function spacedLabels(spans: readonly { left: number; right: number }[], gap: number): boolean[] {
  const keep = spans.map(() => false);
  if (spans.length === 0) return keep;
  const n = spans.length - 1;
  keep[0] = true;
  const last = n > 0 && spans[n].left >= spans[0].right + gap ? spans[n] : null;
  if (last) keep[n] = true;
  let edge = spans[0].right;
  for (let k = 1; k < n; k++) {
    if (spans[k].left < edge + gap || (last && spans[k].right > last.left - gap)) continue;
    keep[k] = true;
    edge = spans[k].right;
  }
  return keep;
}
