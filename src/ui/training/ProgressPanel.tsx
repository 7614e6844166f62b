import { runDataOf, type RunData } from '../../state/data/dataChoice';
import { verbatim } from '../../i18n/format';
import { expectedRun } from '../../state/training/runProgress';
import type { Translator } from '../../i18n/catalogue';
import { useAppState, useT } from '../kit/context';
import { useChosenData } from './DataChoice';
import { formatDuration, formatRate } from '../kit/format';
import { JobProgress } from '../kit/JobProgress';
import { OriginNote } from './OriginNote';
import { RichText } from '../kit/RichText';
import { RunPhases } from './RunPhases';

/** A run's data by name: a built-in dataset's short name, or the table's file name. */
export const dataName = (d: Pick<RunData, 'name' | 'table'>, t: Translator) => d.table ?? t(`dataset.short.${d.name}`);

/** Before a run: what Train will take on the data it trains, from the measured speeds of this browser. */
function ExpectedRun() {
  const t = useT();
  const throughput = useAppState((s) => s.throughput);
  const evalSpeed = useAppState((s) => s.evalSpeed);
  const epochs = useAppState((s) => s.settings.epochs);
  const batchSize = useAppState((s) => s.settings.batchSize);
  const hidden = useAppState((s) => s.settings.hidden);
  const backend = useAppState((s) => s.backend?.name);
  const runRates = useAppState((s) => s.runRates);
  const data = useChosenData();
  const e = expectedRun({ throughput, evalSpeed, runRates }, data, { epochs, batchSize, hidden });
  if (!e) return null;
  const d = (seconds: number) => formatDuration(seconds, t);
  const phases = { training: d(e.training), validation: d(e.validation), scoring: d(e.scoring) };
  const parts = e.curvesKnown
    ? t('progress.expected.parts', { ...phases, curves: d(e.curves) })
    : t('progress.expected.partsNoCurves', phases);
  const name = dataName(data, t);
  // A table's file name is the user's text: shown as it is, never as markup.
  const shown = data.table ? verbatim(name) : name;
  const text = e.fromRun
    ? t('progress.expected.fromRun', {
        total: d(e.total),
        parts,
        data: shown,
        batch: String(batchSize),
        rate: formatRate(e.rate ?? NaN, t),
      })
    : t('progress.expected.measured', {
        total: d(e.total),
        parts,
        data: shown,
        rate: formatRate(throughput?.batch32 ?? NaN, t),
        backend: backend?.toUpperCase() ?? '–',
      });
  return (
    <p className="progress-note" data-testid="progress.expected" data-seconds={e.total.toFixed(1)} data-data={name}>
      <RichText text={text} />
    </p>
  );
}

/** What this page's run trains on: the dataset or table, its inputs, classes and split. */
function RunDataLine() {
  const t = useT();
  const ref = useAppState((s) => (s.origin?.kind === 'trained' || s.origin?.kind === 'model' ? s.dataset : null));
  if (!ref) return null;
  const d = runDataOf(ref);
  return (
    <p className="progress-note" data-testid="progress.data" data-data={dataName(d, t)}>
      {t('progress.data', { data: dataName(d, t), inputs: d.inputs, classes: d.classes, train: d.trainN, val: d.valN })}
    </p>
  );
}

export function ProgressPanel() {
  const t = useT();
  const phase = useAppState((s) => s.phase);
  const fraction = useAppState((s) => (s.phase === 'done' ? 1 : (s.progress?.fraction ?? 0)));
  const origin = useAppState((s) => s.origin);
  const opening = useAppState((s) => s.openingSnapshot);
  // A first Train waits for auto's choice of backend.
  const choosing = useAppState((s) => !!s.backend?.pending);
  // A Train pressed before the backend was up: the run starts once it is.
  const starting = useAppState((s) => s.backendStatus === 'starting');
  const percent = Math.round(fraction * 100);
  const trained = origin?.kind === 'trained';
  const data = useChosenData();
  const head = opening
    ? t('progress.opening', { dataset: t(`dataset.short.${opening}`) })
    : phase === 'loading' && starting
      ? t('progress.startingBackend')
      : phase === 'loading' && choosing
        ? t('progress.choosingBackend')
        : phase === 'done' && origin && !trained
          ? t(origin.kind === 'snapshot' ? 'progress.pretrained' : 'progress.imported')
          : phase === 'idle' && data.table !== null && !data.ready
            ? t('progress.waitingTable', { name: data.table })
            : t(`progress.phase.${phase}`);
  return (
    <section className="panel progress" aria-label={t('progress.label')}>
      <div className="progress-head">
        <span data-testid="progress.phase" data-phase={phase}>
          {head}
        </span>
        <span>{percent}%</span>
      </div>
      <JobProgress label={t('progress.label')} fraction={fraction} testid="progress.bar" paused={phase === 'paused'} />
      {origin && !trained && phase === 'done' ? <OriginNote origin={origin} /> : <RunPhases />}
      <RunDataLine />
      {(phase === 'idle' || phase === 'done') && <ExpectedRun />}
    </section>
  );
}
