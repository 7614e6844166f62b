import { memo } from 'react';
import { useT } from '../kit/context';
import { CRITERION_COLORS, type Series } from './SparsityPlot';
import { MARKERS } from './markers';

/** The legend as toggle buttons: recharts' own legend items take mouse clicks only, not the keyboard. Memoized: a slider move does not re-render its 14 lines and markers. */
export const ChartLegend = memo(function ChartLegend({
  series,
  hidden,
  onToggle,
  kinds,
}: {
  series: Series[];
  hidden: ReadonlySet<string>;
  onToggle(key: string): void;
  kinds: ReadonlySet<string>;
}) {
  const t = useT();
  return (
    <ul className="chart-legend" aria-label={t('chart.legend')} data-testid="chart.legend">
      {series.map((s) => {
        const shown = !hidden.has(s.key);
        return (
          <li key={s.key} className={`recharts-legend-item${shown ? '' : ' inactive'}`}>
            <button
              type="button"
              aria-pressed={shown}
              data-testid={`chart.legend.${s.key}`}
              onClick={(e) => {
                e.stopPropagation(); // not a click on the plot
                onToggle(s.key);
              }}
            >
              <span
                className={`legend-line${s.split === 'train' ? ' dashed' : ''}`}
                style={{ borderTopColor: CRITERION_COLORS[s.criterion] }}
                aria-hidden="true"
              />
              {s.name}
            </button>
          </li>
        );
      })}
      {MARKERS.filter((m) => m.always || kinds.has(m.kind)).map((m) => (
        <li key={m.key} className="legend-marker">
          <span style={{ color: m.color }} aria-hidden="true">
            {m.symbol}
          </span>{' '}
          {t(m.key)}
        </li>
      ))}
    </ul>
  );
});
