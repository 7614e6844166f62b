import { useCallback, type RefObject } from 'react';
import { fractionAtX, type XMode } from '../pruning/chartMath';
import { PlotCanvas } from '../kit/PlotCanvas';
import { CRITERION_COLORS, type Series } from '../pruning/SparsityPlot';

/**
 * The curves of a sweep still running, drawn on a canvas over the chart's plot area: recharts re-laid
 * out all ten lines for every batch of points (50–70 ms of main-thread time four times a second while
 * the curves of a new scope were computed); a canvas redraw costs about a millisecond. Recharts draws the
 * finished curves once, when the sweep is done. Drawn at most once per frame.
 */
export function CurvesCanvas({
  box,
  series,
  hidden,
  mode,
  domain,
  criterion,
}: {
  box: RefObject<HTMLDivElement | null>;
  series: Series[];
  hidden: ReadonlySet<string>;
  mode: XMode;
  domain: [number, number];
  criterion: string;
}) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => {
      let points = 0;
      for (const s of series) {
        if (hidden.has(s.key) || s.data.length === 0) continue;
        ctx.beginPath();
        s.data.forEach((p, i) => {
          const x = fractionAtX(p.x, mode, domain) * w;
          const y = (1 - p.y) * h;
          if (i) ctx.lineTo(x, y);
          else ctx.moveTo(x, y);
        });
        ctx.setLineDash(s.split === 'train' ? [5 * dpr, 3 * dpr] : []);
        Object.assign(ctx, {
          strokeStyle: CRITERION_COLORS[s.criterion],
          lineWidth: (s.criterion === criterion ? 2.5 : 1.5) * dpr,
          lineJoin: 'round',
        });
        ctx.stroke();
        points += s.data.length;
      }
      return points;
    },
    [series, hidden, mode, domain, criterion],
  );
  return <PlotCanvas box={box} areaKey={mode} draw={draw} testid="chart.canvas" />;
}
