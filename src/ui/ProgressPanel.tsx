import { expectedRun } from '../state/runProgress';
import { useAppState } from './context';
import { DATASET_TEXT, formatDuration, formatRate } from './format';
import { OriginNote } from './OriginNote';
import { RunPhases } from './RunPhases';

const PHASE_TEXT: Record<string, string> = {
  idle: 'Ready. Press Train.',
  loading: 'Loading data…',
  training: 'Training',
  paused: 'Paused',
  scoring: 'Scoring pass: averaging |∂L/∂w| over the training set…',
  done: 'Done',
  error: 'Stopped by an error',
};

/** Before a run: what Train will take, from the measured speeds of this browser. */
function ExpectedRun() {
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
  const parts = [`training ${formatDuration(e.training)}`, `validation ${formatDuration(e.validation)}`, `scoring ${formatDuration(e.scoring)}`, e.curvesKnown ? `curves ${formatDuration(e.curves)}` : 'curves a few seconds more'];
  return (
    <p className="progress-note" data-testid="progress.expected" data-seconds={e.total.toFixed(1)}>
      Train takes about <strong>{formatDuration(e.total)}</strong> here ({parts.join(', ')}),{' '}
      {e.fromRun ? `from your last ${DATASET_TEXT[dataset]} run at batch ${batchSize} (${formatRate(runRates[`${dataset}:${batchSize}`])}).` : `from ${formatRate(rate ?? NaN)} measured on ${backend?.toUpperCase()} at batch 32.`}
    </p>
  );
}

export function ProgressPanel() {
  const phase = useAppState((s) => s.phase);
  const fraction = useAppState((s) => (s.phase === 'done' ? 1 : (s.progress?.fraction ?? 0)));
  const origin = useAppState((s) => s.origin);
  const opening = useAppState((s) => s.openingSnapshot);
  const percent = Math.round(fraction * 100);
  const trained = origin?.kind === 'trained';
  const head = opening ? `Opening the pre-trained ${DATASET_TEXT[opening]} network…` : phase === 'done' && origin && !trained ? (origin.kind === 'snapshot' ? 'Pre-trained network' : 'Imported network') : PHASE_TEXT[phase];
  return (
    <section className="panel progress" aria-label="Training progress">
      <div className="progress-head">
        <span data-testid="progress.phase" data-phase={phase}>
          {head}
        </span>
        <span>{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="progress.bar" data-value={percent}>
        <div className={`progress-fill ${phase === 'paused' ? 'paused' : ''}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      {origin && !trained && phase === 'done' ? <OriginNote origin={origin} /> : <RunPhases />}
      {(phase === 'idle' || phase === 'done') && <ExpectedRun />}
    </section>
  );
}
