import { useMemo, useRef, useState, type MouseEvent } from 'react';
import { CRITERIA, CRITERION_INFO } from '../core/criteria';
import { isRunning } from '../state/store';
import { curveAt, type SweepState } from '../state/sweepState';
import { fromX, nearestPoint, toX, xAtFraction, type XMode } from './chartMath';
import { useAppState, useController } from './context';
import { formatSci, int, pct } from './format';
import { CurvesCanvas } from './CurvesCanvas';
import { CRITERION_COLORS, SliderMarker, SparsityPlot, type Series } from './SparsityPlot';
import { useReducedMotion } from './useReducedMotion';

/** Point markers (not toggles): fine-tuned networks. Colours are CSS variables with a light and a dark shade. */
const MARKERS = [
  { name: 'fine-tuned', symbol: '★', color: 'var(--text)' },
  { name: 'fine-tune curve', symbol: '◆', color: 'var(--c-orange)' },
  { name: 'iterative', symbol: '▲', color: 'var(--c-sky)' },
];

/** The legend as toggle buttons: recharts' own legend items take mouse clicks only, not the keyboard. */
function ChartLegend({ series, hidden, onToggle }: { series: Series[]; hidden: ReadonlySet<string>; onToggle(key: string): void }) {
  return (
    <ul className="chart-legend" aria-label="Lines (press to show or hide)" data-testid="chart.legend">
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
              <span className={`legend-line${s.split === 'train' ? ' dashed' : ''}`} style={{ borderTopColor: CRITERION_COLORS[s.criterion] }} aria-hidden="true" />
              {s.name}
            </button>
          </li>
        );
      })}
      {MARKERS.map((m) => (
        <li key={m.name} className="legend-marker">
          <span style={{ color: m.color }} aria-hidden="true">
            {m.symbol}
          </span>{' '}
          {m.name}
        </li>
      ))}
    </ul>
  );
}

interface Hover {
  left: number;
  top: number;
  sparsity: number;
}

/** Every criterion's validation and training curve, in the chart's x coordinates. */
const seriesOf = (curves: SweepState['curves'], mode: XMode): Series[] =>
  CRITERIA.flatMap((k) =>
    (['val', 'train'] as const).map((split) => ({
      key: `${k}:${split}`,
      criterion: k,
      split,
      name: `${CRITERION_INFO[k].label} · ${split === 'val' ? 'validation' : 'training'}`,
      data: (curves[k]?.[split] ?? []).map((p) => ({ x: toX(p.sparsity, mode), y: p.accuracy })),
    })),
  );

/** Accuracy vs. sparsity for every criterion (validation solid, training dashed), linked to the slider. */
export function SparsityChart() {
  const c = useController();
  const sweep = useAppState((s) => s.sweep);
  const dense = useAppState((s) => s.pruning.dense);
  const view = useAppState((s) => s.pruning.view);
  const criterion = useAppState((s) => s.settings.criterion);
  const log = useAppState((s) => s.experiments.log);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set(CRITERIA.map((k) => `${k}:train`)));
  const [mode, setMode] = useState<XMode>('sparsity');
  const [hover, setHover] = useState<Hover | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();

  const series = useMemo(() => seriesOf(sweep.curves, mode), [sweep.curves, mode]);
  // While a sweep runs, recharts keeps the last finished curves (faded) and the new points go to the
  // canvas: re-rendering recharts when a sweep starts cost the change's input event ~40 ms.
  // So does a new run until its curves start: clearing recharts on Train and drawing it from nothing
  // at the end cost two long tasks (removing and re-adding ten lines and their axes' registrations).
  const training = useAppState((s) => isRunning(s.phase));
  const waiting = sweep.status === 'running' || (sweep.status === 'idle' && training);
  const finished = useRef(sweep.curves);
  if (!waiting) finished.current = sweep.curves;
  const plotted = useMemo(() => seriesOf(finished.current, mode), [finished.current, mode]);

  /** Pointer → sparsity, using the plot area (the cartesian grid's box). */
  const sparsityAt = (e: MouseEvent): { sparsity: number; left: number; top: number } | null => {
    const grid = box.current?.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
    const outer = box.current?.getBoundingClientRect();
    if (!grid || !outer || e.clientX < grid.left || e.clientX > grid.right || e.clientY < grid.top || e.clientY > grid.bottom) return null;
    return { sparsity: fromX(xAtFraction((e.clientX - grid.left) / grid.width, mode), mode), left: e.clientX - outer.left, top: e.clientY - outer.top };
  };

  const onClick = (e: MouseEvent) => {
    const at = sparsityAt(e);
    const settings = c.store.getState().settings;
    const curve = sweep.curves[settings.criterion]?.val;
    if (!at || !curve?.length) return;
    const p = nearestPoint(curve, at.sparsity)!;
    // Move the slider to that point: its target in sparsity mode, its T in threshold mode (global scope).
    if (settings.mode === 'threshold' && Number.isFinite(p.threshold)) c.updateSettings({ threshold: p.threshold });
    else c.updateSettings({ mode: 'sparsity', sparsity: Math.min(0.999, p.target) });
  };

  const markerX = view ? toX(view.report.sparsity, mode) : null;
  const toggle = (key: string) => setHidden((h) => new Set(h.has(key) ? [...h].filter((x) => x !== key) : [...h, key]));
  const running = sweep.status === 'running';
  const previous = waiting && Object.keys(finished.current).length > 0;
  const plotLabel = `Validation accuracy against ${mode === 'sparsity' ? 'sparsity' : 'weights remaining'} for ${CRITERIA.length} criteria (${sweep.scope}, ${sweep.granularity}); click to move the slider to that sparsity.`;
  return (
    <section className="panel sparsity-chart" aria-labelledby="chart-title" data-testid="chart" data-status={sweep.status}>
      <div className="heatmaps-head">
        <h2 id="chart-title">Accuracy vs. sparsity</h2>
        <div className="heatmaps-controls">
          <button type="button" data-testid="chart.axis" aria-pressed={mode === 'remaining'} onClick={() => setMode(mode === 'sparsity' ? 'remaining' : 'sparsity')} title="Switch the x axis between sparsity and weights remaining (log scale)">
            {mode === 'sparsity' ? 'x: sparsity' : 'x: weights remaining (log)'}
          </button>
        </div>
      </div>
      {sweep.status === 'idle' && (
        <p className="muted" data-testid="chart.waiting">
          Curves for every criterion appear after training.{previous && ' The faded lines are the previous network’s.'}
        </p>
      )}
      {running && (
        <div className="progress-track" role="progressbar" aria-label="Computing curves" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((100 * sweep.done) / Math.max(1, sweep.total))}>
          <div className="progress-fill" style={{ width: `${(100 * sweep.done) / Math.max(1, sweep.total)}%` }} />
        </div>
      )}
      {running && (
        <p className="muted chart-computing" data-testid="chart.computing">
          Computing the curves ({sweep.scope}, {sweep.granularity})… {previous && 'The faded lines are the previous ones.'}
        </p>
      )}
      <div
        ref={box}
        className={previous ? 'chart-box stale' : 'chart-box'}
        data-testid="chart.plot"
        data-reduced-motion={reduced}
        onClick={onClick}
        onMouseMove={(e) => {
          const at = sparsityAt(e);
          setHover(at && { left: at.left, top: at.top, sparsity: at.sparsity });
        }}
        onMouseLeave={() => setHover(null)}
      >
        {/* Recharts draws finished curves only; while a sweep runs its points go to the canvas. */}
        {/* The label lives outside the memoized plot: it names the scope, which changes when a sweep starts. */}
        <div role="img" aria-label={plotLabel}>
          <SparsityPlot series={plotted} hidden={hidden} mode={mode} denseAccuracy={dense?.val.accuracy ?? null} criterion={criterion} log={log} />
        </div>
        {running && <CurvesCanvas box={box} series={series} hidden={hidden} mode={mode} criterion={criterion} />}
        <SliderMarker box={box} x={markerX} mode={mode} />
        {hover && (
          <div className="heatmap-tooltip chart-tooltip" style={{ left: Math.min(hover.left + 12, (box.current?.clientWidth ?? 400) - 230), top: hover.top + 12 }} data-testid="chart.tooltip">
            <div>
              <strong>{pct(hover.sparsity)}</strong> sparsity
            </div>
            {CRITERIA.filter((k) => !hidden.has(`${k}:val`)).map((k) => {
              const v = curveAt(sweep.curves[k]?.val ?? [], hover.sparsity);
              const t = curveAt(sweep.curves[k]?.train ?? [], hover.sparsity);
              return v ? (
                <div key={k}>
                  <span className="legend-line" style={{ borderTopColor: CRITERION_COLORS[k] }} aria-hidden="true" />
                  {CRITERION_INFO[k].label}: val {pct(v.accuracy, 1)}
                  {t ? ` · train ${pct(t.accuracy, 1)}` : ''} · loss {v.loss.toFixed(2)} · T {Number.isFinite(v.threshold) ? formatSci(v.threshold) : '–'}
                </div>
              ) : null;
            })}
          </div>
        )}
        <ChartLegend series={series} hidden={hidden} onToggle={toggle} />
      </div>
      {view && (
        <p className="efficiency" data-testid="chart.efficiency">
          At the slider: <strong>{int(view.report.live)}</strong> live weights · {(view.report.denseBytes / 1024).toFixed(1)} KB dense → {(view.report.csrBytes / 1024).toFixed(1)} KB CSR ·{' '}
          {int(view.report.macsDense)} → {int(view.report.macsSparse)} multiply-adds per sample
          {view.spec.granularity === 'neurons' && <> · smaller dense network {view.report.shapes.join('-')}</>}. Zeroed weights in a dense matrix multiply do not make
          inference faster (the multiply-adds still run); neuron pruning and sparse formats do.
        </p>
      )}
      <p className="muted chart-note">
        The orange line is the slider’s position; click the chart to move the slider there. Click a legend entry to show or hide that line (training curves start hidden). Stars: fine-tuned networks.
        {sweep.ms !== null && ` Curves computed in ${(sweep.ms / 1000).toFixed(1)} s.`}
      </p>
    </section>
  );
}
