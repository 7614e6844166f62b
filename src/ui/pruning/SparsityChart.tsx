import { useCallback, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { CRITERIA, type MaskReport } from '../../core/prune';
import type { Translator } from '../../i18n/catalogue';
import { isRunning, type SweepState } from '../../state/store';
import { fromX, nearestPoint, toX, xAtFraction, xAxis, type XMode } from './chartMath';
import { useAppState, useController, useLiveAppState, useT } from '../kit/context';
import { CurvesCanvas } from './CurvesCanvas';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { RichText } from '../kit/RichText';
import { SliderMarker, SparsityPlot, type Series } from './SparsityPlot';
import { ChartLegend } from './ChartLegend';
import { ChartTooltip, type Hover } from './ChartTooltip';
import { useReducedMotion } from '../kit/useReducedMotion';

/** Every criterion's validation and training curve, in the chart's x coordinates. */
const seriesOf = (curves: SweepState['curves'], mode: XMode, t: Translator): Series[] =>
  CRITERIA.flatMap((k) =>
    (['val', 'train'] as const).map((split) => ({
      key: `${k}:${split}`,
      criterion: k,
      split,
      name: t('chart.series', { criterion: t(`criterion.${k}.label`), split: t(`split.${split}`) }),
      data: (curves[k]?.[split] ?? []).map((p) => ({ x: toX(p.sparsity, mode), y: p.accuracy })),
    })),
  );

/** The parameters of the efficiency line: live weights, storage and multiply-adds at the slider. */
const efficiency = (r: MaskReport) => ({
  live: r.live,
  dense: (r.denseBytes / 1024).toFixed(1),
  csr: (r.csrBytes / 1024).toFixed(1),
  macsDense: r.macsDense,
  macsSparse: r.macsSparse,
  shapes: r.shapes.join('-'),
});

/** The slider's position on the chart, from the store itself: it moves in the slider's frame (the chart's panel is lagged). */
function LiveMarker(props: { box: RefObject<HTMLDivElement | null>; mode: XMode; domain: [number, number] }) {
  const sparsity = useLiveAppState((s) => s.pruning.view?.report.sparsity);
  return <SliderMarker {...props} x={sparsity === undefined ? null : toX(sparsity, props.mode)} />;
}

/** Accuracy vs. sparsity for every criterion (validation solid, training dashed), linked to the slider. */
export function SparsityChart() {
  const c = useController();
  const t = useT();
  const sweep = useAppState((s) => s.sweep);
  const dense = useAppState((s) => s.pruning.dense);
  const view = useAppState((s) => s.pruning.view);
  const criterion = useAppState((s) => s.settings.criterion);
  const log = useAppState((s) => s.experiments.log);
  const kinds = useMemo(() => new Set(log.map((r) => r.kind)), [log]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set(CRITERIA.map((k) => `${k}:train`)));
  const [mode, setMode] = useState<XMode>('sparsity');
  const [hover, setHover] = useState<Hover | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();

  const series = useMemo(() => seriesOf(sweep.curves, mode, t), [sweep.curves, mode, t]);
  // While a sweep runs, the last finished curves stay (faded) and the new points go to a second canvas;
  // so do they while a new run trains, until its curves start (the chart does not empty on Train).
  const training = useAppState((s) => isRunning(s.phase));
  const waiting = sweep.status === 'running' || (sweep.status === 'idle' && training);
  const finished = useRef(sweep.curves);
  // The x axis fits the granularity of the finished curves (2:4 ends at 50 %); a running sweep's canvas
  // and the slider's marker use the same axis.
  const finishedGranularity = useRef(sweep.granularity);
  // The dense line goes with the curves it belongs to (the previous network's stay, faded, while a new one trains).
  const finishedDense = useRef<number | null>(null);
  if (!waiting) {
    finished.current = sweep.curves;
    finishedGranularity.current = sweep.granularity;
    finishedDense.current = dense?.val.accuracy ?? null;
  }
  const finishedCurves = finished.current;
  const plotted = useMemo(() => seriesOf(finishedCurves, mode, t), [finishedCurves, mode, t]);
  const granularity = Object.keys(finished.current).length > 0 ? finishedGranularity.current : sweep.granularity;
  const domain = useMemo(() => xAxis(mode, granularity).domain, [mode, granularity]);

  /** Pointer → sparsity, using the plot area (the cartesian grid's box). */
  const sparsityAt = (e: MouseEvent): { sparsity: number; left: number; top: number } | null => {
    const grid = box.current?.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
    const outer = box.current?.getBoundingClientRect();
    if (
      !grid ||
      !outer ||
      e.clientX < grid.left ||
      e.clientX > grid.right ||
      e.clientY < grid.top ||
      e.clientY > grid.bottom
    )
      return null;
    // Offsets in the viewport's pixels from the box: the tooltip floats in the top layer (useFloating).
    return {
      sparsity: fromX(xAtFraction((e.clientX - grid.left) / grid.width, mode, domain), mode),
      left: e.clientX - outer.left,
      top: e.clientY - outer.top,
    };
  };

  const onClick = (e: MouseEvent) => {
    const at = sparsityAt(e);
    const settings = c.store.getState().settings;
    const curve = sweep.curves[settings.criterion]?.val;
    if (!at || !curve?.length) return;
    // A tap (touch screens have no hover) also shows the values there.
    setHover({ left: at.left, top: at.top, sparsity: at.sparsity });
    const p = nearestPoint(curve, at.sparsity)!;
    // Move the slider to that point: its target in sparsity mode, its T in threshold mode (global scope).
    if (settings.mode === 'threshold' && Number.isFinite(p.threshold)) c.updateSettings({ threshold: p.threshold });
    else c.updateSettings({ mode: 'sparsity', sparsity: Math.min(0.999, p.target) });
  };

  const toggle = useCallback(
    (key: string) => setHidden((h) => new Set(h.has(key) ? [...h].filter((x) => x !== key) : [...h, key])),
    [],
  );
  const running = sweep.status === 'running';
  const previous = waiting && Object.keys(finished.current).length > 0;
  const sweepSpec = { scope: t(`chart.scope.${sweep.scope}`), granularity: t(`granularity.${sweep.granularity}`) };
  const shownCriteria = CRITERIA.filter((k) => !hidden.has(`${k}:val`)); // the tooltip lists the criteria whose validation line is shown
  const plotLabel = t(mode === 'sparsity' ? 'chart.plot.sparsity' : 'chart.plot.remaining', {
    n: CRITERIA.length,
    ...sweepSpec,
  });
  return (
    <section
      className="panel sparsity-chart"
      aria-labelledby="chart-title"
      data-testid="chart"
      data-status={sweep.status}
    >
      <div className="heatmaps-head">
        <h2 id="chart-title">{t('chart.title')}</h2>
        <div className="heatmaps-controls">
          <Help id="chart.axis" label={t('chart.axis.name')} text={t('chart.axis.help')} />
          <button
            type="button"
            data-testid="chart.axis"
            aria-pressed={mode === 'remaining'}
            aria-describedby={helpId('chart.axis')}
            onClick={() => setMode(mode === 'sparsity' ? 'remaining' : 'sparsity')}
          >
            {t(mode === 'sparsity' ? 'chart.axis.sparsity' : 'chart.axis.remaining')}
          </button>
        </div>
      </div>
      {sweep.status === 'idle' && (
        <p className="muted" data-testid="chart.waiting">
          {t(previous ? 'chart.waiting.previous' : 'chart.waiting')}
        </p>
      )}
      {running && <JobProgress label={t('chart.progress')} fraction={sweep.done / Math.max(1, sweep.total)} />}
      {running && (
        <p className="muted chart-computing" data-testid="chart.computing">
          {t(previous ? 'chart.computing.previous' : 'chart.computing', sweepSpec)}
        </p>
      )}
      <div
        ref={box}
        className={previous ? 'chart-box stale' : 'chart-box'}
        data-testid="chart.plot"
        data-x-domain={domain.join(',')}
        data-reduced-motion={reduced}
        onClick={onClick}
        onMouseMove={(e) => {
          const at = sparsityAt(e);
          setHover(at && { left: at.left, top: at.top, sparsity: at.sparsity });
        }}
        onMouseLeave={() => setHover(null)}
      >
        {/* The finished curves, under the frame recharts draws (its grid, axes, dense line and markers):
            faded while new ones are computed, whose points go to a second canvas as they arrive. */}
        <CurvesCanvas
          box={box}
          series={plotted}
          hidden={hidden}
          mode={mode}
          domain={domain}
          criterion={criterion}
          testid="chart.lines"
        />
        {/* The label lives outside the memoized plot: it names the scope, which changes when a sweep starts. */}
        <div role="img" aria-label={plotLabel}>
          <SparsityPlot mode={mode} granularity={granularity} denseAccuracy={finishedDense.current} log={log} />
        </div>
        {running && (
          <CurvesCanvas
            box={box}
            series={series}
            hidden={hidden}
            mode={mode}
            domain={domain}
            criterion={criterion}
            testid="chart.canvas"
          />
        )}
        <LiveMarker box={box} mode={mode} domain={domain} />
        <ChartTooltip box={box} hover={hover} curves={sweep.curves} criteria={shownCriteria} />
        <ChartLegend series={series} hidden={hidden} onToggle={toggle} kinds={kinds} />
      </div>
      {view && (
        <p className="efficiency" data-testid="chart.efficiency">
          <RichText
            text={t(
              view.spec.granularity === 'neurons' ? 'chart.efficiency.neurons' : 'chart.efficiency',
              efficiency(view.report),
            )}
          />
        </p>
      )}
      <p className="muted chart-note">
        {sweep.ms !== null ? t('chart.note.timed', { s: (sweep.ms / 1000).toFixed(1) }) : t('chart.note')}
      </p>
    </section>
  );
}
