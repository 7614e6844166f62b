import { CRITERION_INFO } from '../core/criteria';
import { CURVE_SPARSITIES, ITERATIVE_EPOCHS_PER_STEP, ITERATIVE_STEPS } from '../state/experimentsState';
import { useAppState, useController } from './context';
import { pct } from './format';

/** Fine-tune curve, iterative pruning, the list of fine-tuned points, and the efficiency caveat. */
export function ExperimentsPanel() {
  const c = useController();
  const log = useAppState((s) => s.experiments.log);
  const exp = useAppState((s) => s.experiments.series);
  const ft = useAppState((s) => s.experiments.finetune);
  const criterion = useAppState((s) => s.settings.criterion);
  const view = useAppState((s) => s.pruning.view);
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const busy = ft?.status === 'running';
  const target = view ? Math.min(0.99, view.report.sparsity) : 0.9;
  const running = exp?.status === 'running';
  const fraction = running ? (exp.step + (ft?.progress?.fraction ?? 0)) / exp.total : 0;
  const stage = !running ? '' : exp.kind === 'curve' ? `Fine-tune curve (${CRITERION_INFO[exp.criterion].label}): level ${exp.step + 1}/${exp.total} (${pct(CURVE_SPARSITIES[exp.step], 0)})` : `Iterative pruning to ${pct(ft?.sparsity ?? target, 0)} in ${ITERATIVE_STEPS} steps`;
  return (
    <section className="panel experiments" aria-labelledby="exp-title" data-testid="experiments">
      <h2 id="exp-title">Fine-tuning experiments</h2>
      <div className="buttons">
        <button type="button" data-testid="experiments.curve" disabled={!ready || busy} onClick={() => void c.finetuneCurve(criterion)} title={`Prune with ${CRITERION_INFO[criterion].label} to ${CURVE_SPARSITIES.map((s) => `${s * 100}%`).join(', ')} and fine-tune each`}>
          Fine-tune curve
        </button>
        <button type="button" data-testid="experiments.iterative" disabled={!ready || busy} onClick={() => c.iterative(criterion, target)} title={`Prune to the slider's sparsity in ${ITERATIVE_STEPS} steps, ${ITERATIVE_EPOCHS_PER_STEP} masked epoch after each (Han et al. 2015)`}>
          Iterative to {pct(target, 0)}
        </button>
        {running && busy && (
          <button type="button" data-testid="experiments.cancel" onClick={() => c.cancelFinetune()}>
            Cancel
          </button>
        )}
      </div>
      {running && (
        <>
          <p className="muted" data-testid="experiments.stage">
            {stage}…
          </p>
          <div className="progress-track" role="progressbar" aria-label={stage} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} data-testid="experiments.progress">
            <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
          </div>
        </>
      )}
      {exp && exp.status !== 'running' && (
        <p className="muted" data-testid="experiments.status">
          {exp.kind === 'curve' ? 'Fine-tune curve' : 'Iterative pruning'} {exp.status}.
        </p>
      )}
      {log.length > 0 && (
        <>
          <table className="stats-table" data-testid="experiments.log">
            <thead>
              <tr>
                <th scope="col">kind</th>
                <th scope="col">criterion</th>
                <th scope="col">sparsity</th>
                <th scope="col">one-shot → fine-tuned (val)</th>
              </tr>
            </thead>
            <tbody>
              {log.map((r, i) => (
                <tr key={i}>
                  <td>{r.kind}</td>
                  <td>{r.criterion}</td>
                  <td>{pct(r.sparsity)}</td>
                  <td>
                    {pct(r.beforeValAcc)} → <strong>{pct(r.afterValAcc)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="link" data-testid="experiments.clear" onClick={() => c.clearFinetuneLog()}>
            Clear points
          </button>
        </>
      )}
    </section>
  );
}
