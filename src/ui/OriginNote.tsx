import { DATASET_NAMES } from '../core/dataset';
import type { Origin } from '../state/store';
import { useAppState, useController } from './context';
import { DATASET_TEXT, formatDuration, formatRate, pct } from './format';

/** Where the network on screen came from, in one or two sentences, and the other snapshots to open. */
export function OriginNote({ origin }: { origin: Exclude<Origin, { kind: 'trained' }> }) {
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
