import { expectedRun } from '../state/runProgress';
import { useAppState, useT } from './context';
import { formatDuration, formatRate } from './format';
import { OriginNote } from './OriginNote';
import { RichText } from './RichText';
import { RunPhases } from './RunPhases';

/** Before a run: what Train will take, from the measured speeds of this browser. */
function ExpectedRun() {
  const t = useT();
  const throughput = useAppState((s) => s.throughput);
  const evalSpeed = useAppState((s) => s.evalSpeed);
  const dataset = useAppState((s) => s.settings.dataset);
  const epochs = useAppState((s) => s.settings.epochs);
  const batchSize = useAppState((s) => s.settings.batchSize);
  const backend = useAppState((s) => s.backend?.name);
  const runRates = useAppState((s) => s.runRates);
  const e = expectedRun({ throughput, evalSpeed, runRates, settings: { dataset, epochs, batchSize } });
  const rate = throughput?.batch32;
  if (!e) return null;
  const d = (seconds: number) => formatDuration(seconds, t);
  const phases = { training: d(e.training), validation: d(e.validation), scoring: d(e.scoring) };
  const parts = e.curvesKnown ? t('progress.expected.parts', { ...phases, curves: d(e.curves) }) : t('progress.expected.partsNoCurves', phases);
  const text = e.fromRun
    ? t('progress.expected.fromRun', { total: d(e.total), parts, dataset: t(`dataset.short.${dataset}`), batch: String(batchSize), rate: formatRate(runRates[`${dataset}:${batchSize}`], t) })
    : t('progress.expected.measured', { total: d(e.total), parts, rate: formatRate(rate ?? NaN, t), backend: backend?.toUpperCase() ?? '–' });
  return (
    <p className="progress-note" data-testid="progress.expected" data-seconds={e.total.toFixed(1)}>
      <RichText text={text} />
    </p>
  );
}

export function ProgressPanel() {
  const t = useT();
  const phase = useAppState((s) => s.phase);
  const fraction = useAppState((s) => (s.phase === 'done' ? 1 : (s.progress?.fraction ?? 0)));
  const origin = useAppState((s) => s.origin);
  const opening = useAppState((s) => s.openingSnapshot);
  const percent = Math.round(fraction * 100);
  const trained = origin?.kind === 'trained';
  const head = opening
    ? t('progress.opening', { dataset: t(`dataset.short.${opening}`) })
    : phase === 'done' && origin && !trained
      ? t(origin.kind === 'snapshot' ? 'progress.pretrained' : 'progress.imported')
      : t(`progress.phase.${phase}`);
  return (
    <section className="panel progress" aria-label={t('progress.label')}>
      <div className="progress-head">
        <span data-testid="progress.phase" data-phase={phase}>
          {head}
        </span>
        <span>{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={t('progress.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="progress.bar" data-value={percent}>
        <div className={`progress-fill ${phase === 'paused' ? 'paused' : ''}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      {origin && !trained && phase === 'done' ? <OriginNote origin={origin} /> : <RunPhases />}
      {(phase === 'idle' || phase === 'done') && <ExpectedRun />}
    </section>
  );
}
