import { memo, useEffect, useRef, useState } from 'react';
import { useT } from './context';

/**
 * An explanation that works on touch screens and by keyboard, not only on hover: a small "?" button
 * that opens and closes the text (tap, click, Enter or Space; Escape or a tap elsewhere closes it). The
 * text is always in the page (hidden while closed), so the control it explains can name it in
 * `aria-describedby={helpId(id)}` and a screen reader reads it with the control.
 */
export const Help = memo(function Help({ id, label, text }: { id: string; label: string; text: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  return (
    <span className="help" ref={box}>
      <button
        type="button"
        className="help-button"
        aria-label={t('help.show', { label })}
        aria-expanded={open}
        aria-controls={helpId(id)}
        data-testid={`help.${id}`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        ?
      </button>
      <span id={helpId(id)} className="help-text" role="note" hidden={!open} data-testid={`help.${id}.text`}>
        {text}
      </span>
    </span>
  );
});

/** The id of a Help's text, for the explained control's `aria-describedby`. */
export const helpId = (id: string) => `help-${id}`;

/** A form label with its explanation button beside it (memoized: its props are strings). */
export const FieldLabel = memo(function FieldLabel({ htmlFor, label, help, helpKey }: { htmlFor: string; label: string; help: string; helpKey: string }) {
  return (
    <span className="field-label">
      <label htmlFor={htmlFor}>{label}</label>
      <Help id={helpKey} label={label} text={help} />
    </span>
  );
});
