import { useId, useRef } from 'react';
import { useDropZone } from '../kit/useDropZone';
import { verbatim } from '../../i18n/format';
import { isRunning } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { Help, helpId } from '../kit/Help';
import { RichText } from '../kit/RichText';
import { StatsTable } from '../kit/StatsTable';

/** The file's columns: a header with each column's kind and missing count, then the first rows. */
function Preview() {
  const t = useT();
  const readout = useAppState((s) => s.userData.readout);
  const label = useAppState((s) => s.userData.options.label);
  if (!readout) return null;
  const columns = readout.columns.map((c, i) => ({
    className: i === label ? 'data-label' : undefined,
    head: (
      <>
        {c.name}
        <span className="muted small">
          {' '}
          {t(`data.col.kind.${c.kind}`)}
          {c.missing > 0 && ` · ${t('data.col.missing', { n: c.missing })}`}
        </span>
      </>
    ),
  }));
  return (
    <StatsTable
      className="data-preview"
      testid="data.preview"
      caption={t('data.preview')}
      columns={columns}
      rows={readout.preview}
    />
  );
}

/** The label column and the two choices (one-hot, missing values); each prepares the table again. */
function Options() {
  const c = useController();
  const t = useT();
  const readout = useAppState((s) => s.userData.readout);
  const options = useAppState((s) => s.userData.options);
  const labelId = useId();
  const missingId = useId();
  if (!readout) return null;
  return (
    <div className="data-options">
      <div className="field">
        <label htmlFor={labelId}>{t('data.label')}</label>
        <select
          id={labelId}
          data-testid="data.label"
          value={options.label}
          onChange={(e) => c.setTableOptions({ label: Number(e.target.value) })}
        >
          {readout.columns.map((col, i) => (
            <option key={i} value={i}>
              {col.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={missingId}>{t('data.missing')}</label>
        <select
          id={missingId}
          data-testid="data.missing"
          value={options.missing}
          onChange={(e) => c.setTableOptions({ missing: e.target.value as 'refuse' | 'impute' })}
        >
          <option value="refuse">{t('data.missing.refuse')}</option>
          <option value="impute">{t('data.missing.impute')}</option>
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="data.onehot"
          checked={options.oneHot}
          onChange={(e) => c.setTableOptions({ oneHot: e.target.checked })}
        />{' '}
        {t('data.oneHot')}
      </label>
    </div>
  );
}

/**
 * Your own data: a CSV or JSON table by file picker, drag and drop or the shipped Iris example, read in
 * the table worker; a preview, the label column and options, what the prepared table is, and training on it.
 */
export function UserDataPanel() {
  const c = useController();
  const t = useT();
  const u = useAppState((s) => s.userData);
  const seed = useAppState((s) => s.settings.seed);
  const canTrain = useAppState((s) => s.backendStatus === 'ready' && !isRunning(s.phase));
  const file = useRef<HTMLInputElement>(null);
  const drop = useDropZone((files) => {
    if (files[0]) void c.loadTable(files[0]);
  });
  const p = u.prepared;
  const onScreen = useAppState(
    (s) => !!s.dataset?.table && s.dataset.table.hash === s.userData.prepared?.table.hash && s.phase !== 'idle',
  );
  const chosen = useAppState((s) => s.flags.table !== null && s.flags.table === s.userData.prepared?.table.name);
  const r = u.readout;
  return (
    <section className="panel user-data" aria-labelledby="data-title" data-testid="data" data-status={u.status}>
      <h2 id="data-title">{t('data.title')}</h2>
      <p className="muted">{t('data.lead')}</p>
      <div className={drop.over ? 'drop-zone over' : 'drop-zone'} data-testid="data.drop" {...drop.handlers}>
        <button type="button" data-testid="data.choose" onClick={() => file.current?.click()}>
          {t('data.choose')}
        </button>{' '}
        <span className="muted">{t('data.drop')}</span>
        <input
          ref={file}
          type="file"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          hidden
          data-testid="data.file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void c.loadTable(f);
            e.target.value = '';
          }}
        />
      </div>
      <p className="field-label">
        <button
          type="button"
          data-testid="data.example"
          onClick={() => void c.loadExampleTable()}
          aria-describedby={helpId('data.example')}
        >
          {t('data.example')}
        </button>
        <Help id="data.example" label={t('data.example')} text={t('data.example.help')} />
      </p>
      <div role="status" className="muted">
        {u.status === 'reading' && t('data.reading', { name: u.reading ?? '' })}
        {u.status === 'preparing' && t('data.preparing')}
      </div>
      {u.problem && (
        <div className="notice notice-error" role="alert" data-testid="data.problem">
          <div>{t.msg(u.problem)}</div>
          {u.headerless && (
            <p className="field-label">
              <button
                type="button"
                data-testid="data.headerless"
                onClick={() => void c.readTableHeaderless()}
                aria-describedby={helpId('data.headerless')}
              >
                {t('data.headerless')}
              </button>
              <Help id="data.headerless" label={t('data.headerless')} text={t('data.headerless.help')} />
            </p>
          )}
          <div className="muted">
            {u.problem.key !== 'data.refused'
              ? t('data.unchanged')
              : p
                ? t('data.unchanged.kept', { name: p.table.name })
                : t('data.unchanged.file')}
          </div>
        </div>
      )}
      {r && (
        <p className="small" data-testid="data.info" data-hash={r.hash}>
          <RichText
            text={t('data.file', {
              name: verbatim(r.name),
              kb: (r.bytes / 1024).toFixed(1),
              rows: r.rows,
              columns: r.columns.length,
              hash: `${r.hash.slice(0, 12)}…`,
            })}
          />
          {r.headerless && (
            <span data-testid="data.headerlessOn"> · {t('data.headerless.on', { n: r.columns.length })}</span>
          )}
        </p>
      )}
      <Options />
      <Preview />
      {p && u.status === 'ready' && (
        <div data-testid="data.ready">
          <p className="small">
            {t('data.ready', {
              inputs: p.table.featureNames.length,
              classes: p.table.classNames.length,
              train: p.trainIndices.length,
              val: p.valIndices.length,
              seed,
            })}
          </p>
          <p className="small" data-testid="data.classes">
            {t('data.classes', {
              list: p.table.classNames.map((name, i) => `${name} (${p.classCounts[i]})`).join(' · '),
            })}
          </p>
          {chosen && (
            <p className="small" data-testid="data.chosen">
              {t('data.chosen')}
            </p>
          )}
          {onScreen && (
            <p className="small" data-testid="data.onScreen">
              {t('data.onScreen')}
            </p>
          )}
          {p.imputed.length > 0 && (
            <p className="small">
              {t('data.imputed', { columns: p.imputed.map((m) => `${m.name} (${m.count})`).join(', ') })}
            </p>
          )}
          <p className="field-label">
            <button
              type="button"
              className="primary"
              data-testid="data.train"
              disabled={!canTrain}
              onClick={() => c.trainOnTable()}
              aria-describedby={helpId('data.train')}
            >
              {t('data.train')}
            </button>
            <Help id="data.train" label={t('data.train')} text={t('data.train.help')} />
          </p>
        </div>
      )}
    </section>
  );
}
