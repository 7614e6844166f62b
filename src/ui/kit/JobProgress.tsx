/**
 * A job's progress bar (a run, a fine-tune, a series of jobs, a measurement): a track with its fill,
 * announced as a progress bar from 0 to 100. With `stageTestid`, the label is also shown above the bar
 * as the job's current stage ("Fine-tuning at 50% …"). `fraction` is 0..1; `paused` greys the fill.
 */
export interface JobProgressProps {
  /** The bar's accessible name (and the stage line's text). */
  label: string;
  fraction: number;
  testid?: string;
  stageTestid?: string;
  paused?: boolean;
}

export function JobProgress({ label, fraction, testid, stageTestid, paused = false }: JobProgressProps) {
  const percent = Math.round(fraction * 100);
  const bar = (
    <div
      className="progress-track"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={testid}
      data-value={percent}
    >
      <div className={paused ? 'progress-fill paused' : 'progress-fill'} style={{ width: `${fraction * 100}%` }} />
    </div>
  );
  if (!stageTestid) return bar;
  return (
    <>
      <p className="muted" data-testid={stageTestid}>
        {label}…
      </p>
      {bar}
    </>
  );
}
