import type { Translator } from '../../i18n/catalogue';
import { runProgress, type PhaseProgress, type RunView } from '../../state/training/runProgress';
import { useAppState, useT } from '../kit/context';
import { formatDuration, formatRate } from '../kit/format';

function Row({
  name,
  p,
  detail,
}: {
  name: 'training' | 'validation' | 'scoring' | 'curves';
  p: PhaseProgress;
  detail: string;
}) {
  const t = useT();
  const label = t(`phases.${name}`);
  return (
    <li className={`phase phase-${p.status}`} data-testid={`progress.phase.${name}`} data-status={p.status}>
      <span className="phase-name">{label}</span>
      <span className="phase-detail">{detail}</span>
      <span
        className="phase-bar"
        role="progressbar"
        aria-label={t('phases.bar', { phase: label, status: t(`phases.status.${p.status}`) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p.fraction * 100)}
      >
        <span style={{ width: `${p.fraction * 100}%` }} />
      </span>
    </li>
  );
}

const took = (p: PhaseProgress, t: Translator) =>
  Number.isFinite(p.seconds) ? t('phases.took', { time: formatDuration(p.seconds, t) }) : t('phases.status.done');

/** The detail of each phase's row: where it is, or what it took. */
function details(r: ReturnType<typeof runProgress>, p: RunView['progress'], rate: number, t: Translator) {
  const waiting = t('phases.status.waiting');
  const samples = formatRate(rate, t);
  const training =
    r.training.status === 'waiting'
      ? waiting
      : r.training.status === 'done'
        ? t('phases.training.done', { took: took(r.training, t), rate: samples })
        : p
          ? t('phases.training.running', {
              epoch: p.epoch,
              epochs: p.epochs,
              batch: p.batch,
              batches: p.batchesPerEpoch,
              rate: samples,
            })
          : t('phases.training.starting');
  const validation =
    r.validation.status === 'waiting'
      ? t('phases.validation.waiting')
      : r.validation.status === 'done'
        ? Number.isFinite(r.validation.seconds)
          ? t('phases.tookInAll', { time: formatDuration(r.validation.seconds, t) })
          : t('phases.status.done')
        : p?.stage === 'validation'
          ? t('phases.validation.running', { epoch: p.epoch })
          : t('phases.validation.progress', { done: r.validation.done, total: r.validation.total });
  const scoring =
    r.scoring.status === 'done'
      ? took(r.scoring, t)
      : r.scoring.status === 'running'
        ? t('phases.scoring.progress', { done: r.scoring.done, total: r.scoring.total })
        : waiting;
  const curves =
    r.curves.status === 'done'
      ? took(r.curves, t)
      : r.curves.status === 'running'
        ? // Until the sweep names its points (a fast run ends before it has): no "0/0 points".
          r.curves.total > 0
          ? t('phases.curves.progress', { done: r.curves.done, total: r.curves.total })
          : t('phases.curves.starting')
        : waiting;
  return { training, validation, scoring, curves };
}

/** A run's phases, each with its own progress, and the time left for the whole run or the time it took. */
export function RunPhases() {
  const t = useT();
  // One slice each, so a slider move (a settings change) does not re-render this.
  const s: RunView = {
    dataset: useAppState((st) => st.dataset),
    runConfig: useAppState((st) => st.runConfig),
    progress: useAppState((st) => st.progress),
    phase: useAppState((st) => st.phase),
    result: useAppState((st) => st.result),
    epochs: useAppState((st) => st.epochs),
    scoringProgress: useAppState((st) => st.scoringProgress),
    scoring: useAppState((st) => st.scoring),
    sweep: useAppState((st) => st.sweep),
    timing: useAppState((st) => st.timing),
    evalSpeed: useAppState((st) => st.evalSpeed),
    throughput: useAppState((st) => st.throughput),
    runRates: useAppState((st) => st.runRates),
  };
  const r = runProgress(s, performance.now());
  const p = s.progress;
  const rate = s.phase === 'done' && s.result ? s.result.samplesPerSec : (p?.samplesPerSec ?? NaN);
  const d = details(r, p, rate, t);
  const stopped = s.phase === 'error';
  return (
    <div className="run-phases">
      <ol className="phases" data-testid="progress.phases">
        <Row name="training" p={r.training} detail={d.training} />
        <Row name="validation" p={r.validation} detail={d.validation} />
        <Row name="scoring" p={r.scoring} detail={d.scoring} />
        <Row name="curves" p={r.curves} detail={d.curves} />
      </ol>
      <p className="progress-stats" data-testid="progress.stats">
        {p ? (
          <>
            <span>{t('progress.stats.epoch', { epoch: p.epoch, epochs: p.epochs })}</span>
            <span>{t('progress.stats.batch', { batch: p.batch, batches: p.batchesPerEpoch })}</span>
            <span>{formatRate(rate, t)}</span>
            {p.steps === 'fused-wasm' && <span data-testid="progress.fused">{t('progress.stats.fused')}</span>}
            {p.steps === 'fused-webgpu' && <span data-testid="progress.fused">{t('progress.stats.fusedWebgpu')}</span>}
            {p.steps === 'tfjs' && <span data-testid="progress.tfjs">{t('progress.stats.tfjs')}</span>}
          </>
        ) : (
          <span>{t('progress.stats.none')}</span>
        )}
        {/* No ETA for a run that stopped with an error: it will not finish. */}
        {!stopped && r.tookSec !== null && (
          <span data-testid="progress.took">{t('phases.tookInAll', { time: formatDuration(r.tookSec, t) })}</span>
        )}
        {!stopped && r.tookSec === null && Number.isFinite(r.etaSec) && (
          <span data-testid="progress.eta" data-seconds={r.etaSec.toFixed(1)} data-curves={r.etaIncludesCurves}>
            {t(r.etaIncludesCurves ? 'progress.eta' : 'progress.etaPlusCurves', { time: formatDuration(r.etaSec, t) })}
          </span>
        )}
      </p>
    </div>
  );
}
