import { useEffect, type RefObject } from 'react';

type Box = { left: number; right: number; top: number; bottom: number };

/** Space left between the target and what bounds it (px). */
const MARGIN = 12;

/** An element's viewport box as a plain object (a DOMRect's fields are getters: `{ ...rect }` copies none). */
const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
};

/** How much of rectangle `a` lies inside `b` (px²). */
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Where the floating card goes for a target at `r` (viewport boxes, plain objects): the bottom corner
 * that overlaps less of it horizontally (right on a tie), and that corner's box. Pure.
 */
export function cardCorner(
  r: Box,
  card: { width: number; height: number },
  view: { width: number; height: number },
): { side: 'left' | 'right'; box: Box } {
  const at = (left: number): Box => ({
    left,
    right: left + card.width,
    top: view.height - card.height - 16,
    bottom: view.height - 16,
  });
  const across = (b: Box) => Math.max(0, Math.min(r.right, b.right) - Math.max(r.left, b.left));
  const [left, right] = [at(16), at(view.width - card.width - 16)];
  return across(left) < across(right) ? { side: 'left', box: left } : { side: 'right', box: right };
}

/**
 * How far the page scrolls so the target at `r` sits in the space it can use — below what sticks to the
 * top (`inset`), above the card where the card is over its columns — or 0 when it is there already.
 * A target taller than that space starts at its top. Pure.
 */
export function scrollToShow(r: Box, card: Box, inset: number, viewHeight: number): number {
  const limit = Math.min(r.right, card.right) > Math.max(r.left, card.left) ? card.top : viewHeight;
  return r.top < inset || r.bottom > limit ? r.top - inset - MARGIN : 0;
}

/** The first of a step's targets that is on the page (`panel:<id>`: the panel around the element). */
export function findTarget(targets: readonly string[]): HTMLElement | null {
  for (const id of targets) {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id.replace(/^panel:/, '')}"]`);
    const box = el && id.startsWith('panel:') ? el.closest<HTMLElement>('.panel') : el;
    if (box && box.offsetParent !== null) return box;
  }
  return null;
}

/** The height of what sticks to the top of the viewport once the page scrolls (the phone's slider bar), else 0. */
function topInset(): number {
  const bar = document.querySelector<HTMLElement>('.prune-bar');
  return bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
}

/**
 * Highlights the first of the step's targets and keeps it, the card and the card's buttons in view
 * together, wherever the tour is used:
 * - presenter mode: the card is in the layout, beside the stage's columns; the target is scrolled to the
 *   top of its own column;
 * - otherwise the card floats over the bottom corner where it covers least of the target (left or right;
 *   on a narrow screen it spans the width), and the page scrolls the target to the top of the space above
 *   the card. When the target grows (a step's result appears in it) the page scrolls the new part up
 *   from behind the card.
 * Runs two frames after `deps` change (the step's settings have been applied and laid out), again when
 * the target or the card change size, and on a resize of the window.
 */
export function useTourPlacement(
  targets: readonly string[] | null,
  deps: unknown[],
  smooth: boolean,
  setSide: (s: 'left' | 'right') => void,
  acted: RefObject<boolean>,
) {
  useEffect(() => {
    if (!targets) return;
    let box: HTMLElement | null = null;
    let lastHeight = 0;
    const card = () => document.querySelector<HTMLElement>('.tour');
    const floating = () => {
      const el = card();
      return el && getComputedStyle(el).position === 'fixed' ? el : null;
    };
    const behavior: ScrollBehavior = smooth ? 'smooth' : 'auto';

    /** Puts the card in its corner for the target at `r`; returns the corner's box. */
    const side = (r: Box, el: HTMLElement): Box => {
      const c = el.getBoundingClientRect();
      const corner = cardCorner(r, c, { width: innerWidth, height: innerHeight });
      setSide(corner.side);
      return corner.box;
    };

    const place = () => {
      const next = findTarget(targets);
      if (next !== box) {
        box?.classList.remove('tour-highlight');
        box = next;
        box?.classList.add('tour-highlight');
        if (box) {
          observer.disconnect();
          for (const e of [box, box.closest('.panel'), document.querySelector('.layout'), card()])
            if (e) observer.observe(e);
        }
      }
      if (!box) return;
      lastHeight = box.getBoundingClientRect().height;
      const el = floating();
      if (!el) {
        // Presenter mode (or an embed): the card is in the layout; the target goes to the top of its
        // column (which scrolls by itself) unless it is wholly in view there already.
        const r = box.getBoundingClientRect();
        const column = box.closest('.stage-main, .side-scroll')?.getBoundingClientRect();
        const [top, bottom] =
          column && column.height > 0
            ? [Math.max(0, column.top), Math.min(innerHeight, column.bottom)]
            : [0, innerHeight];
        if (r.top < top || r.bottom > bottom) box.scrollIntoView({ block: 'start', behavior });
        return;
      }
      const r = boxOf(box);
      const dy = scrollToShow(r, side(r, el), topInset(), innerHeight);
      // An absolute destination: a second placement while a smooth scroll is under way lands where it should.
      if (dy) scrollTo({ top: scrollY + dy, behavior });
    };

    /**
     * The target, its panel, the page's layout or the card changed size: a result appeared in the target
     * (after the step's experiment), or something above it moved it away (a line that arrived late).
     */
    const resized = () => {
      if (!box) return;
      const el = floating();
      const r = box.getBoundingClientRect();
      const grew = r.height > lastHeight + 8 && acted.current;
      lastHeight = r.height;
      if (grew && !el) {
        if (r.bottom > innerHeight) box.scrollIntoView({ block: 'end', behavior });
      } else if (grew && el) {
        side(r, el);
        // Its new part (where a result appears) is under the card: scroll it up into the free space.
        const c = el.getBoundingClientRect();
        if (overlap(r, c) > 0 && r.bottom > c.top) scrollTo({ top: scrollY + r.bottom - c.top + MARGIN, behavior });
      } else if (!userMoved && (r.top < topInset() || r.top > innerHeight * 0.6)) {
        place(); // pushed away, and the reader has not scrolled since: back where the step put it
      } else if (el) side(r, el);
    };
    // Once the reader scrolls by themselves, the page stays where they put it.
    let userMoved = false;
    const moved = () => (userMoved = true);
    const MOVES = ['wheel', 'touchmove', 'keydown'] as const;
    for (const m of MOVES) addEventListener(m, moved, { passive: true });

    const observer = new ResizeObserver(() => resized());
    // Two frames later: the step's settings have been applied and laid out (the panels above may have
    // changed height), so the scroll lands where the element ends up.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(place)));
    const onResize = () => place();
    addEventListener('resize', onResize);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      removeEventListener('resize', onResize);
      for (const m of MOVES) removeEventListener(m, moved);
      box?.classList.remove('tour-highlight');
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
