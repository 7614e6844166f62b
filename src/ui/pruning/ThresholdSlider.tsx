import { useId, useMemo, useState } from 'react';
import { msg, type Msg } from '../../i18n/catalogue';
import { fractionPruned, logToValue, parseField, parseNumber, thresholdRange, valueToLog } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';

const STEPS = 1000;

/**
 * The pruning slider: T on a log scale spanning the scores (leftmost = T 0, nothing pruned), or the
 * target sparsity in 0.1% steps; plus a numeric field. A drag updates the state on every input event
 * (evaluation is coalesced to one per frame) and writes the URL only on release.
 */
/**
 * What a pruning slider needs, shared by the panel's slider and the compact bar of narrow screens: the
 * position on the current scale, its text for screen readers, and the change and release handlers.
 */
export function useSliderModel() {
  const c = useController();
  const t = useT();
  const settings = useAppState((s) => s.settings);
  const sortedAll = useAppState((s) => s.pruning.sorted);
  const ready = useAppState((s) => s.pruning.status === 'ready');
  const { mode, criterion, granularity } = settings;
  const sorted = sortedAll ? sortedAll[criterion][granularity] : null;
  const units = granularity === 'neurons';
  const range = useMemo(() => (sorted ? thresholdRange(sorted) : { min: 1e-8, max: 1 }), [sorted]);
  // 2:4 cannot prune more than half the weights: a larger target (from a link) reads as what it does.
  const value =
    mode === 'threshold'
      ? settings.threshold
      : granularity === '2:4'
        ? Math.min(settings.sparsity, 0.5)
        : settings.sparsity;
  const position =
    mode === 'threshold'
      ? value <= 0
        ? 0
        : Math.max(1, Math.round(valueToLog(value, range) * STEPS))
      : Math.round(value * STEPS);
  const fromPosition = (p: number) =>
    mode === 'threshold' ? (p <= 0 ? 0 : logToValue(p / STEPS, range)) : Math.min(0.999, p / STEPS);
  const valueText =
    mode === 'threshold'
      ? sorted
        ? t(units ? 'slider.value.threshold.units' : 'slider.value.threshold.weights', {
            t: formatSci(value),
            pct: pct(fractionPruned(sorted, value)),
          })
        : t('slider.value.threshold', { t: formatSci(value) })
      : t(units ? 'slider.value.sparsity.units' : 'slider.value.sparsity.weights', { pct: pct(value) });
  const label = t(
    mode === 'threshold'
      ? units
        ? 'slider.label.threshold.units'
        : 'slider.label.threshold.weights'
      : units
        ? 'slider.label.sparsity.units'
        : 'slider.label.sparsity.weights',
  );
  return {
    mode,
    units,
    value,
    position,
    // 2:4 prunes at most 2 of every 4 weights: the sparsity slider ends at 50 %.
    max: mode === 'threshold' ? STEPS : granularity === '2:4' ? STEPS / 2 : STEPS - 1,
    ready,
    valueText,
    label,
    /** A move: the state follows at once, the URL on release. */
    move: (p: number) =>
      c.updateSettings(mode === 'threshold' ? { threshold: fromPosition(p) } : { sparsity: fromPosition(p) }, false),
    release: () => c.updateSettings({}, true),
  };
}

export function ThresholdSlider() {
  const c = useController();
  const t = useT();
  const id = useId();
  const m = useSliderModel();
  const { mode, value, ready, valueText } = m;
  // What the user is typing, while they type (else the field shows the slider's value). Derived in the
  // render, not copied in an effect: an effect would render the slider a second time on every move.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Msg | null>(null);
  const text = draft ?? (mode === 'threshold' ? formatSci(value) : (value * 100).toFixed(1));
  const fieldLabel = t(mode === 'threshold' ? 'setting.threshold.label' : 'slider.field.sparsity');
  const commitText = (raw: string) => {
    setDraft(raw);
    if (mode === 'threshold') {
      const r = parseField('threshold', raw);
      if ('value' in r) {
        setError(null);
        c.updateSettings({ threshold: r.value });
      } else setError(r.error);
    } else {
      const percent = parseNumber(raw);
      // 99.9 / 100 is 0.9990000000000001 in binary, over the 0.999 limit: a percentage has at most 4 decimals that matter.
      const r = percent === null ? null : parseField('sparsity', String(Math.round(percent * 1e4) / 1e6));
      if (r && 'value' in r) {
        setError(null);
        c.updateSettings({ sparsity: r.value });
      } else setError(msg('slider.error.sparsity', { raw }));
    }
  };
  const commitHash = m.release;

  return (
    <div className="slider-block">
      <label htmlFor={id} className="slider-label">
        {m.label}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={m.max}
        step={1}
        value={m.position}
        disabled={!ready}
        aria-valuetext={valueText}
        data-testid="controls.threshold"
        data-value={value}
        onChange={(e) => m.move(Number(e.target.value))}
        onPointerUp={commitHash}
        onKeyUp={commitHash}
      />
      <div className="slider-value">
        <span aria-hidden="true">{valueText}</span>
        <span className="field-label">
          <label>
            <span className="sr-only">{fieldLabel}</span>
            <input
              type="text"
              inputMode="decimal"
              className="slider-number"
              value={text}
              disabled={!ready}
              aria-invalid={error !== null}
              data-testid="controls.threshold.number"
              aria-describedby={error ? `${helpId('slider.number')} ${id}-error` : helpId('slider.number')}
              onBlur={() => {
                setDraft(null);
                setError(null);
              }}
              onChange={(e) => commitText(e.target.value)}
            />
            {mode === 'sparsity' && <span aria-hidden="true"> %</span>}
          </label>
          <Help
            id="slider.number"
            label={fieldLabel}
            text={t(mode === 'threshold' ? 'slider.hint.threshold' : 'slider.hint.sparsity')}
          />
        </span>
      </div>
      {error && (
        <div id={`${id}-error`} className="field-error" role="alert" data-testid="controls.threshold.error">
          {t.msg(error)}
        </div>
      )}
    </div>
  );
}
