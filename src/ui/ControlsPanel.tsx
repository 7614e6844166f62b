import { useId } from 'react';
import { DATASET_NAMES, type DatasetName } from '../core/dataset';
import { BACKEND_CHOICES, SCHEMA, type BackendPreference } from '../state/settings';
import { isRunning } from '../state/store';
import { useAppState, useController } from './context';
import { NumberField } from './NumberField';

export function ControlsPanel() {
  const c = useController();
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
  const own = useAppState((s) => s.origin?.kind === 'trained');
  const datasetId = useId();
  const backendId = useId();

  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title">Training</h2>
      <div className="field">
        <label htmlFor={datasetId} title={SCHEMA.dataset.help}>
          Dataset
        </label>
        <select id={datasetId} data-testid="controls.dataset" value={dataset} disabled={running} title={SCHEMA.dataset.help} onChange={(e) => c.updateSettings({ dataset: e.target.value as DatasetName })}>
          {DATASET_NAMES.map((d) => (
            <option key={d} value={d}>
              {d === 'mnist' ? 'MNIST digits · 784 inputs' : 'Synthetic · 32 features'}
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
        <label htmlFor={backendId} title={SCHEMA.backend.help}>
          Backend
        </label>
        <select id={backendId} data-testid="controls.backend" value={backend} title="Switching the backend stops the current run." onChange={(e) => c.updateSettings({ backend: e.target.value as BackendPreference })}>
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {b === 'auto' ? 'auto (best available)' : b}
            </option>
          ))}
        </select>
      </div>
      <div className="buttons">
        <button type="button" className="primary" data-testid="controls.train" disabled={running || !backendReady} onClick={() => c.train()} title="Train a fresh network with these settings">
          {phase !== 'done' ? 'Train' : own ? 'Train again' : 'Train your own'}
        </button>
        {phase === 'paused' ? (
          <button type="button" data-testid="controls.resume" onClick={() => c.resume()}>
            Resume
          </button>
        ) : (
          <button type="button" data-testid="controls.pause" disabled={phase !== 'training'} onClick={() => c.pause()}>
            Pause
          </button>
        )}
        <button type="button" data-testid="controls.reset" disabled={phase === 'idle'} onClick={() => c.reset()} title="Stop and clear the current run">
          Reset
        </button>
      </div>
    </section>
  );
}
