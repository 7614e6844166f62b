import { useId } from 'react';
import { DATASET_NAMES, type DatasetName } from '../core/dataset';
import { BACKEND_CHOICES, type BackendPreference } from '../state/settings';
import { isRunning } from '../state/store';
import { useAppState, useController, useT } from './context';
import { FieldLabel, helpId } from './Help';
import { NumberField } from './NumberField';

export function ControlsPanel() {
  const c = useController();
  const t = useT();
  // One field each: a slider move changes the settings object, and this panel need not follow it.
  const dataset = useAppState((s) => s.settings.dataset);
  const epochs = useAppState((s) => s.settings.epochs);
  const batchSize = useAppState((s) => s.settings.batchSize);
  const learningRate = useAppState((s) => s.settings.learningRate);
  const seed = useAppState((s) => s.settings.seed);
  const backend = useAppState((s) => s.settings.backend);
  const phase = useAppState((s) => s.phase);
  const backendReady = useAppState((s) => s.backendStatus === 'ready');
  const running = isRunning(phase);
  const hideBackend = useAppState((s) => s.flags.hide.includes('backend'));
  // A network trained on the user's table is theirs too, but this button trains the form's dataset.
  const own = useAppState((s) => s.origin?.kind === 'trained' && s.runConfig?.dataset !== 'user');
  const datasetId = useId();
  const backendId = useId();

  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('training.title')}</h2>
      <div className="field">
        <FieldLabel htmlFor={datasetId} label={t('setting.dataset.label')} help={t('setting.dataset.help')} helpKey="dataset" />
        <select id={datasetId} data-testid="controls.dataset" value={dataset} disabled={running} aria-describedby={helpId('dataset')} onChange={(e) => c.updateSettings({ dataset: e.target.value as DatasetName })}>
          {DATASET_NAMES.map((d) => (
            <option key={d} value={d}>
              {t(`dataset.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-grid">
        <NumberField name="epochs" value={epochs} disabled={running} onCommit={(v) => c.updateSettings({ epochs: v })} />
        <NumberField name="batchSize" value={batchSize} disabled={running} onCommit={(v) => c.updateSettings({ batchSize: v })} />
        <NumberField name="learningRate" value={learningRate} disabled={running} onCommit={(v) => c.updateSettings({ learningRate: v })} />
        <NumberField name="seed" value={seed} disabled={running} onCommit={(v) => c.updateSettings({ seed: v })} />
      </div>
      <div className="field" hidden={hideBackend}>
        <FieldLabel htmlFor={backendId} label={t('setting.backend.label')} help={t('setting.backend.help')} helpKey="backend" />
        <select id={backendId} data-testid="controls.backend" value={backend} aria-describedby={helpId('backend')} onChange={(e) => c.updateSettings({ backend: e.target.value as BackendPreference })}>
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {b === 'auto' ? t('backend.option.auto') : b}
            </option>
          ))}
        </select>
      </div>
      {/* Train keeps its label on one line; Pause and Reset go under it together when the row is too narrow. */}
      <div className="buttons train-buttons">
        <button type="button" className="primary" data-testid="controls.train" disabled={running || !backendReady} onClick={() => c.train()} title={t('training.train.title')}>
          {phase !== 'done' ? t('training.train') : own ? t('training.trainAgain') : t('training.trainOwn')}
        </button>
        <span className="button-pair">
          {phase === 'paused' ? (
            <button type="button" data-testid="controls.resume" onClick={() => c.resume()}>
              {t('training.resume')}
            </button>
          ) : (
            <button type="button" data-testid="controls.pause" disabled={phase !== 'training'} onClick={() => c.pause()}>
              {t('training.pause')}
            </button>
          )}
          <button type="button" data-testid="controls.reset" disabled={phase === 'idle'} onClick={() => c.reset()} title={t('training.reset.title')}>
            {t('training.reset')}
          </button>
        </span>
      </div>
    </section>
  );
}
