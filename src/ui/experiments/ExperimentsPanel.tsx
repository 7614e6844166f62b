import { CRITERION_INFO, type Criterion } from '../../core/prune';
import { sliderTarget } from '../../state/experiments';
import {
  CURVE_SPARSITIES,
  FINETUNE_EPOCHS,
  ITERATIVE_EPOCHS_PER_STEP,
  ITERATIVE_STEPS,
  type SeriesState,
} from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { StatsTable } from '../kit/StatsTable';
import { TargetLabel } from '../pruning/TargetLabel';

/** Fine-tune curve, iterative pruning, the list of fine-tuned points, and the efficiency caveat. */
export function ExperimentsPanel() {
  const c = useController();
  const t = useT();
  const log = useAppState((s) => s.experiments.log);
  // Its own series only: SNIP and lottery tickets have their panel.
  const exp = useAppState((s) =>
    s.experiments.series && ['curve', 'iterative', 'movement'].includes(s.experiments.series.kind)
      ? (s.experiments.series as SeriesState & { kind: 'curve' | 'iterative' | 'movement' })
      : null,
  );
  const ft = useAppState((s) => s.experiments.finetune);
  const criterion = useAppState((s) => s.settings.criterion);
  // Whole percents for the labels (a slider move re-renders the panel only when they change); a click takes the exact value.
  const exact = () => sliderTarget(c.store.getState());
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const busy = ft?.status === 'running';
  const running = exp?.status === 'running';
  const fraction = running ? (exp.step + (ft?.progress?.fraction ?? 0)) / exp.total : 0;
  const stage = !running
    ? ''
    : exp.kind === 'curve'
      ? t('experiments.stage.curve', {
          criterion: t(`criterion.${exp.criterion}.label`),
          level: exp.step + 1,
          total: exp.total,
          sparsity: pct(CURVE_SPARSITIES[exp.step], 0),
        })
      : exp.kind === 'movement'
        ? t('experiments.stage.movement', { step: exp.step + 1, total: exp.total })
        : t('experiments.stage.iterative', { sparsity: pct(ft?.sparsity ?? 0, 0), steps: ITERATIVE_STEPS });
  const levels = CURVE_SPARSITIES.map((s) => `${s * 100}%`).join(t('experiments.curve.separator'));
  // A logged criterion is one of the lab's; anything else (an older record) is shown as it is.
  const criterionLabel = (k: string) =>
    k in CRITERION_INFO
      ? t(`criterion.${k as Criterion}.label`)
      : k === 'movement'
        ? t('experiments.kind.movement')
        : k;
  return (
    <section className="panel experiments" aria-labelledby="exp-title" data-testid="experiments">
      <h2 id="exp-title">{t('experiments.title')}</h2>
      {/* Each button with its explanation, side by side while they fit, else one under the other. */}
      <div className="buttons button-rows">
        <span className="button-help">
          <button
            type="button"
            data-testid="experiments.curve"
            disabled={!ready || busy}
            onClick={() => void c.finetuneCurve(criterion)}
            aria-describedby={helpId('experiments.curve')}
          >
            {t('experiments.curve')}
          </button>
          <Help
            id="experiments.curve"
            label={t('experiments.curve')}
            text={t('experiments.curve.help', { criterion: t(`criterion.${criterion}.label`), levels })}
          />
        </span>
        <span className="button-help">
          <button
            type="button"
            data-testid="experiments.iterative"
            disabled={!ready || busy}
            onClick={() => c.iterative(criterion, exact())}
            aria-describedby={helpId('experiments.iterative')}
          >
            <TargetLabel id="experiments.iterative" />
          </button>
          <Help
            id="experiments.iterative"
            label={t('experiments.iterative.label')}
            text={t('experiments.iterative.help', { steps: ITERATIVE_STEPS, epochs: ITERATIVE_EPOCHS_PER_STEP })}
          />
        </span>
        <span className="button-help">
          <button
            type="button"
            data-testid="experiments.movement"
            disabled={!ready || busy}
            onClick={() => void c.movement(exact())}
            aria-describedby={helpId('experiments.movement')}
          >
            <TargetLabel id="experiments.movement" />
          </button>
          <Help
            id="experiments.movement"
            label={t('experiments.movement.label')}
            text={t('experiments.movement.help', { epochs: FINETUNE_EPOCHS })}
          />
        </span>
        {running && busy && (
          <button type="button" data-testid="experiments.cancel" onClick={() => c.cancelJob()}>
            {t('experiments.cancel')}
          </button>
        )}
      </div>
      {running && (
        <JobProgress label={stage} fraction={fraction} testid="experiments.progress" stageTestid="experiments.stage" />
      )}
      {exp && exp.status !== 'running' && (
        <p className="muted" data-testid="experiments.status">
          {t(`experiments.status.${exp.kind}.${exp.status}`)}
        </p>
      )}
      {log.length > 0 && (
        <>
          <StatsTable
            testid="experiments.log"
            columns={[
              t('experiments.log.kind'),
              t('experiments.log.criterion'),
              t('experiments.log.sparsity'),
              t('experiments.log.accuracy'),
            ]}
            rows={log.map((r) => [
              t(`experiments.kind.${r.kind}`),
              criterionLabel(r.criterion),
              pct(r.sparsity),
              <>
                {pct(r.beforeValAcc)} → <strong>{pct(r.afterValAcc)}</strong>
              </>,
            ])}
          />
          <button type="button" className="link" data-testid="experiments.clear" onClick={() => c.clearFinetuneLog()}>
            {t('experiments.clear')}
          </button>
        </>
      )}
    </section>
  );
}
