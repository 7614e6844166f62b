import { mostLost, type ForgetReport } from '../../core/eval';
import { useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { StatsTable } from '../kit/StatsTable';

/**
 * Validation accuracy per class, dense and pruned, and the change; the classes that lose most are marked.
 * A row's button selects its class (the curves and the examples follow it).
 */
export function ClassTable({ report, names, selected }: { report: ForgetReport; names: string[]; selected: number }) {
  const t = useT();
  const c = useController();
  const lost = mostLost(report);
  const { dense, pruned } = report;
  return (
    <StatsTable
      testid="forget.classes"
      className="forget-classes"
      columns={[t('forget.col.class'), t('forget.col.dense'), t('forget.col.pruned'), 'Δ', t('forget.col.bar')]}
    >
      {names.map((name, k) => {
        const n = dense.count[k];
        const a = n ? dense.correct[k] / n : NaN;
        const b = n ? pruned.correct[k] / n : NaN;
        const d = (b - a) * 100;
        const marked = lost.includes(k);
        return (
          <tr
            key={k}
            data-testid={`forget.class.${k}`}
            data-dense={dense.correct[k]}
            data-pruned={pruned.correct[k]}
            data-count={n}
            data-lost={marked}
            data-worst={lost[0] === k}
            className={`${marked ? 'forget-lost' : ''}${selected === k ? ' forget-selected' : ''}`.trim() || undefined}
          >
            <th scope="row">
              <button
                type="button"
                className="link"
                aria-pressed={selected === k}
                onClick={() => c.updateSettings({ forgetClass: selected === k ? -1 : k })}
              >
                {name}
              </button>
            </th>
            <td>{pct(a, 1)}</td>
            <td>{pct(b, 1)}</td>
            <td>
              {Number.isFinite(d) ? t('forget.delta', { sign: d >= 0 ? '+' : '−', d: Math.abs(d).toFixed(1) }) : ''}
            </td>
            <td className="forget-bar-cell" aria-hidden="true">
              <span className="forget-bar forget-bar-dense" style={{ width: `${(a || 0) * 100}%` }} />
              <span className="forget-bar forget-bar-pruned" style={{ width: `${(b || 0) * 100}%` }} />
            </td>
          </tr>
        );
      })}
    </StatsTable>
  );
}
