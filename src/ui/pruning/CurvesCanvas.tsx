import { useCallback, type RefObject } from 'react';
import { fractionAtX, type XMode } from './chartMath';
import { PlotCanvas } from '../kit/PlotCanvas';
import { CRITERION_COLORS, type Series } from './SparsityPlot';

/**
 * The sweep's curves, drawn on a canvas over the chart's plot area; recharts draws only the frame (grid,
 * axes, the dense line, the fine-tuning markers). A recharts line measures its SVG path in every render
 * (`getTotalLength`, a forced layout): re-rendering the chart's lines when the curves arrived was a single
 * 25–35 ms task (100–180 ms on a 4× slower CPU), and 50–70 ms four times a second while a sweep ran. A
 * canvas redraw costs about a millisecond and is drawn at most once per frame. Two of these sit on the
 * chart: the finished curves (`chart.lines`, faded while new ones are computed) and a running sweep's
 * points as they arrive (`chart.canvas`). Each carries what it drew: `data-points` in all and
 * `data-lines`, each line's key and point count.
 */
export function CurvesCanvas({
  box,
  series,
  hidden,
  mode,
  domain,
  criterion,
  testid,
}: {
  box: RefObject<HTMLDivElement | null>;
  series: Series[];
  hidden: ReadonlySet<string>;
  mode: XMode;
  domain: [number, number];
  criterion: string;
  testid: string;
}) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => {
      let points = 0;
      const lines: string[] = [];
      // The selected criterion last, on top of the others.
      const order = [...series].sort((a, b) => Number(a.criterion === criterion) - Number(b.criterion === criterion));
      for (const s of order) {
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
        lines.push(`${s.key}:${s.data.length}`);
      }
      ctx.canvas.dataset.lines = lines.join(' ');
      return points;
    },
    [series, hidden, mode, domain, criterion],
  );
  return <PlotCanvas box={box} areaKey={mode} draw={draw} testid={testid} />;
}
