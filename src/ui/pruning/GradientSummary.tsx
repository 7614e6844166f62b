import { useDeferredValue, useMemo } from 'react';
import { ARTICLE_T } from '../../core/prune';
import { fractionBelow, summarize } from '../../core/base';
import { useAppState, useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { Help } from '../kit/Help';
import { StatsTable } from '../kit/StatsTable';

/**
 * Per-layer gradient statistics: the live running |∂L/∂w| estimate while training, then the
 * scoring pass's gradAbsMean / gradSqMean once training is done.
 */
export function GradientSummary() {
  const t = useT();
  // Deferred: the summaries (medians of every layer's 50,000 values) are computed in a render of their
  // own, which React can interrupt, not in the task of the store update that brought new values (a run's
  // end re-renders most of the page in that one task).
  const live = useDeferredValue(useAppState((s) => s.liveGrads));
  const scoring = useDeferredValue(useAppState((s) => s.scoring));
  const rows = useMemo(() => {
    if (scoring) {
      return scoring.layers.map((l) => {
        const g = summarize(l.gradAbsMean);
        return {
          name: l.name,
          shape: `${l.inputs}×${l.units}`,
          mean: g.mean,
          median: g.median,
          max: g.max,
          below: fractionBelow(l.gradAbsMean, ARTICLE_T),
          rms: Math.sqrt(summarize(l.gradSqMean).mean),
        };
      });
    }
    return (live?.layers ?? []).map((l) => {
      const g = summarize(l.gradAbs);
      return {
        name: l.name,
        shape: `${l.inputs}×${l.units}`,
        mean: g.mean,
        median: g.median,
        max: g.max,
        below: fractionBelow(l.gradAbs, ARTICLE_T),
        rms: NaN,
      };
    });
  }, [live, scoring]);

  const below = t('stats.below', { t: ARTICLE_T });
  return (
    <section
      className="panel grads"
      aria-labelledby="grads-title"
      data-testid="grads.panel"
      data-source={scoring ? 'scoring' : live ? 'live' : 'none'}
    >
      <h2 id="grads-title">
        {scoring
          ? t('stats.title.scoring')
          : live
            ? t('stats.title.live', { step: String(live.step) })
            : t('stats.title')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t('stats.empty')}</p>
      ) : (
        <StatsTable
          columns={[
            t('stats.layer'),
            t('stats.kernel'),
            <>
              {t('stats.mean')}{' '}
              <Help
                id="stats.mean"
                label={t('stats.mean')}
                text={t(scoring ? 'stats.mean.help.scoring' : 'stats.mean.help.live')}
              />
            </>,
            t('stats.median'),
            t('stats.max'),
            scoring && (
              <>
                {t('stats.rms')} <Help id="stats.rms" label={t('stats.rms')} text={t('stats.rms.help')} />
              </>
            ),
            <>
              {below} <Help id="stats.below" label={below} text={t('stats.below.help', { t: ARTICLE_T })} />
            </>,
          ]}
        >
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
        </StatsTable>
      )}
    </section>
  );
}
