import { useCallback, type RefObject } from 'react';
import type { LossPoint } from '../../state/store';
import { PlotCanvas } from '../kit/PlotCanvas';

/**
 * Every batch loss and its smoothed average, drawn on a canvas over the loss chart's plot area: recharts
 * measures and re-renders its whole chart for every new point, which during training cost the page
 * more than a frame per progress message; a canvas redraw of a few thousand points costs well under a
 * millisecond. Drawn at most once per frame.
 */
export function LossCanvas({
  box,
  losses,
  maxX,
  yTop,
  colors,
}: {
  box: RefObject<HTMLDivElement | null>;
  losses: LossPoint[];
  maxX: number;
  yTop: number;
  colors: { batch: string; smooth: string };
}) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => {
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
      return losses.length;
    },
    [losses, maxX, yTop, colors],
  );
  return <PlotCanvas box={box} draw={draw} testid="curves.loss.canvas" />;
}
