import { FINETUNE_EPOCHS, FINETUNE_LR_FACTOR } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { RichText } from '../kit/RichText';

/** Prune-then-fine-tune: trains the pruned network with its mask enforced and shows what it recovers. */
export function FinetunePanel() {
  const c = useController();
  const t = useT();
  const ft = useAppState((s) => s.experiments.finetune);
  const view = useAppState((s) => s.pruning.view);
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const running = ft?.status === 'running';
  // Only a single fine-tune is shown here; a curve's or an iterative run's jobs belong to the experiments panel.
  const own = ft?.kind === 'one-shot';
  const p = ft?.progress;
  const sliderMoved = !!view && !!ft && Math.abs(view.report.sparsity - ft.sparsity) > 5e-4;
  const result =
    ft?.result &&
    t(ft.kind === 'iterative' ? 'finetune.result.iterative' : 'finetune.result.one-shot', {
      sparsity: pct(ft.sparsity),
      before: pct(ft.result.before.valAcc, 2),
      after: pct(ft.result.after.valAcc, 2),
      trainBefore: pct(ft.result.before.trainAcc, 1),
      trainAfter: pct(ft.result.after.trainAcc, 1),
    });
  return (
    <div className="finetune" data-testid="finetune" data-status={ft?.status ?? 'none'}>
      <div className="buttons">
        <button
          type="button"
          data-testid="finetune.start"
          disabled={!ready || !view || running}
          onClick={() => view && c.finetune(view.masks)}
          aria-describedby={helpId('finetune.start')}
        >
          {t('finetune.start', { epochs: FINETUNE_EPOCHS })}
        </button>
        <Help
          id="finetune.start"
          label={t('finetune.start.label')}
          text={t('finetune.start.help', { epochs: FINETUNE_EPOCHS, factor: FINETUNE_LR_FACTOR })}
        />
        {running && own && (
          <button type="button" data-testid="finetune.cancel" onClick={() => c.cancelJob()}>
            {t('finetune.cancel')}
          </button>
        )}
      </div>
      {running && own && <JobProgress label={t('finetune.progress')} fraction={p?.fraction ?? 0} />}
      {ft?.status === 'done' && result && ft.kind !== 'curve' && (
        <p data-testid="finetune.result" data-kind={ft.kind}>
          <RichText text={result} />
          {sliderMoved && (
            <span className="muted"> {t('finetune.sliderMoved', { sparsity: pct(view!.report.sparsity) })}</span>
          )}
        </p>
      )}
      {ft?.status === 'error' && (
        <p className="field-error" role="alert">
          {t('finetune.failed', { detail: ft.error ?? '' })}
        </p>
      )}
    </div>
  );
}
