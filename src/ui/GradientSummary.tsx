import { useMemo } from 'react';
import { ARTICLE_T } from '../core/criteria';
import { fractionBelow, summarize } from '../core/stats';
import { useAppState } from './context';
import { formatSci, pct } from './format';


/**
 * Per-layer gradient statistics: the live running |∂L/∂w| estimate while training, then the
 * scoring pass's gradAbsMean / gradSqMean once training is done.
 */
export function GradientSummary() {
  const live = useAppState((s) => s.liveGrads);
  const scoring = useAppState((s) => s.scoring);
  const rows = useMemo(() => {
    if (scoring) {
      return scoring.layers.map((l) => {
        const g = summarize(l.gradAbsMean);
        return { name: l.name, shape: `${l.inputs}×${l.units}`, mean: g.mean, median: g.median, max: g.max, below: fractionBelow(l.gradAbsMean, ARTICLE_T), rms: Math.sqrt(summarize(l.gradSqMean).mean) };
      });
    }
    return (live?.layers ?? []).map((l) => {
      const g = summarize(l.gradAbs);
      return { name: l.name, shape: `${l.inputs}×${l.units}`, mean: g.mean, median: g.median, max: g.max, below: fractionBelow(l.gradAbs, ARTICLE_T), rms: NaN };
    });
  }, [live, scoring]);

  return (
    <section className="panel grads" aria-labelledby="grads-title" data-testid="grads.panel" data-source={scoring ? 'scoring' : live ? 'live' : 'none'}>
      <h2 id="grads-title">Gradient statistics {scoring ? '(scoring pass)' : live ? `(live, step ${live.step})` : ''}</h2>
      {rows.length === 0 ? (
        <p className="muted">Per-layer |∂L/∂w| appears here while the network trains.</p>
      ) : (
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Kernel</th>
              <th scope="col" title={scoring ? 'gradAbsMean: mean over batches of |∂L_b/∂w|' : 'Running average of |∂L/∂w| over recent batches'}>
                mean |∂L/∂w|
              </th>
              <th scope="col">median</th>
              <th scope="col">max</th>
              {scoring && (
                <th scope="col" title="√ of the mean of gradSqMean (empirical Fisher diagonal)">
                  RMS grad
                </th>
              )}
              <th scope="col" title={`Share of weights the article's rule |∂L/∂w| < ${ARTICLE_T} would prune`}>
                below T={ARTICLE_T}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-testid={`grads.row.${r.name}`}>
                <th scope="row">{r.name}</th>
                <td>{r.shape}</td>
                <td>{formatSci(r.mean)}</td>
                <td>{formatSci(r.median)}</td>
                <td>{formatSci(r.max)}</td>
                {scoring && <td>{formatSci(r.rms)}</td>}
                <td>{pct(r.below)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
