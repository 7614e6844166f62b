import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { PlotCanvas } from '../kit/PlotCanvas';
import { cssZoom, type Rect } from '../kit/plotArea';
import { useFloating } from '../kit/useFloating';
import { epochTicks, nearestEpoch, plotRect, stepKey } from './epochAxes';

/** Maps data to the canvas's device pixels: x in epochs, y in the chart's unit (clamped to its axis). */
export interface Plot {
  w: number;
  h: number;
  dpr: number;
  x(v: number): number;
  y(v: number): number;
}
/** One value in the tooltip, and where its point is (y in the chart's unit). */
export interface TipRow {
  name: string;
  color: string;
  value: string;
  y: number;
}
export interface EpochChartProps {
  testid: string;
  /** The accessible name (what the chart shows, and that the arrow keys step through its points). */
  title: string;
  xLabel: string;
  height: number;
  maxX: number;
  /** The y axis's ticks, from 0 up; the last is the axis's top. */
  yTicks: readonly number[];
  yFormat(v: number): string;
  yWidth: number;
  /** The x of each point the cursor visits (the epochs' ends). */
  xs: readonly number[];
  /** The tooltip at point i: its heading and values. */
  tip(i: number): { label: string; rows: TipRow[] };
  /** Draws the lines (memoized by the caller: a new one redraws); returns the points drawn and each line's "key:points". */
  draw(ctx: CanvasRenderingContext2D, plot: Plot): { points: number; lines: string[] };
}

/**
 * A live chart of values per epoch: its frame (grid, axes, ticks) is a small SVG laid out here, its
 * lines are drawn on a canvas, and its tooltip follows the pointer or the arrow keys. Recharts measured
 * and re-rendered its whole chart with every new epoch (60–150 ms on a 4× slower CPU, in the training
 * run's tasks); here a new point is a canvas redraw, and the frame renders again only when its axes
 * change. The canvas carries what it drew (`data-points`, `data-lines`).
 */
export function EpochChart(props: EpochChartProps) {
  const { testid, title, height, maxX, yTicks, yWidth, xs, tip, draw } = props;
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box);
  const area = useMemo(() => plotRect(width, height, yWidth), [width, height, yWidth]);
  const yTop = yTicks[yTicks.length - 1] || 1;
  const plotDraw = useCallback(
    (ctx: CanvasRenderingContext2D, w: number, h: number, dpr: number) => {
      const plot = {
        w,
        h,
        dpr,
        x: (v: number) => (v / maxX) * w,
        y: (v: number) => h - (Math.min(v, yTop) / yTop) * h,
      };
      const drawn = draw(ctx, plot);
      ctx.canvas.dataset.lines = drawn.lines.join(' ');
      return drawn.points;
    },
    [draw, maxX, yTop],
  );
  const [at, setAt] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const shown = at !== null && at < xs.length ? at : null;
  const tipId = useId();
  const tipBox = useRef<HTMLDivElement>(null);
  const content = shown === null ? null : tip(shown);
  // The cursor's point in the box's CSS pixels.
  const point = shown === null || !area ? null : { left: area.left + (xs[shown] / maxX) * area.width, top: area.top };
  useFloating(tipBox, content !== null, () => anchorBox(box.current, point, area), TIP_PLACEMENT);

  const pointer = (clientX: number, clientY: number) => {
    const el = box.current;
    if (!el || !area) return;
    const r = el.getBoundingClientRect();
    const z = cssZoom(el);
    const x = (clientX - r.left) / z - area.left;
    const y = (clientY - r.top) / z - area.top;
    const inside = x >= 0 && x <= area.width && y >= 0 && y <= area.height;
    setKeyboard(false);
    setAt(inside ? nearestEpoch(xs, (x / area.width) * maxX) : null);
  };
  return (
    <div
      ref={box}
      className="epoch-chart"
      style={{ height }}
      tabIndex={0}
      role="img"
      aria-label={title}
      aria-describedby={content ? tipId : undefined}
      data-testid={`${testid}.plot`}
      onMouseMove={(e) => pointer(e.clientX, e.clientY)}
      onMouseLeave={() => !keyboard && setAt(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') return setAt(null);
        const next = stepKey(e.key, shown, xs.length);
        if (next === null) return;
        e.preventDefault();
        setKeyboard(true);
        setAt(next);
      }}
      onBlur={() => keyboard && setAt(null)}
    >
      {area && (
        <Frame
          area={area}
          width={width}
          height={height}
          maxX={maxX}
          yTicks={yTicks}
          yFormat={props.yFormat}
          xLabel={props.xLabel}
        />
      )}
      {area && <PlotCanvas box={box} area={area} draw={plotDraw} testid={`${testid}.canvas`} />}
      {content && area && point && (
        <>
          <svg className="epoch-cursor" width={width} height={height} aria-hidden="true">
            <line x1={point.left} x2={point.left} y1={area.top} y2={area.top + area.height} />
            {content.rows.map((r) => (
              <circle
                key={r.name}
                cx={point.left}
                cy={area.top + area.height - (Math.min(r.y, yTop) / yTop) * area.height}
                r={3.5}
                fill={r.color}
              />
            ))}
          </svg>
          <div
            ref={tipBox}
            id={tipId}
            role="tooltip"
            popover="manual"
            className="heatmap-tooltip chart-tooltip floating"
            data-testid={`${testid}.tooltip`}
            data-index={shown}
          >
            <div>{content.label}</div>
            {content.rows.map((r) => (
              <div key={r.name}>
                <span className="legend-line" style={{ borderTopColor: r.color }} aria-hidden="true" />
                {r.name}: {r.value}
              </div>
            ))}
          </div>
        </>
      )}
      {/* Screen readers hear the point the arrow keys moved to (a changed aria-describedby is not announced). */}
      <div className="sr-only" aria-live="polite" data-testid={`${testid}.live`}>
        {keyboard && content ? [content.label, ...content.rows.map((r) => `${r.name}: ${r.value}`)].join('; ') : ''}
      </div>
    </div>
  );
}

const TIP_PLACEMENT = { gap: 12, dx: 12 };

/** The cursor's top point as a viewport box (no size), for the tooltip. */
function anchorBox(el: HTMLElement | null, point: { left: number; top: number } | null, area: Rect | null) {
  const r = el?.getBoundingClientRect();
  if (!r || !point || !area || (r.width === 0 && r.height === 0)) return null;
  const z = cssZoom(el!);
  const left = r.left + point.left * z;
  const top = r.top + (point.top + area.height / 3) * z;
  return { left, top, right: left, bottom: top };
}

/** The frame: grid, axes, ticks and labels; renders again only when its axes or size change. */
const Frame = memo(function Frame({
  area,
  width,
  height,
  maxX,
  yTicks,
  yFormat,
  xLabel,
}: Pick<EpochChartProps, 'height' | 'maxX' | 'yTicks' | 'yFormat' | 'xLabel'> & { area: Rect; width: number }) {
  const xTicks = epochTicks(maxX);
  const yTop = yTicks[yTicks.length - 1] || 1;
  const X = (v: number) => area.left + (v / maxX) * area.width;
  const Y = (v: number) => area.top + area.height - (v / yTop) * area.height;
  const bottom = area.top + area.height;
  return (
    <svg className="epoch-frame" width={width} height={height} aria-hidden="true">
      <g className="epoch-grid">
        {yTicks.map((v) => (
          <line key={`y${v}`} x1={area.left} x2={area.left + area.width} y1={Y(v)} y2={Y(v)} />
        ))}
        {xTicks.map((v) => (
          <line key={`x${v}`} x1={X(v)} x2={X(v)} y1={area.top} y2={bottom} />
        ))}
      </g>
      <g className="epoch-axis">
        <line x1={area.left} x2={area.left} y1={area.top} y2={bottom} />
        <line x1={area.left} x2={area.left + area.width} y1={bottom} y2={bottom} />
        {yTicks.map((v) => (
          <text key={`y${v}`} x={area.left - 6} y={Y(v)} textAnchor="end" dominantBaseline="middle">
            {yFormat(v)}
          </text>
        ))}
        {xTicks.map((v) => (
          <text key={`x${v}`} x={X(v)} y={bottom + 14} textAnchor="middle">
            {v}
          </text>
        ))}
        <text className="epoch-axis-label" x={area.left + area.width} y={bottom + 27} textAnchor="end">
          {xLabel}
        </text>
      </g>
    </svg>
  );
});

/** The box's width in its CSS pixels, measured after layout (never inside React's commit) and on resizes. */
function useBoxWidth(box: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
  return width;
}
