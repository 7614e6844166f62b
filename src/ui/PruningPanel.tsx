import { useId } from 'react';
import { CRITERIA, CRITERION_INFO, type Criterion } from '../core/criteria';
import type { Granularity, Mode, Scope } from '../core/masks';
import { SCHEMA } from '../state/settings';
import { useAppState, useController } from './context';
import { FinetunePanel } from './FinetunePanel';
import { PruneNumbers } from './PruneNumbers';
import { ThresholdSlider } from './ThresholdSlider';

function Choice<T extends string>({ label, help, value, options, onChange, testid, disabled }: { label: string; help: string; value: T; options: readonly { value: T; label: string }[]; onChange(v: T): void; testid: string; disabled: boolean }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} title={help}>
        {label}
      </label>
      <select id={id} value={value} title={help} disabled={disabled} data-testid={testid} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Pruning controls, the slider, the numbers and fine-tuning. */
export function PruningPanel() {
  const c = useController();
  const criterion = useAppState((st) => st.settings.criterion);
  const mode = useAppState((st) => st.settings.mode);
  const scope = useAppState((st) => st.settings.scope);
  const granularity = useAppState((st) => st.settings.granularity);
  const status = useAppState((st) => st.pruning.status);
  const error = useAppState((st) => st.pruning.error);
  const opening = useAppState((st) => st.openingSnapshot !== null);
  const off = status !== 'ready';
  return (
    <section className="panel pruning" aria-labelledby="pruning-title" data-testid="pruning" data-status={status}>
      <h2 id="pruning-title">Pruning</h2>
      {status === 'idle' && <p className="muted">{opening ? 'Opening the pre-trained network…' : 'Train a network: pruning works on its scoring-pass gradients.'}</p>}
      {status === 'loading' && <p className="muted">Preparing the masked evaluator…</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="field-grid">
        <Choice<Criterion> label="Criterion" help={SCHEMA.criterion.help} value={criterion} disabled={off} testid="controls.criterion" options={CRITERIA.map((k) => ({ value: k, label: CRITERION_INFO[k].label }))} onChange={(v) => c.updateSettings({ criterion: v })} />
        <Choice<Mode> label="Mode" help={SCHEMA.mode.help} value={mode} disabled={off} testid="controls.mode" options={[{ value: 'threshold', label: 'threshold T' }, { value: 'sparsity', label: 'target sparsity' }]} onChange={(v) => c.updateSettings({ mode: v })} />
        <Choice<Scope> label="Scope" help={SCHEMA.scope.help} value={scope} disabled={off} testid="controls.scope" options={[{ value: 'global', label: 'global' }, { value: 'per-layer', label: 'per layer' }]} onChange={(v) => c.updateSettings({ scope: v })} />
        <Choice<Granularity> label="Granularity" help={SCHEMA.granularity.help} value={granularity} disabled={off} testid="controls.granularity" options={[{ value: 'weights', label: 'weights' }, { value: 'neurons', label: 'neurons' }]} onChange={(v) => c.updateSettings({ granularity: v })} />
      </div>
      <ThresholdSlider />
      <PruneNumbers />
      <FinetunePanel />
    </section>
  );
}
