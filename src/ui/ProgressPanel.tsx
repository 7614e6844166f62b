import { DATASET_NAMES, type DatasetName } from '../core/dataset';
import type { Origin } from '../state/store';
import { useAppState, useController } from './context';
import { formatDuration, formatRate, pct } from './format';

const PHASE_TEXT: Record<string, string> = {
  idle: 'Ready. Press Train.',
  loading: 'Loading data…',
  training: 'Training',
  paused: 'Paused',
  scoring: 'Scoring pass: averaging |∂L/∂w| over the training set…',
  done: 'Done',
  error: 'Stopped by an error',
};
const DATASET_TEXT: Record<DatasetName, string> = { mnist: 'MNIST', 'synthetic-32': 'synthetic-32' };

/** Where the network on screen came from, in one or two sentences, and the other snapshots to open. */
function OriginNote({ origin }: { origin: Exclude<Origin, { kind: 'trained' }> }) {
  const c = useController();
  const dense = useAppState((s) => s.pruning.dense);
  if (origin.kind === 'imported') {
    return (
      <p className="progress-note" data-testid="progress.origin" data-origin="imported">
        Imported from run.json (saved {origin.createdAt.slice(0, 16).replace('T', ' ')} UTC): weights, gradient statistics and settings, without its training curves. Train trains a new network.
      </p>
    );
  }
  const { config: cfg, backend, trainSeconds, samplesPerSec } = origin.provenance;
  const others = DATASET_NAMES.filter((d) => d !== origin.name);
  return (
    <div className="progress-note" data-testid="progress.origin" data-origin="snapshot" data-snapshot={origin.name}>
      <p>
        <strong>Pre-trained snapshot</strong>: {DATASET_TEXT[cfg.dataset]}, seed {cfg.seed}, {cfg.epochs} epochs, batch {cfg.batchSize}, learning rate {cfg.learningRate}, trained on {backend.name.toUpperCase()} in {formatDuration(trainSeconds)} ({formatRate(samplesPerSec)})
        {dense ? `; dense validation accuracy ${pct(dense.val.accuracy, 1)}` : ''}. It ships with the lab so you can prune at once; <em>Train</em> trains your own with the settings above.
      </p>
      <p>
        {others.map((d) => (
          <button key={d} type="button" className="link" data-testid={`progress.snapshot.${d}`} onClick={() => c.openSnapshot(d)}>
            Open the {DATASET_TEXT[d]} snapshot
          </button>
        ))}
      </p>
    </div>
  );
}

export function ProgressPanel() {
  const phase = useAppState((s) => s.phase);
  const p = useAppState((s) => s.progress);
  const result = useAppState((s) => s.result);
  const scoring = useAppState((s) => s.scoring);
  const origin = useAppState((s) => s.origin);
  const opening = useAppState((s) => s.openingSnapshot);
  const fraction = phase === 'done' ? 1 : (p?.fraction ?? 0);
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
      {origin && !trained && phase === 'done' ? (
        <OriginNote origin={origin} />
      ) : (
        <>
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
          {scoring && trained && (
            <div className="progress-note">
              Scoring pass: {scoring.batches} batches in {scoring.seconds.toFixed(2)} s.
            </div>
          )}
        </>
      )}
    </section>
  );
}
