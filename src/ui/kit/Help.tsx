import { memo, useEffect, useRef, useState } from 'react';
import { useT } from './context';
import { boxOf, useFloating } from './useFloating';

/**
 * An explanation that works on touch screens and by keyboard, not only on hover: a small "?" button
 * that opens and closes the text (tap, click, Enter or Space; Escape or a tap elsewhere closes it). The
 * text is always in the page (hidden while closed), so the control it explains can name it in
 * `aria-describedby={helpId(id)}` and a screen reader reads it with the control. Open, it is placed
 * wholly inside the viewport (below the button, else above; moved sideways as needed: `useFloating`).
 */
export const Help = memo(function Help({ id, label, text }: { id: string; label: string; text: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const note = useRef<HTMLSpanElement>(null);
  useFloating(
    note,
    open,
    () => boxOf(button.current),
    HELP_PLACEMENT,
    () => setOpen(false),
  );
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
        ref={button}
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
      <span
        ref={note}
        id={helpId(id)}
        className="help-text floating"
        role="note"
        popover="manual"
        data-testid={`help.${id}.text`}
      >
        {text}
      </span>
    </span>
  );
});

/** Below the button, its left edge a little left of the button's, 4 px apart. */
const HELP_PLACEMENT = { gap: 4, dx: -8 };

/** The id of a Help's text, for the explained control's `aria-describedby`. */
export const helpId = (id: string) => `help-${id}`;

/** A form label with its explanation button beside it (memoized: its props are strings). */
export const FieldLabel = memo(function FieldLabel({
  htmlFor,
  label,
  help,
  helpKey,
}: {
  htmlFor: string;
  label: string;
  help: string;
  helpKey: string;
}) {
  return (
    <span className="field-label">
      <label htmlFor={htmlFor}>{label}</label>
      <Help id={helpKey} label={label} text={help} />
    </span>
  );
});
