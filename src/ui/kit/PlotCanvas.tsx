import { useLayoutEffect, useRef, type RefObject } from 'react';
import { cssZoom, usePlotArea, type Rect } from './plotArea';

/** Draws into a cleared canvas of `w` × `h` device pixels; returns the number of points drawn. */
export type PlotDraw = (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => number;

/**
 * A canvas over the plot area of the recharts chart inside `box`, for what recharts cannot draw fast
 * enough. `draw` (memoized by the caller: a new one redraws) runs at most once per frame; the canvas
 * carries the points drawn as `data-points`. `areaKey` re-measures the plot area when it changes. A
 * chart that lays out its own plot area passes it as `area` (nothing is measured).
 */
export function PlotCanvas({
  box,
  areaKey = null,
  area: given,
  draw,
  testid,
}: {
  box: RefObject<HTMLDivElement | null>;
  areaKey?: unknown;
  area?: Rect;
  draw: PlotDraw;
  testid: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const measured = usePlotArea(box, !given, areaKey);
  const area = given ?? measured;
  const frame = useRef(0);
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c || !area) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      // Device pixels per CSS pixel of the canvas (presenter mode's zoom included): drawn sharp.
      const dpr = (window.devicePixelRatio || 1) * cssZoom(c);
      const w = Math.round(area.width * dpr);
      const h = Math.round(area.height * dpr);
      if (c.width !== w || c.height !== h) Object.assign(c, { width: w, height: h });
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, w, h);
      c.dataset.points = String(draw(ctx, w, h, dpr));
    });
    return () => cancelAnimationFrame(frame.current);
  }, [area, draw]);
  return (
    <canvas
      ref={canvas}
      className="loss-canvas"
      aria-hidden="true"
      data-testid={testid}
      style={area ? { left: area.left, top: area.top, width: area.width, height: area.height } : { display: 'none' }}
    />
  );
}
