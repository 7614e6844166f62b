import { useEffect, useId, useState } from 'react';
import type { Msg } from '../../i18n/catalogue';
import { parseField, SCHEMA, type Settings } from '../../state/store';
import { useT } from './context';
import { FieldLabel, helpId } from './Help';

type NumericKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

interface Props {
  name: NumericKey;
  value: number;
  disabled: boolean;
  onCommit(value: number): void;
}

/**
 * A numeric setting with its schema limits. Typing an invalid value (empty, NaN, out of range,
 * not whole) shows an inline message and keeps the last valid value in effect. Its explanation (with
 * the range) opens from the "?" beside the label.
 */
export function NumberField({ name, value, disabled, onCommit }: Props) {
  const t = useT();
  const field = SCHEMA[name];
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<Msg | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);

  const change = (raw: string) => {
    setText(raw);
    const r = parseField(name, raw);
    if ('value' in r) {
      setError(null);
      if (r.value !== value) onCommit(r.value as number);
    } else {
      setError(r.error);
    }
  };

  const label = t(`setting.${name}.label`);
  // Limits as the schema writes them (1024, not 1,024), as the error messages do.
  const help = t('field.helpRange', {
    help: t(`setting.${name}.help`),
    range: t('setting.range', { min: String(field.min), max: String(field.max) }),
  });
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} help={help} helpKey={name} />
      <input
        id={id}
        type="text"
        inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
        value={text}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? `${helpId(name)} ${id}-err` : helpId(name)}
        data-testid={`controls.${name}`}
        onChange={(e) => change(e.target.value)}
        onBlur={() => error === null && setText(String(value))}
      />
      {error && (
        <div className="field-error" id={`${id}-err`} role="alert" data-testid={`controls.${name}.error`}>
          {t('field.keeping', { error: t.msg(error), value: String(value) })}
        </div>
      )}
    </div>
  );
}
