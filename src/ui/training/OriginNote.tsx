import { DATASET_NAMES } from '../../core/data';
import type { Origin } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { formatDuration, formatRate, pct } from '../kit/format';
import { RichText } from '../kit/RichText';

/** Where the network on screen came from, in one or two sentences, and the other snapshots to open. */
export function OriginNote({ origin }: { origin: Exclude<Origin, { kind: 'trained' }> }) {
  const c = useController();
  const t = useT();
  const dense = useAppState((s) => s.pruning.dense);
  if (origin.kind === 'imported') {
    return (
      <p className="progress-note" data-testid="progress.origin" data-origin="imported">
        {t('origin.imported', { saved: origin.createdAt.slice(0, 16).replace('T', ' ') })}
      </p>
    );
  }
  if (origin.kind === 'model') {
    return (
      <p className="progress-note" data-testid="progress.origin" data-origin="model">
        {t(origin.output === 'linear' ? 'origin.model.linear' : 'origin.model', { file: origin.file })}
      </p>
    );
  }
  const { config: cfg, backend, trainSeconds, samplesPerSec } = origin.provenance;
  const others = DATASET_NAMES.filter((d) => d !== origin.name);
  // Seed, batch and learning rate as written in the settings (no digit grouping).
  const params = {
    dataset: t(`dataset.short.${cfg.dataset}`),
    seed: String(cfg.seed),
    epochs: cfg.epochs,
    batch: String(cfg.batchSize),
    lr: String(cfg.learningRate),
    backend: backend.name.toUpperCase(),
    time: formatDuration(trainSeconds, t),
    rate: formatRate(samplesPerSec, t),
  };
  return (
    <div className="progress-note" data-testid="progress.origin" data-origin="snapshot" data-snapshot={origin.name}>
      <p>
        <RichText
          text={
            dense
              ? t('origin.snapshot.dense', { ...params, accuracy: pct(dense.val.accuracy, 1) })
              : t('origin.snapshot', params)
          }
        />
      </p>
      <p>
        {others.map((d) => (
          <button
            key={d}
            type="button"
            className="link"
            data-testid={`progress.snapshot.${d}`}
            onClick={() => c.openSnapshot(d)}
          >
            {t('origin.open', { dataset: t(`dataset.short.${d}`) })}
          </button>
        ))}
      </p>
    </div>
  );
}
