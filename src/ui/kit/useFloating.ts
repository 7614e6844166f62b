import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { placeBox, type Box, type PlaceOptions } from './placement';
import { cssZoom } from './plotArea';

/** The least distance from the viewport's edges, in CSS pixels. */
const MARGIN = 8;

/**
 * Keeps a box that opens (an explanation, a tooltip) wholly inside the viewport, next to what opened it.
 * The box is a `popover="manual"` element: shown, it is in the top layer, so no panel, scrolling table
 * or stacking order clips or covers it, while it stays where it is in the DOM (for aria and for "a tap
 * inside is not outside"). Each time it opens or renders, and on any scroll or resize while open, it is
 * measured at its natural size and placed by `placeBox` (below, else above; moved sideways as needed),
 * in page coordinates (`position: absolute` in the top layer is relative to the page, so it scrolls
 * with the page without lag). Its CSS caps its size at `--avail-w` and `--avail-h`, the viewport less
 * the margins. `anchor` is read at each placement and returns the opener's viewport box, or null when
 * the opener is gone (no box, e.g. in a collapsed section): the box then hides and `onLost` is called.
 */
export function useFloating(
  floating: RefObject<HTMLElement | null>,
  open: boolean,
  anchor: () => Box | null,
  options: Omit<PlaceOptions, 'margin'>,
  onLost?: () => void,
): void {
  const latest = useRef({ anchor, options, onLost });
  // Every render while open: the content, and so the size, may have changed (a tooltip's next weight).
  useLayoutEffect(() => {
    latest.current = { anchor, options, onLost };
    const el = floating.current;
    if (!el) return;
    if (open) place(el, latest.current);
    else if (el.matches(':popover-open')) el.hidePopover();
  });
  useEffect(() => {
    if (!open) return;
    let frame = 0;
    const again = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (floating.current) place(floating.current, latest.current);
      });
    };
    // Capture: scrolling inside any box (a wide table) moves the opener too.
    document.addEventListener('scroll', again, { capture: true, passive: true });
    window.addEventListener('resize', again);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', again, { capture: true });
      window.removeEventListener('resize', again);
    };
  }, [open, floating]);
}

function place(
  el: HTMLElement,
  { anchor, options, onLost }: { anchor: () => Box | null; options: Omit<PlaceOptions, 'margin'>; onLost?: () => void },
): void {
  const a = anchor();
  const shown = el.matches(':popover-open');
  if (!a || !el.isConnected) {
    if (shown) el.hidePopover();
    onLost?.();
    return;
  }
  if (!shown) el.showPopover();
  const root = document.documentElement;
  const view = { width: root.clientWidth, height: root.clientHeight };
  // Presenter mode zooms the page's stage, and the box with it: its own CSS pixels are the viewport's / z.
  const z = cssZoom(el);
  el.style.setProperty('--avail-w', `${(view.width - 2 * MARGIN) / z}px`);
  el.style.setProperty('--avail-h', `${(view.height - 2 * MARGIN) / z}px`);
  // Measured at its containing block's origin, where nothing squeezes it (an absolute box shrinks towards
  // the right edge); that origin (the page's, scrolled) turns viewport coordinates into its own.
  el.style.left = '0px';
  el.style.top = '0px';
  const r = el.getBoundingClientRect();
  const p = placeBox(a, { width: r.width, height: r.height }, view, { ...options, margin: MARGIN });
  el.style.left = `${(p.left - r.left) / z}px`;
  el.style.top = `${(p.top - r.top) / z}px`;
  el.dataset.side = p.side;
}

/** A viewport box of an element, or null when it has none (not displayed). */
export function boxOf(el: Element | null): Box | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width === 0 && r.height === 0 ? null : r;
}
