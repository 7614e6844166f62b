import { staggered } from '../kit/staggered';
import { useState } from 'react';
import type { ForgetReport } from '../../core/eval';
import { useT } from '../kit/context';
import { Help } from '../kit/Help';

/** Past this many classes the matrix is not drawn (it would not fit a phone, nor be read). */
export const MAX_MATRIX_CLASSES = 20;

const VIEWS = ['dense', 'pruned', 'diff'] as const;
type View = (typeof VIEWS)[number];

/**
 * The cell's colour: counts as a share of the row (its class), blue; a difference red (added) or green (fewer).
 * At most 45% opaque, so the count on it keeps its contrast in both colour schemes.
 */
function cellStyle(view: View, v: number, rowTotal: number, diag: boolean) {
  if (!rowTotal || v === 0) return undefined;
  const alpha = (share: number) => (0.08 + 0.37 * Math.min(1, share)).toFixed(3);
  const a = Math.abs(v) / rowTotal;
  if (view !== 'diff') return { background: `rgba(37, 99, 235, ${alpha(a)})` };
  const bad = diag ? v < 0 : v > 0;
  // Differences are small shares of a row: scaled up so that a few examples show.
  return { background: bad ? `rgba(220, 38, 38, ${alpha(a * 10)})` : `rgba(22, 163, 74, ${alpha(a * 10)})` };
}

/** The confusion matrix, dense or pruned (true class by row), or their difference: the confusions pruning adds. */
export const ConfusionView = staggered(function ConfusionView({
  report,
  names,
}: {
  report: ForgetReport;
  names: string[];
}) {
  const t = useT();
  const [view, setView] = useState<View>('diff');
  const k = report.classes;
  if (k > MAX_MATRIX_CLASSES) return <p className="muted">{t('forget.confusion.tooMany', { n: k })}</p>;
  const value = (tr: number, p: number) => {
    const i = tr * k + p;
    return view === 'dense'
      ? report.dense.confusion[i]
      : view === 'pruned'
        ? report.pruned.confusion[i]
        : report.pruned.confusion[i] - report.dense.confusion[i];
  };
  return (
    <div className="forget-confusion" data-testid="forget.confusion" data-view={view}>
      <div className="forget-subhead">
        <h3>
          {t('forget.confusion.title')}{' '}
          <Help id="forget.confusion" label={t('forget.confusion.title')} text={t('forget.confusion.help')} />
        </h3>
        <div className="segmented" role="group" aria-label={t('forget.confusion.title')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              data-testid={`forget.confusion.${v}`}
              onClick={() => setView(v)}
            >
              {t(`forget.confusion.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="table-scroll">
        <table className="forget-matrix">
          <caption className="muted">{t('forget.confusion.axes')}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {names.map((nm, p) => (
                <th key={p} scope="col">
                  {nm}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((nm, tr) => (
              <tr key={tr}>
                <th scope="row">{nm}</th>
                {names.map((_, p) => {
                  const v = value(tr, p);
                  return (
                    <td
                      key={p}
                      data-testid={`forget.cell.${tr}.${p}`}
                      style={cellStyle(view, v, report.dense.count[tr], tr === p)}
                    >
                      {view === 'diff' && v > 0 ? `+${v}` : v === 0 && view === 'diff' ? '' : String(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
