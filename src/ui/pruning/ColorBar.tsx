import { useEffect, useRef } from 'react';
import { DIVERGING, LUT_SIZE, scalePosition, scaleTicks, VIRIDIS, type ScaleSpec } from './heatmap/colormap';
import { useT } from '../kit/context';
import { formatSci } from '../kit/format';
import { spacedLabels } from '../kit/placement';

interface Props {
  scale: ScaleSpec;
  /** Draws a marker at the pruning threshold when the bar shows the criterion's scores. */
  threshold: number | null;
}

/** A horizontal colour bar with tick values and, optionally, the threshold T. */
export function ColorBar({ scale, threshold }: Props) {
  const t = useT();
  const ref = useRef<HTMLCanvasElement>(null);
  const lut = scale.kind === 'diverging' ? DIVERGING : VIRIDIS;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(LUT_SIZE, 1);
    for (let k = 0; k < LUT_SIZE; k++) img.data.set([lut[k * 3], lut[k * 3 + 1], lut[k * 3 + 2], 255], k * 4);
    ctx.putImageData(img, 0, 0);
  }, [lut]);
  const ticks = scaleTicks(scale);
  // Tick labels never overlap: measured when they change and at each change of width, those that would
  // collide are hidden (the ends stay: they name the range). Measured in the next frame, before it is
  // painted, not in React's commit: a layout read there forced a layout of the whole page in the task of
  // the store update that brought a new network (~30 ms of a 120 ms task on a 4× slower CPU).
  const row = useRef<HTMLDivElement>(null);
  const placed = ticks.map((v) => `${formatSci(v)}@${scalePosition(v, scale).toFixed(4)}`).join(' ');
  useEffect(() => {
    const frame = requestAnimationFrame(() => spaceTicks(row.current));
    return () => cancelAnimationFrame(frame);
  }, [placed]);
  useEffect(() => {
    const el = row.current;
    if (!el) return;
    const watch = new ResizeObserver(() => spaceTicks(el));
    watch.observe(el);
    return () => watch.disconnect();
  }, []);
  const at = threshold !== null && threshold > 0 ? scalePosition(threshold, scale) : null;
  const range = { kind: t(`colorbar.kind.${scale.kind}`), lo: formatSci(scale.lo), hi: formatSci(scale.hi) };
  const label =
    at !== null
      ? t('colorbar.label.threshold', { ...range, threshold: formatSci(threshold!) })
      : t('colorbar.label', range);
  return (
    <div className="colorbar" data-testid="heatmaps.colorbar" role="img" aria-label={label}>
      <canvas ref={ref} width={LUT_SIZE} height={1} className="colorbar-canvas" />
      <div className="colorbar-ticks" aria-hidden="true" ref={row}>
        {ticks.map((v) => {
          const p = scalePosition(v, scale);
          // Centred under its position, but kept inside the bar at the two ends.
          const shift = p < 0.04 ? 0 : p > 0.96 ? -100 : -50;
          return (
            <span key={v} className="colorbar-tick" style={{ left: `${p * 100}%`, transform: `translateX(${shift}%)` }}>
              {formatSci(v)}
            </span>
          );
        })}
        {at !== null && (
          <span
            className="colorbar-threshold"
            style={{ left: `${at * 100}%` }}
            title={t('colorbar.threshold', { threshold: formatSci(threshold!) })}
          >
            T
          </span>
        )}
      </div>
    </div>
  );
}

/** The least space between two tick labels, in CSS pixels. */
const TICK_GAP = 6;

/** Hides the tick labels that would come closer than TICK_GAP to another (`spacedLabels`). */
function spaceTicks(row: HTMLElement | null): void {
  if (!row) return;
  const spans = [...row.querySelectorAll<HTMLElement>('.colorbar-tick')];
  const keep = spacedLabels(
    spans.map((s) => s.getBoundingClientRect()),
    TICK_GAP,
  );
  spans.forEach((s, k) => (s.style.visibility = keep[k] ? '' : 'hidden'));
}
