import { runProgress, type PhaseProgress, type RunView } from '../state/runProgress';
import { useAppState } from './context';
import { formatDuration, formatRate, int } from './format';

const STATUS = { waiting: 'waiting', running: 'running', done: 'done' } as const;

function Row({ name, label, p, detail }: { name: string; label: string; p: PhaseProgress; detail: string }) {
  return (
    <li className={`phase phase-${p.status}`} data-testid={`progress.phase.${name}`} data-status={p.status}>
      <span className="phase-name">{label}</span>
      <span className="phase-detail">{detail}</span>
      <span className="phase-bar" role="progressbar" aria-label={`${label}: ${STATUS[p.status]}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(p.fraction * 100)}>
        <span style={{ width: `${p.fraction * 100}%` }} />
      </span>
    </li>
  );
}

const took = (p: PhaseProgress) => (Number.isFinite(p.seconds) ? `took ${formatDuration(p.seconds)}` : 'done');

/** A run's phases, each with its own progress, and the time left for the whole run or the time it took. */
export function RunPhases() {
  // One slice each, so a slider move (a settings change) does not re-render this.
  const s: RunView = {
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
  const training = r.training.status === 'waiting' ? 'waiting' : r.training.status === 'done' ? `${took(r.training)} · ${formatRate(rate)}` : p ? `epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batchesPerEpoch} · ${formatRate(rate)}` : 'starting';
  const validation = r.validation.status === 'waiting' ? 'after each epoch' : r.validation.status === 'done' ? `${took(r.validation)} in all` : p?.stage === 'validation' ? `after epoch ${p.epoch}: running` : `${r.validation.done}/${r.validation.total} epochs`;
  const scoring = r.scoring.status === 'done' ? took(r.scoring) : r.scoring.status === 'running' ? `${int(r.scoring.done)}/${int(r.scoring.total)} batches` : 'waiting';
  const curves = r.curves.status === 'done' ? took(r.curves) : r.curves.status === 'running' ? `${int(r.curves.done)}/${int(r.curves.total)} points` : 'waiting';
  const stopped = s.phase === 'error';
  return (
    <div className="run-phases">
      <ol className="phases" data-testid="progress.phases">
        <Row name="training" label="Training" p={r.training} detail={training} />
        <Row name="validation" label="Validation" p={r.validation} detail={validation} />
        <Row name="scoring" label="Scoring pass" p={r.scoring} detail={scoring} />
        <Row name="curves" label="Curves" p={r.curves} detail={curves} />
      </ol>
      <p className="progress-stats" data-testid="progress.stats">
        {p ? (
          <>
            <span>
              Epoch {p.epoch}/{p.epochs}
            </span>
            <span>
              Batch {p.batch}/{p.batchesPerEpoch}
            </span>
            <span>{formatRate(rate)}</span>
          </>
        ) : (
          <span>Epoch –, batch –</span>
        )}
        {/* No ETA for a run that stopped with an error: it will not finish. */}
        {!stopped && r.tookSec !== null && <span data-testid="progress.took">took {formatDuration(r.tookSec)} in all</span>}
        {!stopped && r.tookSec === null && Number.isFinite(r.etaSec) && <span data-testid="progress.eta" data-seconds={r.etaSec.toFixed(1)} data-curves={r.etaIncludesCurves}>ETA {formatDuration(r.etaSec)}{r.etaIncludesCurves ? '' : ' + curves'}</span>}
      </p>
    </div>
  );
}
