import { memo, useMemo, useRef } from 'react';
import { scheduleProblem, schedulePoints, type GradualSchedule } from '../../core/prune';
import { sliderTarget, sliderTargetLabel, trainingSteps } from '../../state/experiments';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { NumberField } from '../kit/NumberField';
import { RichText } from '../kit/RichText';

const W = 320;
const H = 110;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

/** The schedule as a step line of target sparsity against training step, with a dot at the current step. */
const ScheduleDrawing = memo(function ScheduleDrawing({
  schedule,
  total,
  step,
  label,
}: {
  schedule: GradualSchedule;
  total: number;
  step: number | null;
  label: string;
}) {
  const t = useT();
  const pts = useMemo(() => schedulePoints(schedule, total), [schedule, total]);
  const x = (s: number) => PAD.left + ((W - PAD.left - PAD.right) * s) / Math.max(1, total);
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v);
  // A step line: each update holds its sparsity until the next one.
  const d = pts
    .map(
      (p, k) =>
        `${k === 0 ? 'M' : 'H'}${x(p.step).toFixed(1)}${k === 0 ? `,${y(p.sparsity).toFixed(1)}` : ` V${y(p.sparsity).toFixed(1)}`}`,
    )
    .join(' ');
  const now = step !== null ? pts.filter((p) => p.step <= step).at(-1) : undefined;
  return (
    <svg
      className="schedule"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="gradual.schedule"
      data-points={pts.length}
    >
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="var(--grid)" />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(1)} y2={y(1)} stroke="var(--grid)" strokeDasharray="3 3" />
      <text x={PAD.left - 4} y={y(0) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
        {pct(0, 0)}
      </text>
      <text x={PAD.left - 4} y={y(1) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
        {pct(1, 0)}
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize="10" fill="var(--muted)">
        {t('gradual.axis.steps', { total })}
      </text>
      <path d={d} fill="none" stroke="var(--c-purple)" strokeWidth={2} />
      {now && step !== null && (
        <circle cx={x(step)} cy={y(now.sparsity)} r={4} fill="var(--text)" data-testid="gradual.now" />
      )}
    </svg>
  );
});

/** Gradual pruning during training: its schedule (settings), drawn, a start button, and its progress. */
export function GradualPanel() {
  const c = useController();
  const t = useT();
  // Each setting on its own: the whole settings object changes with every slider move.
  const gradualInitial = useAppState((s) => s.settings.gradualInitial);
  const gradualBegin = useAppState((s) => s.settings.gradualBegin);
  const gradualEnd = useAppState((s) => s.settings.gradualEnd);
  const gradualFrequency = useAppState((s) => s.settings.gradualFrequency);
  const busy = useAppState((s) => s.experiments.finetune?.status === 'running');
  return (
    <section className="panel gradual" aria-labelledby="gradual-title" data-testid="gradual">
      <h2 id="gradual-title">{t('gradual.title')}</h2>
      <p className="muted">{t('gradual.lead')}</p>
      <div className="field-grid">
        <NumberField
          name="gradualInitial"
          value={gradualInitial}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ gradualInitial: v })}
        />
        <NumberField
          name="gradualBegin"
          value={gradualBegin}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ gradualBegin: v })}
        />
        <NumberField
          name="gradualEnd"
          value={gradualEnd}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ gradualEnd: v })}
        />
        <NumberField
          name="gradualFrequency"
          value={gradualFrequency}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ gradualFrequency: v })}
        />
      </div>
      <GradualRun initial={gradualInitial} begin={gradualBegin} end={gradualEnd} frequency={gradualFrequency} />
    </section>
  );
}

/**
 * The schedule drawn, its check, the start button and the job's progress; the final sparsity is the
 * slider's, followed when the slider rests.
 */
function GradualRun({
  initial,
  begin,
  end,
  frequency,
}: {
  initial: number;
  begin: number;
  end: number;
  frequency: number;
}) {
  const c = useController();
  const t = useT();
  const total = useAppState(trainingSteps);
  const live = useAppState((s) => s.experiments.gradual);
  const ft = useAppState((s) => s.experiments.finetune);
  const series = useAppState((s) => (s.experiments.series?.kind === 'gradual' ? s.experiments.series : null));
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  // The slider's sparsity (whole percents) once the slider rests (its training figures are in): following
  // every move of a drag cost 1–2 ms a frame (the drawing's path). A start takes the exact value.
  const rested = useAppState((s) => (s.pruning.view?.train ? sliderTargetLabel(s) : null));
  const last = useRef(0.9);
  if (rested !== null) last.current = rested;
  const final = last.current;
  const busy = ft?.status === 'running';
  const running = busy && ft?.kind === 'gradual';
  const schedule = useMemo<GradualSchedule>(
    () => ({ initial, final, begin: Math.round(begin * total), end: Math.round(end * total), frequency, power: 3 }),
    [initial, begin, end, frequency, final, total],
  );
  const shown = running && live ? live.schedule : schedule;
  const problem = total > 0 ? scheduleProblem(schedule, total) : null;
  const step = running && ft?.progress ? Math.round(ft.progress.fraction * (live?.totalSteps ?? total)) : null;
  return (
    <>
      {total > 0 && (
        <ScheduleDrawing
          schedule={shown}
          total={running && live ? live.totalSteps : total}
          step={step}
          label={t('gradual.schedule', { total })}
        />
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="gradual.problem">
          {t(`gradual.problem.${problem as 'final' | 'initial' | 'steps' | 'frequency'}`, { final: pct(final) })}
        </p>
      )}
      <div className="buttons">
        <button
          type="button"
          data-testid="gradual.start"
          disabled={!ready || busy || problem !== null}
          onClick={() => c.gradual({ ...schedule, final: sliderTarget(c.store.getState()) })}
          aria-describedby={helpId('gradual.start')}
        >
          {t('gradual.start', { sparsity: pct(final, 0) })}
        </button>
        <Help
          id="gradual.start"
          label={t('gradual.title')}
          text={t('gradual.help', { begin: schedule.begin, end: schedule.end, total, frequency: schedule.frequency })}
        />
        {running && (
          <button type="button" data-testid="gradual.cancel" onClick={() => c.cancelJob()}>
            {t('experiments.cancel')}
          </button>
        )}
      </div>
      {running && (
        <JobProgress label={t('gradual.title')} fraction={ft?.progress?.fraction ?? 0} testid="gradual.progress" />
      )}
      {running && live && live.step >= 0 && (
        <p className="muted" data-testid="gradual.live">
          <RichText
            text={t('gradual.live', { step: live.step, total: live.totalSteps, sparsity: pct(live.sparsity) })}
          />
        </p>
      )}
      {series && series.status !== 'running' && (
        <p className="muted" data-testid="gradual.status">
          {t(`experiments.status.gradual.${series.status}`)}
        </p>
      )}
    </>
  );
}
