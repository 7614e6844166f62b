import { useRef, type RefObject } from 'react';
import type { Criterion } from '../../core/prune';
import { curveAt, type SweepState } from '../../state/store';
import { useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { RichText } from '../kit/RichText';
import { useFloating } from '../kit/useFloating';
import { CRITERION_COLORS } from './SparsityPlot';

/** Where the pointer rests on the chart (offsets from its box) and the sparsity there. */
export interface Hover {
  left: number;
  top: number;
  sparsity: number;
}

/**
 * The values under the pointer: the sparsity, and each shown criterion's validation accuracy, loss and
 * threshold there (its training accuracy too once computed). Nothing while the pointer is off the plot.
 */
export function ChartTooltip({
  box,
  hover,
  curves,
  criteria,
}: {
  box: RefObject<HTMLDivElement | null>;
  hover: Hover | null;
  curves: SweepState['curves'];
  /** The criteria whose validation line is shown. */
  criteria: readonly Criterion[];
}) {
  const t = useT();
  // The tooltip opens 12 px right of and below the pointer (above it, or further left, to stay in the viewport).
  const tip = useRef<HTMLDivElement>(null);
  useFloating(tip, hover !== null, () => pointBox(box.current, hover), TIP_PLACEMENT);
  if (!hover) return null;
  return (
    <div ref={tip} className="heatmap-tooltip chart-tooltip floating" popover="manual" data-testid="chart.tooltip">
      <div>
        <RichText text={t('chart.tooltip.sparsity', { sparsity: pct(hover.sparsity) })} />
      </div>
      {criteria.map((k) => {
        const v = curveAt(curves[k]?.val ?? [], hover.sparsity);
        const tr = curveAt(curves[k]?.train ?? [], hover.sparsity);
        if (!v) return null;
        const point = {
          criterion: t(`criterion.${k}.label`),
          val: pct(v.accuracy, 1),
          loss: v.loss.toFixed(2),
          threshold: Number.isFinite(v.threshold) ? formatSci(v.threshold) : '–',
        };
        return (
          <div key={k}>
            <span className="legend-line" style={{ borderTopColor: CRITERION_COLORS[k] }} aria-hidden="true" />
            {tr
              ? t('chart.tooltip.line.train', { ...point, train: pct(tr.accuracy, 1) })
              : t('chart.tooltip.line', point)}
          </div>
        );
      })}
    </div>
  );
}

const TIP_PLACEMENT = { gap: 12, dx: 12 };

/** The viewport point (a box of no size) `at` gives relative to the chart's box. */
function pointBox(box: HTMLElement | null, at: { left: number; top: number } | null) {
  const r = box?.getBoundingClientRect();
  if (!r || !at || (r.width === 0 && r.height === 0)) return null;
  return { left: r.left + at.left, top: r.top + at.top, right: r.left + at.left, bottom: r.top + at.top };
}
