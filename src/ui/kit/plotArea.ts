import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The CSS zoom that applies to `el` (presenter mode zooms its stage): what a length in the viewport's
 * pixels (getBoundingClientRect, clientX) is divided by to become one in the element's own CSS pixels.
 */
export const cssZoom = (el: Element): number => (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;

/** The plot area (a recharts chart's cartesian grid box) relative to `box` in its CSS pixels, or null before recharts has drawn it. */
function plotArea(box: HTMLElement): Rect | null {
  const grid = box.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
  if (!grid || grid.width === 0) return null;
  const outer = box.getBoundingClientRect();
  const z = cssZoom(box);
  return {
    left: (grid.left - outer.left) / z,
    top: (grid.top - outer.top) / z,
    width: grid.width / z,
    height: grid.height / z,
  };
}

const same = (a: Rect | null, b: Rect | null) =>
  !!a && !!b && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;

/**
 * The plot area of the recharts chart inside `box`, for what is drawn over it (the slider's marker, the
 * batch losses). Measured when the box is resized (and on the next frames until recharts has drawn), not
 * on every render, so a move of what is drawn costs no layout. `active` false skips measuring.
 */
export function usePlotArea(box: RefObject<HTMLElement | null>, active: boolean, key: unknown = null): Rect | null {
  const [area, setArea] = useState<Rect | null>(null);
  useLayoutEffect(() => {
    if (!active) return;
    let raf = 0;
    let tries = 0;
    let stable = 0;
    let last: Rect | null = null;
    let observed: HTMLElement | null = null;
    const ro = new ResizeObserver(() => {
      tries = 0;
      stable = 0;
      measure();
    });
    const measure = () => {
      cancelAnimationFrame(raf);
      // Read the element each time: a child's layout effect runs before its parent's ref is attached.
      const el = box.current;
      if (el && el !== observed) ro.observe((observed = el));
      const a = el && plotArea(el);
      setArea((old) => (same(a, old) ? old : a));
      // Recharts lays its chart out after its own resize observer and a render: look again on the next
      // frames until the plot area has stayed the same for a few (a resize measured once kept the
      // marker where the old plot area was).
      stable = a && same(a, last) ? stable + 1 : 0;
      last = a;
      if (stable < 3 && tries++ < 120) raf = requestAnimationFrame(measure);
    };
    // First measure in the next frame, not here: a read of the layout inside React's commit forces a
    // synchronous layout of the whole page in the middle of it (~25 ms per chart on a Train click at 4×
    // throttling, in one long task).
    raf = requestAnimationFrame(measure);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(raf);
    };
  }, [box, active, key]);
  return area;
}
