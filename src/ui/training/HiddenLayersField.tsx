import { useEffect, useId, useState } from 'react';
import type { Msg } from '../../i18n/catalogue';
import { LARGE_NETWORK_WEIGHTS, weightCount } from '../../core/base';
import { MAX_WIDTH } from '../../core/fit';
import { parseField, SCHEMA } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { FieldLabel, helpId } from '../kit/Help';

/**
 * The hidden layers of the network Train trains: one whole-number field per layer (input side first), a
 * button to add a layer (a copy of the last) and one to remove each, within the schema's limits. A typed
 * value that is not a width (empty, not whole, outside 1–512) shows the form's usual message and keeps
 * the layer's last valid width in effect. Changes apply at the next Train.
 */
export function HiddenLayersField({
  disabled,
  inputs,
  classes,
}: {
  disabled: boolean;
  inputs: number;
  classes: number;
}) {
  const t = useT();
  const c = useController();
  const hidden = useAppState((s) => s.settings.hidden);
  const field = SCHEMA.hidden;
  const id = useId();
  const [texts, setTexts] = useState(() => hidden.map(String));
  const [errors, setErrors] = useState<(Msg | null)[]>(() => hidden.map(() => null));
  useEffect(() => {
    setTexts(hidden.map(String));
    setErrors(hidden.map(() => null));
  }, [hidden]);

  const change = (i: number, raw: string) => {
    setTexts((ts) => ts.map((v, j) => (j === i ? raw : v)));
    // One width per field: a comma is no separator here (it reads as "not a number").
    const r = parseField('hidden', raw.replace(/,/g, ' '));
    setErrors((es) => es.map((e, j) => (j === i ? ('error' in r ? r.error : null) : e)));
    if ('value' in r && r.value[0] !== hidden[i])
      c.updateSettings({ hidden: hidden.map((u, j) => (j === i ? r.value[0] : u)) });
  };
  const weights = weightCount(inputs, hidden, classes);
  const wide = hidden.some((u) => u > MAX_WIDTH);
  const help = t('field.helpRange', {
    help: t('setting.hidden.help'),
    range: t('hidden.range', {
      layers: `${field.minLength}–${field.maxLength}`,
      units: `${field.min}–${field.max}`,
    }),
  });
  return (
    <div className="field hidden-layers" role="group" aria-label={t('setting.hidden.label')}>
      <FieldLabel htmlFor={`${id}-0`} label={t('setting.hidden.label')} help={help} helpKey="hidden" />
      <div className="hidden-layers-row">
        {hidden.map((units, i) => (
          <span className="hidden-layer" key={i}>
            <input
              id={`${id}-${i}`}
              type="text"
              inputMode="numeric"
              size={3}
              value={texts[i] ?? String(units)}
              disabled={disabled}
              aria-label={t('hidden.layer', { n: i + 1 })}
              aria-invalid={errors[i] ? true : undefined}
              aria-describedby={errors[i] ? `${helpId('hidden')} ${id}-err-${i}` : helpId('hidden')}
              data-testid={`controls.hidden.${i}`}
              onChange={(e) => change(i, e.target.value)}
              onBlur={() => errors[i] === null && setTexts(hidden.map(String))}
            />
            <button
              type="button"
              className="hidden-remove"
              disabled={disabled || hidden.length <= field.minLength}
              aria-label={t('hidden.remove', { n: i + 1 })}
              data-testid={`controls.hidden.remove.${i}`}
              onClick={() => c.updateSettings({ hidden: hidden.filter((_, j) => j !== i) })}
            >
              {t('hidden.removeMark')}
            </button>
          </span>
        ))}
        <button
          type="button"
          className="hidden-add"
          disabled={disabled || hidden.length >= field.maxLength}
          data-testid="controls.hidden.add"
          onClick={() => c.updateSettings({ hidden: [...hidden, hidden[hidden.length - 1]] })}
        >
          {t('hidden.add')}
        </button>
      </div>
      {(weights > LARGE_NETWORK_WEIGHTS || wide) && (
        <p className="field-note" data-testid="controls.hidden.large">
          {weights > LARGE_NETWORK_WEIGHTS && t('hidden.large', { weights, limit: LARGE_NETWORK_WEIGHTS })}
          {weights > LARGE_NETWORK_WEIGHTS && wide && ' '}
          {wide && t('hidden.wide', { max: MAX_WIDTH })}
        </p>
      )}
      {errors.map(
        (e, i) =>
          e && (
            <div className="field-error" id={`${id}-err-${i}`} role="alert" key={i} data-testid="controls.hidden.error">
              {t('field.keeping', { error: t.msg(e), value: String(hidden[i]) })}
            </div>
          ),
      )}
    </div>
  );
}
