import { useLayoutEffect, useRef, type RefObject } from 'react';
import { fractionAtX, type XMode } from './chartMath';
import { usePlotArea } from './plotArea';
import { CRITERION_COLORS, type Series } from './SparsityPlot';

/**
 * The curves of a sweep still running, drawn on a canvas over the chart's plot area: recharts re-laid
 * out all ten lines for every batch of points (50–70 ms of main-thread time four times a second while
 * the curves of a new scope were computed); a canvas redraw costs about a millisecond. Recharts draws the
 * finished curves once, when the sweep is done. Drawn at most once per frame.
 */
export function CurvesCanvas({ box, series, hidden, mode, criterion }: { box: RefObject<HTMLDivElement | null>; series: Series[]; hidden: ReadonlySet<string>; mode: XMode; criterion: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const area = usePlotArea(box, true, mode);
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
      let points = 0;
      for (const s of series) {
        if (hidden.has(s.key) || s.data.length === 0) continue;
        ctx.beginPath();
        s.data.forEach((p, i) => {
          const x = fractionAtX(p.x, mode) * w;
          const y = (1 - p.y) * h;
          if (i) ctx.lineTo(x, y);
          else ctx.moveTo(x, y);
        });
        ctx.setLineDash(s.split === 'train' ? [5 * dpr, 3 * dpr] : []);
        Object.assign(ctx, { strokeStyle: CRITERION_COLORS[s.criterion], lineWidth: (s.criterion === criterion ? 2.5 : 1.5) * dpr, lineJoin: 'round' });
        ctx.stroke();
        points += s.data.length;
      }
      c.dataset.points = String(points);
    });
    return () => cancelAnimationFrame(frame.current);
  }, [area, series, hidden, mode, criterion]);
  return (
    <canvas
      ref={canvas}
      className="loss-canvas"
      aria-hidden="true"
      data-testid="chart.canvas"
      style={area ? { left: area.left, top: area.top, width: area.width, height: area.height } : { display: 'none' }}
    />
  );
}
