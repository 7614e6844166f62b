import { useId } from 'react';
import { DATASET_NAMES, type DatasetName } from '../../core/data';
import { chosenData, stepsPerEpoch, TABLE_MIN_STEPS, tableEpochs, type RunData } from '../../state/data/dataChoice';
import { isRunning } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { FieldLabel, helpId } from '../kit/Help';

/** What Train trains, from the parts of the state it is read from (one slice each). */
export function useChosenData(): RunData {
  const dataset = useAppState((s) => s.settings.dataset);
  const seed = useAppState((s) => s.settings.seed);
  const table = useAppState((s) => s.flags.table);
  const userData = useAppState((s) => s.userData);
  return chosenData({ settings: { dataset, seed }, flags: { table }, userData });
}

/**
 * The Training panel's data: the built-in datasets and, once loaded, the user's table (chosen as soon as
 * it is loaded); under it, what the chosen table is, or why it cannot train yet.
 */
export function DataChoice() {
  const c = useController();
  const t = useT();
  const data = useChosenData();
  const running = useAppState((s) => isRunning(s.phase));
  const loaded = useAppState((s) => (s.userData.status === 'ready' ? (s.userData.prepared?.table.name ?? null) : null));
  const id = useId();
  const value = data.table !== null ? 'chosen' : data.name;
  // The loaded table, when it is not the chosen one (a link may name another), can be chosen too.
  const offerLoaded = loaded !== null && loaded !== data.table;
  const rows = data.trainN + data.valN;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={t('setting.dataset.label')} help={t('setting.dataset.help')} helpKey="dataset" />
      <select
        id={id}
        data-testid="controls.dataset"
        data-table={data.table ?? ''}
        value={value}
        disabled={running}
        aria-describedby={helpId('dataset')}
        onChange={(e) => e.target.value !== 'chosen' && c.chooseData(e.target.value as DatasetName | 'table')}
      >
        {DATASET_NAMES.map((d) => (
          <option key={d} value={d}>
            {t(`dataset.${d}`)}
          </option>
        ))}
        {data.table !== null && (
          <option value="chosen">
            {data.ready
              ? t('dataset.table', { name: data.table })
              : t(`dataset.table.${data.waiting ?? 'missing'}`, { name: data.table })}
          </option>
        )}
        {offerLoaded && <option value="table">{t('dataset.table', { name: loaded })}</option>}
      </select>
      {data.table !== null && (
        <p
          className={data.ready ? 'small data-line' : 'small data-line data-waiting'}
          data-testid="controls.data"
          data-ready={data.ready}
        >
          {data.ready
            ? t('training.data.table', {
                name: data.table,
                inputs: data.inputs,
                classes: data.classes,
                rows,
                train: data.trainN,
                val: data.valN,
              })
            : t(`training.data.${data.waiting ?? 'missing'}`, { name: data.table })}
        </p>
      )}
    </div>
  );
}

/** Under the epochs of a chosen table: how many Adam steps they are, and why the default is what it is. */
export function TableEpochsNote({ data }: { data: RunData }) {
  const c = useController();
  const t = useT();
  const epochs = useAppState((s) => s.settings.epochs);
  const batch = useAppState((s) => s.settings.batchSize);
  const running = useAppState((s) => isRunning(s.phase));
  if (data.table === null || !data.ready) return null;
  const per = stepsPerEpoch(data.trainN, batch);
  const suggested = tableEpochs(data.trainN, batch);
  const params = { epochs, train: data.trainN, batch: String(batch), per, total: per * epochs, min: TABLE_MIN_STEPS };
  const kind = epochs === suggested ? 'table' : per * epochs < TABLE_MIN_STEPS ? 'few' : 'yours';
  return (
    <p className="small data-line" data-testid="controls.epochsWhy" data-kind={kind} data-steps={per * epochs}>
      {t(`training.epochs.${kind}`, params)}
      {kind === 'few' && (
        <>
          {' '}
          <button
            type="button"
            className="link"
            data-testid="controls.epochsAuto"
            disabled={running}
            onClick={() => c.autoTableEpochs()}
          >
            {t('training.epochs.use', { epochs: suggested })}
          </button>
        </>
      )}
    </p>
  );
}
