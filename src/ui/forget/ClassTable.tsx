import { mostLostBy } from '../../core/eval';
import { useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { StatsTable } from '../kit/StatsTable';

export interface ClassFigures {
  /** Validation accuracy per class, dense and at the slider (the evaluators' own `perClass`; NaN: no samples). */
  dense: readonly number[];
  pruned: readonly number[];
  /** Validation samples per class. */
  count: readonly number[];
}

/**
 * Validation accuracy per class, dense and pruned, and the change; the classes that lose most are marked.
 * Read from the figures the slider's evaluation already has, so it follows the slider in the frame of its
 * input. A row's button selects its class (the curves and the examples follow it).
 */
export function ClassTable({ figures, names, selected }: { figures: ClassFigures; names: string[]; selected: number }) {
  const t = useT();
  const c = useController();
  const { dense, pruned, count } = figures;
  const lost = mostLostBy(dense, pruned);
  return (
    <StatsTable
      testid="forget.classes"
      className="forget-classes"
      columns={[
        t('forget.col.class'),
        t('forget.col.dense'),
        t('forget.col.pruned'),
        t('forget.col.delta'),
        t('forget.col.bar'),
      ]}
    >
      {names.map((name, k) => {
        const a = dense[k];
        const b = pruned[k];
        const d = (b - a) * 100;
        const marked = lost.includes(k);
        return (
          <tr
            key={k}
            data-testid={`forget.class.${k}`}
            data-dense={Math.round(a * count[k])}
            data-pruned={Math.round(b * count[k])}
            data-count={count[k]}
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
