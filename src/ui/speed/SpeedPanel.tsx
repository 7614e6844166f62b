import { useRef } from 'react';
import { pct } from '../kit/format';
import {
  curveLevels,
  SPEED_BATCHES,
  SPEED_ROUNDS,
  SPEED_SAMPLES,
  type SpeedCurve,
  type SpeedPoint,
} from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { SizesTable } from './SizesTable';
import { SpeedChart, SpeedLegend } from './SpeedChart';
import { StatsTable } from '../kit/StatsTable';
import { ms, spreadTimes } from './speedFormat';

const msSpread = (t: ReturnType<typeof useT>, p: SpeedPoint['dense']) =>
  `${t('speed.ms', { ms: ms(p.medianMs) })} (${ms(p.p10Ms)}–${ms(p.p90Ms)})`;

/** The measured points as a table: per sparsity and batch size, each path's time and the speed-up. */
function SpeedTable({ points }: { points: readonly SpeedPoint[] }) {
  const t = useT();
  const stripped = points.some((p) => p.stripped);
  const rows = [...points].sort((a, b) => a.batch - b.batch || a.sparsity - b.sparsity);
  return (
    <details className="speed-table">
      <summary>{t('speed.table.caption')}</summary>
      <StatsTable
        testid="speed.table"
        columns={[
          t('speed.col.sparsity'),
          t('speed.col.batch'),
          t('speed.col.dense'),
          t('speed.col.csr'),
          t('speed.col.speedup'),
          stripped && t('speed.col.stripped'),
        ]}
      >
        {rows.map((p) => (
          <tr key={`${p.batch}-${p.sparsity}`}>
            <th scope="row">{pct(p.sparsity)}</th>
            <td>{p.batch}</td>
            <td>{msSpread(t, p.dense)}</td>
            <td>{msSpread(t, p.csr)}</td>
            <td>{spreadTimes(t, p.ratio.csr)}</td>
            {stripped && <td>{p.stripped ? msSpread(t, p.stripped) : '–'}</td>}
          </tr>
        ))}
      </StatsTable>
    </details>
  );
}

/**
 * What pruning buys, measured in this browser: inference speed of the pruned network as CSR against
 * dense (and the smaller dense network of neuron pruning, and TensorFlow.js predict) over sparsity, for
 * one prediction and a batch of 256; then the size of every export format.
 */
export function SpeedPanel() {
  const c = useController();
  const t = useT();
  const ready = useAppState((s) => s.pruning.status === 'ready' && !!s.scoring);
  const curve = useAppState((s) => s.speed.curve);
  const tfjs = useAppState((s) => s.speed.tfjs);
  const granularity = useAppState((s) => s.settings.granularity);
  const changed = useAppState(
    (s) =>
      !!s.speed.curve &&
      (s.speed.curve.criterion !== s.settings.criterion ||
        s.speed.curve.scope !== s.settings.scope ||
        s.speed.curve.granularity !== s.settings.granularity),
  );
  const running = curve?.status === 'running' || tfjs?.status === 'running';
  const levels = curveLevels(granularity)
    .map((l) => pct(l, 0))
    .join(', ');
  // The charts are drawn when a measurement is done (the previous one stays, faded, meanwhile): laying out
  // two charts for each of the ten batches of points cost the main thread a long task each time.
  const finished = useRef<SpeedCurve | null>(null);
  if (curve?.status === 'done') finished.current = curve;
  else if (!curve) finished.current = null;
  const points = finished.current?.points ?? [];
  const spread = points[0]?.ratio.csr;
  const engine = points[0]?.engine;
  const maxDiff = points.reduce((a, p) => Math.max(a, p.maxDiff), 0);
  const tfjsTimes = tfjs?.status === 'done' ? tfjs.timings : null;
  return (
    <section className="panel speed" aria-labelledby="speed-title" data-testid="speed">
      <h2 id="speed-title">{t('speed.title')}</h2>
      <p className="muted">{t('speed.lead')}</p>
      <p className="field-label">
        <button
          type="button"
          data-testid="speed.measure"
          disabled={!ready || running}
          onClick={() => void c.measureSpeed()}
          aria-describedby={helpId('speed.measure')}
        >
          {t('speed.measure')}
        </button>
        <Help
          id="speed.measure"
          label={t('speed.measure')}
          text={t('speed.measure.help', { levels, rounds: SPEED_ROUNDS, samples: SPEED_SAMPLES })}
        />
      </p>
      {!ready && <p className="muted">{t('speed.waitTraining')}</p>}
      <div role="status" data-testid="speed.status" data-status={curve?.status ?? ''}>
        {tfjs?.status === 'running' && t('speed.measuring.tfjs', { backend: tfjs.backend })}
        {tfjs?.status !== 'running' &&
          curve?.status === 'running' &&
          t('speed.measuring', {
            done: curve.done,
            total: curve.total,
            rounds: curve.rounds,
            levels: curve.total / curve.rounds,
          })}
      </div>
      {running && curve && <JobProgress label={t('speed.measure')} fraction={curve.done / Math.max(1, curve.total)} />}
      {tfjs?.status === 'error' && (
        <p className="muted" data-testid="speed.tfjs.error">
          {tfjs.error === 'busy' ? t('speed.tfjs.busy') : t('speed.tfjs.error', { detail: tfjs.error ?? '' })}
        </p>
      )}
      {curve?.status === 'error' && (
        <p className="field-error" role="alert">
          {t('speed.error', { detail: curve.error ?? '' })}
        </p>
      )}
      {curve && changed && !running && (
        <p className="notice" data-testid="speed.stale">
          {t('speed.stale', {
            criterion: t(`criterion.${curve.criterion}.label`),
            scope: t(`scope.${curve.scope}`),
            granularity: t(`granularity.${curve.granularity}`),
          })}
        </p>
      )}
      {points.length > 0 && (
        <>
          <SpeedLegend stripped={points.some((p) => p.stripped)} tfjs={!!tfjsTimes} backend={tfjs?.backend ?? ''} />
          <div className={running ? 'speed-charts stale' : 'speed-charts'}>
            {SPEED_BATCHES.map((b) => (
              <SpeedChart
                key={b}
                batch={b}
                points={points}
                tfjs={tfjsTimes?.[b] ?? null}
                backend={tfjs?.backend ?? ''}
                granularity={finished.current!.granularity}
              />
            ))}
          </div>
          {spread && (
            <p
              className="muted small"
              data-testid="speed.note"
              data-rounds={spread.rounds}
              data-samples={spread.samples}
            >
              {t('speed.note', {
                samples: spread.samples,
                rounds: spread.rounds,
                perRound: spread.samples / spread.rounds,
                s: ((finished.current!.ms ?? 0) / 1000).toFixed(1),
              })}
            </p>
          )}
          <p className="muted small" data-testid="speed.check" data-max-diff={maxDiff}>
            {maxDiff === 0
              ? t('speed.check.exact', { engine: t(engine === 'js' ? 'speed.engine.js' : 'speed.engine.wasm') })
              : t('speed.check', {
                  diff: maxDiff.toExponential(1),
                  engine: t(engine === 'js' ? 'speed.engine.js' : 'speed.engine.wasm'),
                })}
          </p>
          <SpeedTable points={points} />
        </>
      )}
      <SizesTable />
    </section>
  );
}
