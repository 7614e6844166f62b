import { FINETUNE_EPOCHS, FINETUNE_LR_FACTOR } from '../state/experimentsState';
import { useAppState, useController } from './context';
import { pct } from './format';

/** Prune-then-fine-tune: trains the pruned network with its mask enforced and shows what it recovers. */
export function FinetunePanel() {
  const c = useController();
  const ft = useAppState((s) => s.experiments.finetune);
  const view = useAppState((s) => s.pruning.view);
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const running = ft?.status === 'running';
  // Only a single fine-tune is shown here; a curve's or an iterative run's jobs belong to the experiments panel.
  const own = ft?.kind === 'one-shot';
  const p = ft?.progress;
  const sliderMoved = !!view && !!ft && Math.abs(view.report.sparsity - ft.sparsity) > 5e-4;
  return (
    <div className="finetune" data-testid="finetune" data-status={ft?.status ?? 'none'}>
      <div className="buttons">
        <button
          type="button"
          data-testid="finetune.start"
          disabled={!ready || !view || running}
          onClick={() => view && c.finetune(view.masks)}
          title={`Fine-tune the pruned network for ${FINETUNE_EPOCHS} epochs at ${FINETUNE_LR_FACTOR}× the learning rate; pruned weights stay exactly 0`}
        >
          Fine-tune {FINETUNE_EPOCHS} epochs
        </button>
        {running && own && (
          <button type="button" data-testid="finetune.cancel" onClick={() => c.cancelFinetune()}>
            Cancel
          </button>
        )}
      </div>
      {running && own && (
        <div className="progress-track" role="progressbar" aria-label="Fine-tuning progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((p?.fraction ?? 0) * 100)}>
          <div className="progress-fill" style={{ width: `${(p?.fraction ?? 0) * 100}%` }} />
        </div>
      )}
      {ft?.status === 'done' && ft.result && ft.kind !== 'curve' && (
        <p data-testid="finetune.result" data-kind={ft.kind}>
          {ft.kind === 'iterative' ? `Iterative pruning to ${pct(ft.sparsity)}: validation ${pct(ft.result.before.valAcc, 2)} one-shot → ` : `At ${pct(ft.sparsity)} sparsity: validation ${pct(ft.result.before.valAcc, 2)} → `}
          <strong>{pct(ft.result.after.valAcc, 2)}</strong> {ft.kind === 'iterative' ? 'after pruning and fine-tuning in steps' : 'after fine-tuning'} (training {pct(ft.result.before.trainAcc, 1)} → {pct(ft.result.after.trainAcc, 1)}).
          {sliderMoved && <span className="muted"> That mask is not the slider's any more: the slider is at {pct(view!.report.sparsity)}.</span>}
        </p>
      )}
      {ft?.status === 'error' && (
        <p className="field-error" role="alert">
          Fine-tuning failed: {ft.error}
        </p>
      )}
    </div>
  );
}
