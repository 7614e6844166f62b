import { useEffect, useId, useState } from 'react';
import { parseField, SCHEMA, type Settings } from '../state/settings';

type NumericKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];

interface Props {
  name: NumericKey;
  value: number;
  disabled: boolean;
  onCommit(value: number): void;
}

/**
 * A numeric setting with its schema limits. Typing an invalid value (empty, NaN, out of range,
 * not whole) shows an inline message and keeps the last valid value in effect.
 */
export function NumberField({ name, value, disabled, onCommit }: Props) {
  const field = SCHEMA[name];
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
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

  return (
    <div className="field">
      <label htmlFor={id} title={field.help}>
        {field.label}
      </label>
      <input
        id={id}
        type="text"
        inputMode={field.kind === 'int' ? 'numeric' : 'decimal'}
        value={text}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-err` : undefined}
        title={`${field.help} Range ${field.min}–${field.max}.`}
        data-testid={`controls.${name}`}
        onChange={(e) => change(e.target.value)}
        onBlur={() => error === null && setText(String(value))}
      />
      {error && (
        <div className="field-error" id={`${id}-err`} role="alert" data-testid={`controls.${name}.error`}>
          {error}; keeping {value}.
        </div>
      )}
    </div>
  );
}
