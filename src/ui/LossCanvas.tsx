import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { LossPoint } from '../state/store';
import { usePlotArea } from './plotArea';

/**
 * Every batch loss and its smoothed average, drawn on a canvas over the loss chart's plot area: recharts
 * measures and re-renders its whole chart for every new point, which during training cost the page
 * more than a frame per progress message; a canvas redraw of a few thousand points costs well under a
 * millisecond. Drawn at most once per frame.
 */
export function LossCanvas({ box, losses, maxX, yTop, colors }: { box: RefObject<HTMLDivElement | null>; losses: LossPoint[]; maxX: number; yTop: number; colors: { batch: string; smooth: string } }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const area = usePlotArea(box, true);
  const frame = useRef(0);
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c || !area) return;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(area.width * dpr);
      const h = Math.round(area.height * dpr);
      if (c.width !== w || c.height !== h) Object.assign(c, { width: w, height: h });
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, w, h);
      const x = (v: number) => (v / maxX) * w;
      const y = (v: number) => h - (Math.min(v, yTop) / yTop) * h;
      const line = (value: (p: LossPoint) => number, color: string, width: number, alpha: number) => {
        ctx.beginPath();
        losses.forEach((p, i) => (i ? ctx.lineTo(x(p.x), y(value(p))) : ctx.moveTo(x(p.x), y(value(p)))));
        Object.assign(ctx, { strokeStyle: color, lineWidth: width * dpr, globalAlpha: alpha, lineJoin: 'round' });
        ctx.stroke();
      };
      line((p) => p.loss, colors.batch, 1, 0.45);
      line((p) => p.smooth, colors.smooth, 2, 1);
      ctx.globalAlpha = 1;
      c.dataset.points = String(losses.length);
    });
    return () => cancelAnimationFrame(frame.current);
  }, [area, losses, maxX, yTop, colors]);
  return (
    <canvas
      ref={canvas}
      className="loss-canvas"
      aria-hidden="true"
      data-testid="curves.loss.canvas"
      style={area ? { left: area.left, top: area.top, width: area.width, height: area.height } : { display: 'none' }}
    />
  );
}
