import { ARTICLE_T } from '../../core/prune';
import type { ArticleRuns } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { RichText } from '../kit/RichText';
import { StatsTable } from '../kit/StatsTable';

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
  const t = useT();
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
      <h2 id="article-title">{t('article.title')}</h2>
      <p className="muted">
        <RichText text={t('article.intro')} />
      </p>
      <div className="buttons">
        <button
          type="button"
          data-testid="article.run"
          disabled={!ready || busy}
          onClick={() => c.articleCode(ARTICLE_T)}
        >
          {t('article.run', { threshold: ARTICLE_T })}
        </button>
        <button
          type="button"
          data-testid="article.finetune"
          disabled={!ready || busy || !view}
          onClick={() => view && void c.articleFinetune(view.masks)}
        >
          {t('article.finetune', { sparsity: pct(view?.report.sparsity ?? 0) })}
        </button>
      </div>
      {busy && (ft.kind === 'article' || ft.kind === 'unmasked') && <p className="muted">{t('article.running')}</p>}
      {code && (
        <StatsTable
          testid="article.gradients"
          columns={[t('article.col.layer'), t('article.col.article'), t('article.col.lab')]}
        >
          {code.articleMaxAbs.map((g, l) => (
            <tr key={l} data-testid={`article.layer.${l}`} data-article={g} data-loss={code.lossMaxAbs[l]}>
              <th scope="row">{layers?.[l]?.name ?? l + 1}</th>
              <td>{formatSci(g)}</td>
              <td>{formatSci(code.lossMaxAbs[l])}</td>
            </tr>
          ))}
        </StatsTable>
      )}
      {code && (
        <p data-testid="article.pruning" data-changed={code.changed} data-below={code.belowT}>
          <RichText
            text={t('article.pruning', {
              below: code.belowT,
              parameters: code.parameters,
              changed: code.changed,
              before: pct(code.before.valAcc, 2),
              after: pct(code.after.valAcc, 2),
            })}
          />
        </p>
      )}
      {unmasked && (
        <p data-testid="article.unmasked" data-regrown={unmasked.maskViolations}>
          <RichText
            text={t('article.unmasked', {
              regrown: unmasked.maskViolations,
              from: pct(article.sparsity ?? 0),
              to: pct(zeros(unmasked)),
              before: pct(unmasked.before.valAcc, 2),
              after: pct(unmasked.after.valAcc, 2),
            })}
          />
        </p>
      )}
      {masked && (
        <p data-testid="article.masked" data-regrown={masked.maskViolations}>
          {t('article.masked', {
            regrown: masked.maskViolations,
            sparsity: pct(zeros(masked)),
            before: pct(masked.before.valAcc, 2),
            after: pct(masked.after.valAcc, 2),
          })}
        </p>
      )}
    </section>
  );
}
