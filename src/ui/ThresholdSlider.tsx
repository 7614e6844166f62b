import { useId, useMemo, useState } from 'react';
import { fractionPruned, logToValue, thresholdRange, valueToLog } from '../state/pruneSpec';
import { parseField, parseNumber } from '../state/settings';
import { useAppState, useController } from './context';
import { formatSci, pct } from './format';

const STEPS = 1000;

/**
 * The pruning slider: T on a log scale spanning the scores (leftmost = T 0, nothing pruned), or the
 * target sparsity in 0.1% steps; plus a numeric field. A drag updates the state on every input event
 * (evaluation is coalesced to one per frame) and writes the URL only on release.
 */
export function ThresholdSlider() {
  const c = useController();
  const settings = useAppState((s) => s.settings);
  const sortedAll = useAppState((s) => s.pruning.sorted);
  const ready = useAppState((s) => s.pruning.status === 'ready');
  const id = useId();
  const { mode, criterion, granularity } = settings;
  const sorted = sortedAll ? sortedAll[criterion][granularity === 'neurons' ? 'units' : 'weights'] : null;
  const items = granularity === 'neurons' ? 'hidden units' : 'weights';
  const range = useMemo(() => (sorted ? thresholdRange(sorted) : { min: 1e-8, max: 1 }), [sorted]);
  const value = mode === 'threshold' ? settings.threshold : settings.sparsity;
  const position = mode === 'threshold' ? (value <= 0 ? 0 : Math.max(1, Math.round(valueToLog(value, range) * STEPS))) : Math.round(value * STEPS);
  // What the user is typing, while they type (else the field shows the slider's value). Derived in the
  // render, not copied in an effect: an effect would render the slider a second time on every move.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? (mode === 'threshold' ? formatSci(value) : (value * 100).toFixed(1));

  const fromPosition = (p: number) => (mode === 'threshold' ? (p <= 0 ? 0 : logToValue(p / STEPS, range)) : Math.min(0.999, p / STEPS));
  const valueText =
    mode === 'threshold'
      ? `T = ${formatSci(value)}${sorted ? `, prunes ${pct(fractionPruned(sorted, value))} of ${items}` : ''}`
      : `${pct(value)} of ${items} pruned`;
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
      const r = percent === null ? null : parseField('sparsity', String(percent / 100));
      if (r && 'value' in r) {
        setError(null);
        c.updateSettings({ sparsity: r.value });
      } else setError(`Target sparsity: "${raw}" is not a percentage between 0 and 99.9`);
    }
  };
  const commitHash = () => c.updateSettings({}, true);

  return (
    <div className="slider-block">
      <label htmlFor={id} className="slider-label">
        {mode === 'threshold' ? `Prune every ${granularity === 'neurons' ? 'unit' : 'weight'} with score < T` : `Prune the lowest-scoring ${items}`}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={mode === 'threshold' ? STEPS : STEPS - 1}
        step={1}
        value={position}
        disabled={!ready}
        aria-valuetext={valueText}
        data-testid="controls.threshold"
        data-value={value}
        onChange={(e) => c.updateSettings(mode === 'threshold' ? { threshold: fromPosition(Number(e.target.value)) } : { sparsity: fromPosition(Number(e.target.value)) }, false)}
        onPointerUp={commitHash}
        onKeyUp={commitHash}
      />
      <div className="slider-value">
        <span aria-hidden="true">{valueText}</span>
        <label>
          <span className="sr-only">{mode === 'threshold' ? 'Threshold T' : 'Target sparsity in percent'}</span>
          <input
            type="text"
            inputMode="decimal"
            className="slider-number"
            value={text}
            disabled={!ready}
            aria-invalid={error !== null}
            data-testid="controls.threshold.number"
            title={mode === 'threshold' ? 'Type a threshold, e.g. 0.01 or 1e-4' : 'Type a percentage, e.g. 90'}
            onBlur={() => {
              setDraft(null);
              setError(null);
            }}
            onChange={(e) => commitText(e.target.value)}
          />
          {mode === 'sparsity' && <span aria-hidden="true"> %</span>}
        </label>
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="controls.threshold.error">
          {error}
        </div>
      )}
    </div>
  );
}
