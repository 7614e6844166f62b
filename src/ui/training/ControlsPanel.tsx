import { useId } from 'react';
import { BACKEND_CHOICES, isRunning, type BackendPreference } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { DataChoice, TableEpochsNote, useChosenData } from './DataChoice';
import { FieldLabel, helpId } from '../kit/Help';
import { NumberField } from '../kit/NumberField';
import { HiddenLayersField } from './HiddenLayersField';

export function ControlsPanel() {
  const c = useController();
  const t = useT();
  // One field each: a slider move changes the settings object, and this panel need not follow it.
  const data = useChosenData();
  const epochs = useAppState((s) => s.settings.epochs);
  const batchSize = useAppState((s) => s.settings.batchSize);
  const learningRate = useAppState((s) => s.settings.learningRate);
  const seed = useAppState((s) => s.settings.seed);
  const backend = useAppState((s) => s.settings.backend);
  const phase = useAppState((s) => s.phase);
  // A backend still starting takes a run too: it waits in the worker's queue (the progress panel says so).
  const backendUp = useAppState((s) => s.backendStatus !== 'error');
  const running = isRunning(phase);
  const hideBackend = useAppState((s) => s.flags.hide.includes('backend'));
  // "Train again" when the network on screen was trained here on the data Train trains now.
  const onScreen = useAppState((s) =>
    s.origin?.kind === 'trained' ? `${s.runConfig?.dataset}:${s.dataset?.table?.name ?? ''}` : null,
  );
  const own = onScreen === `${data.name}:${data.table ?? ''}`;
  const backendId = useId();

  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('training.title')}</h2>
      <DataChoice />
      <div className="field-grid">
        <NumberField
          name="epochs"
          value={epochs}
          disabled={running}
          onCommit={(v) => c.updateSettings({ epochs: v })}
        />
        <NumberField
          name="batchSize"
          value={batchSize}
          disabled={running}
          onCommit={(v) => c.updateSettings({ batchSize: v })}
        />
        <NumberField
          name="learningRate"
          value={learningRate}
          disabled={running}
          onCommit={(v) => c.updateSettings({ learningRate: v })}
        />
        <NumberField name="seed" value={seed} disabled={running} onCommit={(v) => c.updateSettings({ seed: v })} />
      </div>
      <HiddenLayersField disabled={running} inputs={data.inputs} classes={data.classes} />
      <TableEpochsNote data={data} />
      <div className="field" hidden={hideBackend}>
        <FieldLabel
          htmlFor={backendId}
          label={t('setting.backend.label')}
          help={t('setting.backend.help')}
          helpKey="backend"
        />
        <select
          id={backendId}
          data-testid="controls.backend"
          value={backend}
          aria-describedby={helpId('backend')}
          onChange={(e) => c.updateSettings({ backend: e.target.value as BackendPreference })}
        >
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {b === 'auto' ? t('backend.option.auto') : b}
            </option>
          ))}
        </select>
      </div>
      {/* Train keeps its label on one line; Pause and Reset go under it together when the row is too narrow. */}
      <div className="buttons train-buttons">
        <button
          type="button"
          className="primary"
          data-testid="controls.train"
          disabled={running || !backendUp || !data.ready}
          onClick={() => c.train()}
          onPointerEnter={() => c.startTraining()}
          onFocus={() => c.startTraining()}
          title={t('training.train.title')}
        >
          {phase !== 'done' ? t('training.train') : own ? t('training.trainAgain') : t('training.trainOwn')}
        </button>
        <span className="button-pair">
          {phase === 'paused' ? (
            <button type="button" data-testid="controls.resume" onClick={() => c.resume()}>
              {t('training.resume')}
            </button>
          ) : (
            <button
              type="button"
              data-testid="controls.pause"
              disabled={phase !== 'training'}
              onClick={() => c.pause()}
            >
              {t('training.pause')}
            </button>
          )}
          <button
            type="button"
            data-testid="controls.reset"
            disabled={phase === 'idle'}
            onClick={() => c.reset()}
            title={t('training.reset.title')}
          >
            {t('training.reset')}
          </button>
        </span>
      </div>
    </section>
  );
}
