import { ARTICLE_T } from '../core/criteria';
import type { ArticleRuns } from '../state/experimentsState';
import { useAppState, useController } from './context';
import { formatSci, int, pct } from './format';

/** Fraction of kernel weights that are exactly 0. */
const zeros = (r: NonNullable<ArticleRuns['unmasked']>) => {
  let z = 0;
  let n = 0;
  r.layers.forEach((l) => l.kernel.forEach((w) => ((z += w === 0 ? 1 : 0), n++)));
  return n ? z / n : 0;
};

/**
 * The source article's code, run as written on this network, beside what it meant: its "gradient" (of
 * the summed softmax outputs), its "pruning" (of gradient copies) and its fine-tune without a mask.
 */
export function ArticleCodePanel() {
  const c = useController();
  const article = useAppState((s) => s.experiments.article);
  const ft = useAppState((s) => s.experiments.finetune);
  const view = useAppState((s) => s.pruning.view);
  const layers = useAppState((s) => s.scoring?.layers);
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const busy = ft?.status === 'running';
  const code = article.code;
  const { unmasked, masked } = article;
  return (
    <section className="panel article-code" aria-labelledby="article-title" data-testid="article">
      <h2 id="article-title">The article’s code, run as written</h2>
      <p className="muted">
        The source article computes <code>tape.gradient(model(train_x), weights)</code>: the gradient of the <em>sum of the softmax outputs</em>, which is 1 for every sample, so it is zero. Its pruning then zeroes copies of
        those gradients, and its fine-tune has no mask. Run each on this network:
      </p>
      <div className="buttons">
        <button type="button" data-testid="article.run" disabled={!ready || busy} onClick={() => c.articleCode(ARTICLE_T)}>
          Run its gradient and pruning (T = {ARTICLE_T})
        </button>
        <button type="button" data-testid="article.finetune" disabled={!ready || busy || !view} onClick={() => view && void c.articleFinetune(view.masks)}>
          Fine-tune at {pct(view?.report.sparsity ?? 0)} without and with the mask
        </button>
      </div>
      {busy && (ft.kind === 'article' || ft.kind === 'unmasked') && <p className="muted">Running…</p>}
      {code && (
        <table className="stats-table" data-testid="article.gradients">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">article: max |∂Σsoftmax/∂θ|</th>
              <th scope="col">lab: max |∂L/∂θ|</th>
            </tr>
          </thead>
          <tbody>
            {code.articleMaxAbs.map((g, l) => (
              <tr key={l} data-testid={`article.layer.${l}`} data-article={g} data-loss={code.lossMaxAbs[l]}>
                <th scope="row">{layers?.[l]?.name ?? l + 1}</th>
                <td>{formatSci(g)}</td>
                <td>{formatSci(code.lossMaxAbs[l])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {code && (
        <p data-testid="article.pruning" data-changed={code.changed} data-below={code.belowT}>
          Below T: {int(code.belowT)} of {int(code.parameters)} parameters — the article would prune all of them, yet its pruning changed <strong>{int(code.changed)}</strong> weights: validation accuracy{' '}
          {pct(code.before.valAcc, 2)} before, {pct(code.after.valAcc, 2)} after. The non-zero values above are float32 rounding of 1 − Σ softmax.
        </p>
      )}
      {unmasked && (
        <p data-testid="article.unmasked" data-regrown={unmasked.maskViolations}>
          Without the mask (the article’s <code>model.fit</code>): <strong>{int(unmasked.maskViolations)}</strong> pruned weights grew back; sparsity {pct(article.sparsity ?? 0)} → {pct(zeros(unmasked))}, validation {pct(unmasked.before.valAcc, 2)} → {pct(unmasked.after.valAcc, 2)}.
        </p>
      )}
      {masked && (
        <p data-testid="article.masked" data-regrown={masked.maskViolations}>
          With the mask held (the lab): {int(masked.maskViolations)} grew back; sparsity stays {pct(zeros(masked))}, validation {pct(masked.before.valAcc, 2)} → {pct(masked.after.valAcc, 2)}.
        </p>
      )}
    </section>
  );
}
