import { staggered } from '../kit/staggered';
import { useMemo, useState } from 'react';
import { rowProbabilities, type ChangedExample, type ForgetReport } from '../../core/eval';
import { featureRow } from '../../state/store';
import { useAppState, useT } from '../kit/context';
import { pct, roughPct } from '../kit/format';
import { Help } from '../kit/Help';
import { StatsTable } from '../kit/StatsTable';
import { DigitImage } from './ExampleImage';

/** How many examples of each list are shown (the most changed first). */
export const SHOWN = { forgotten: 12, newlyRight: 4 } as const;
type Kind = keyof typeof SHOWN;
const KINDS = Object.keys(SHOWN) as Kind[];
/** How many of a table row's values are written out. */
const VALUES = 6;

function Example({
  e,
  sample,
  names,
  open,
  onOpen,
}: {
  e: ChangedExample;
  sample: number;
  names: string[];
  open: boolean;
  onOpen(): void;
}) {
  const t = useT();
  const forget = useAppState((s) => s.pruning.forget);
  const digit = useAppState((s) => s.dataset?.name === 'mnist');
  const values = useMemo(() => (forget ? featureRow(forget.val.features, e.index) : null), [forget, e.index]);
  if (!values) return null;
  const label = t('forget.example.label', {
    sample,
    label: names[e.label],
    dense: names[e.densePred],
    pruned: names[e.prunedPred],
  });
  return (
    <li>
      <button
        type="button"
        className="forget-example"
        aria-pressed={open}
        aria-label={label}
        data-testid={`forget.example.${e.index}`}
        onClick={onOpen}
      >
        {digit ? (
          <DigitImage values={values} />
        ) : (
          <span className="forget-values">
            {Array.from(values.subarray(0, VALUES), (v) => v.toFixed(2)).join(' ')}
            {values.length > VALUES ? ' …' : ''}
          </span>
        )}
        <span className="forget-example-caption">
          {t('forget.example.short', { dense: names[e.densePred], pruned: names[e.prunedPred] })}
        </span>
        <span className="forget-example-caption muted">
          {t('forget.example.p', { from: roughPct(e.pDense), to: roughPct(e.pPruned) })}
        </span>
      </button>
    </li>
  );
}

/** Class probabilities of one example, dense vs pruned. */
function Probabilities({
  row,
  sample,
  names,
  logits,
}: {
  row: number;
  sample: number;
  names: string[];
  logits: Float64Array;
}) {
  const t = useT();
  const forget = useAppState((s) => s.pruning.forget);
  if (!forget) return null;
  const dense = rowProbabilities(forget.denseLogits, row, forget.classes);
  const pruned = rowProbabilities(logits, row, forget.classes);
  const label = forget.val.y[row];
  return (
    <StatsTable
      testid="forget.probs"
      caption={t('forget.probs.caption', { sample, label: names[label] })}
      columns={[t('forget.col.class'), t('forget.col.dense'), t('forget.col.pruned')]}
    >
      {names.map((nm, c) => (
        <tr key={c} data-testid={`forget.prob.${c}`} className={c === label ? 'forget-true' : undefined}>
          <th scope="row">{nm}</th>
          <td>{pct(dense[c], 1)}</td>
          <td>{pct(pruned[c], 1)}</td>
        </tr>
      ))}
    </StatsTable>
  );
}

/**
 * The examples pruning forgot (dense right, pruned wrong) and the few it newly gets right, ranked by how far
 * the true class's probability moved; only the selected class's when one is selected. At the slider's rest.
 */
export const ForgetExamples = staggered(function ForgetExamples({
  report,
  names,
  selected,
  logits,
}: {
  report: ForgetReport;
  names: string[];
  selected: number;
  /** The pruned logits the report was made from, row-major `[n, classes]`. */
  logits: Float64Array;
}) {
  const t = useT();
  const samples = useAppState((s) => s.dataset?.valIndices);
  const [open, setOpen] = useState<number | null>(null);
  const of = (list: ChangedExample[]) => (selected < 0 ? list : list.filter((e) => e.label === selected));
  const forgotten = of(report.forgotten);
  const newly = of(report.newlyRight);
  const sample = (row: number) => samples?.[row] ?? row;
  const list = (kind: Kind, xs: ChangedExample[]) => (
    <div key={kind} className="forget-list" data-testid={`forget.${kind}`} data-count={xs.length}>
      <h4>{t(`forget.examples.${kind}`, { n: xs.length })}</h4>
      {xs.length === 0 ? (
        <p className="muted">{t('forget.examples.none')}</p>
      ) : (
        <ol className="forget-examples">
          {xs.slice(0, SHOWN[kind]).map((e) => (
            <Example
              key={e.index}
              e={e}
              sample={sample(e.index)}
              names={names}
              open={open === e.index}
              onOpen={() => setOpen(open === e.index ? null : e.index)}
            />
          ))}
        </ol>
      )}
    </div>
  );
  return (
    <div className="forget-examples-view">
      <div className="forget-subhead">
        <h3>
          {t('forget.examples.title')}{' '}
          <Help id="forget.examples" label={t('forget.examples.title')} text={t('forget.examples.help')} />
        </h3>
      </div>
      {KINDS.map((kind) => list(kind, kind === KINDS[0] ? forgotten : newly))}
      {open !== null && open < report.n && (
        <Probabilities row={open} sample={sample(open)} names={names} logits={logits} />
      )}
    </div>
  );
});
