import { useId } from 'react';
import { CRITERIA, type Criterion, type Granularity, type Mode, type Scope } from '../../core/prune';
import { SCHEMA } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { FinetunePanel } from '../experiments/FinetunePanel';
import { FieldLabel, helpId } from '../kit/Help';
import { PruneNumbers } from './PruneNumbers';
import { ThresholdSlider } from './ThresholdSlider';

type ChoiceName = 'criterion' | 'mode' | 'scope' | 'granularity';

/** A setting chosen from a list, its label and explanation (a "?" button) from the catalogue. */
function Choice<T extends string>({
  name,
  value,
  options,
  onChange,
  disabled,
}: {
  name: ChoiceName;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
  disabled: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={t(`setting.${name}.label`)} help={t(`setting.${name}.help`)} helpKey={name} />
      <select
        id={id}
        value={value}
        aria-describedby={helpId(name)}
        disabled={disabled}
        data-testid={`controls.${name}`}
        onChange={(e) => onChange(e.target.value as T)}
      >
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
  const t = useT();
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
      <h2 id="pruning-title">{t('pruning.title')}</h2>
      {status === 'idle' && <p className="muted">{t(opening ? 'pruning.opening' : 'pruning.idle')}</p>}
      {status === 'loading' && <p className="muted">{t('pruning.loading')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {t('pruning.failed', { detail: error })}
        </p>
      )}
      <div className="field-grid">
        <Choice<Criterion>
          name="criterion"
          value={criterion}
          disabled={off}
          options={CRITERIA.map((k) => ({ value: k, label: t(`criterion.${k}.label`) }))}
          onChange={(v) => c.updateSettings({ criterion: v })}
        />
        <Choice<Mode>
          name="mode"
          value={mode}
          disabled={off}
          options={SCHEMA.mode.values.map((v) => ({ value: v, label: t(`mode.${v}`) }))}
          onChange={(v) => c.updateSettings({ mode: v })}
        />
        <Choice<Scope>
          name="scope"
          value={scope}
          disabled={off}
          options={SCHEMA.scope.values.map((v) => ({ value: v, label: t(`scope.${v}`) }))}
          onChange={(v) => c.updateSettings({ scope: v })}
        />
        <Choice<Granularity>
          name="granularity"
          value={granularity}
          disabled={off}
          options={SCHEMA.granularity.values.map((v) => ({ value: v, label: t(`granularity.${v}`) }))}
          onChange={(v) => c.updateSettings({ granularity: v })}
        />
      </div>
      {granularity === '2:4' && (
        <p className="muted" data-testid="pruning.nm-note">
          {t('pruning.nm.note')}
        </p>
      )}
      {criterion === 'lamp' && granularity === 'neurons' && (
        <p className="muted" data-testid="pruning.lamp-neurons">
          {t('pruning.lamp.neurons')}
        </p>
      )}
      <ThresholdSlider />
      <PruneNumbers />
      <FinetunePanel />
    </section>
  );
}
