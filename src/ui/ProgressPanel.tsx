import { useAppState } from './context';
import { formatDuration, formatRate } from './format';

const PHASE_TEXT: Record<string, string> = {
  idle: 'Ready. Press Train.',
  loading: 'Loading data…',
  training: 'Training',
  paused: 'Paused',
  scoring: 'Scoring pass: averaging |∂L/∂w| over the training set…',
  done: 'Done',
  error: 'Stopped by an error',
};

export function ProgressPanel() {
  const phase = useAppState((s) => s.phase);
  const p = useAppState((s) => s.progress);
  const result = useAppState((s) => s.result);
  const scoring = useAppState((s) => s.scoring);
  const fraction = phase === 'done' ? 1 : (p?.fraction ?? 0);
  const percent = Math.round(fraction * 100);
  return (
    <section className="panel progress" aria-label="Training progress">
      <div className="progress-head">
        <span data-testid="progress.phase" data-phase={phase}>
          {PHASE_TEXT[phase]}
        </span>
        <span>{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="progress.bar" data-value={percent}>
        <div className={`progress-fill ${phase === 'paused' ? 'paused' : ''}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="progress-stats" data-testid="progress.stats">
        {p ? (
          <>
            <span>
              Epoch {p.epoch}/{p.epochs}
            </span>
            <span>
              Batch {p.batch}/{p.batchesPerEpoch}
            </span>
            <span>{formatRate(phase === 'done' && result ? result.samplesPerSec : p.samplesPerSec)}</span>
            {/* No ETA for a run that stopped with an error: it will not finish. */}
            {phase !== 'error' && <span>{phase === 'done' ? `took ${formatDuration(result?.trainSeconds ?? NaN)}` : `ETA ${formatDuration(p.etaSec)}`}</span>}
          </>
        ) : (
          <span>Epoch –, batch –</span>
        )}
      </div>
      {scoring && (
        <div className="progress-note">
          Scoring pass: {scoring.batches} batches in {scoring.seconds.toFixed(2)} s.
        </div>
      )}
    </section>
  );
}
