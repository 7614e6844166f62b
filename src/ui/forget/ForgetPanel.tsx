import { useId, useMemo } from 'react';
import { classNamesOf, forgetOf, selectedClass } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { FieldLabel, helpId } from '../kit/Help';
import { ClassCurves } from './ClassCurves';
import { ClassTable } from './ClassTable';
import { ConfusionView } from './ConfusionView';
import { ForgetExamples } from './ForgetExamples';
import { useRested } from './useRested';
import { KeptWhileHidden } from '../kit/KeptWhileHidden';

/** The class to look at: every class, or one (the curves and the examples follow it; a link keeps it). */
function ClassChoice({ names, selected }: { names: string[]; selected: number }) {
  const t = useT();
  const c = useController();
  const id = useId();
  return (
    <div className="field forget-class-choice">
      <FieldLabel
        htmlFor={id}
        label={t('setting.forgetClass.label')}
        help={t('setting.forgetClass.help')}
        helpKey="forgetClass"
      />
      <select
        id={id}
        value={selected}
        aria-describedby={helpId('forgetClass')}
        data-testid="forget.class"
        onChange={(e) => c.updateSettings({ forgetClass: Number(e.target.value) })}
      >
        <option value={-1}>{t('forget.class.all')}</option>
        {names.map((nm, k) => (
          <option key={k} value={k}>
            {nm}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Validation samples per class, from the labels (once per network). */
const countsOf = (y: Uint8Array, n: number, classes: number) => {
  const count = new Array<number>(classes).fill(0);
  for (let r = 0; r < n; r++) count[y[r]]++;
  return count;
};

/**
 * What pruning forgets (Hooker et al. 2019): the average accuracy hides where the damage lands. Per class,
 * live in the frame of each slider move (the evaluators' per-class figures); the examples it forgot, the
 * confusion matrix and each class's curve once the slider rests (`useRested`): the forward pass's logits
 * are there for every move, but repainting those views in every move's frame doubled the slider's latency
 * (docs: the A/B in the report of issue 29), so they follow the slider on release.
 */
export function ForgetPanel() {
  const t = useT();
  const forget = useAppState((s) => s.pruning.forget);
  const view = useAppState((s) => s.pruning.view);
  const denseVal = useAppState((s) => s.pruning.dense?.val);
  const dataset = useAppState((s) => s.dataset);
  const wanted = useAppState((s) => s.settings.forgetClass);
  const rested = useRested(view);
  const report = useMemo(() => forgetOf({ forget, view: rested }), [forget, rested]);
  const count = useMemo(() => (forget ? countsOf(forget.val.y, forget.val.n, forget.classes) : []), [forget]);
  const ready = forget && view && denseVal && view.val.perClass.length === forget.classes && report;
  const classes = forget?.classes ?? 0;
  const names = useMemo(() => classNamesOf(dataset, classes), [dataset, classes]);
  const selected = selectedClass(wanted, names.length);
  const stale = rested !== view;
  // What the panel shows, kept (hidden) while a new network trains: see KeptWhileHidden.
  const shown = useMemo(
    () =>
      ready ? { denseVal, perClass: view.val.perClass, count, names, selected, stale, report, rested: rested! } : null,
    [ready, denseVal, view, count, names, selected, stale, report, rested],
  );
  return (
    <section className="panel forget" aria-labelledby="forget-title" data-testid="forget">
      <h2 id="forget-title">{t('forget.title')}</h2>
      {!ready && <p className="muted">{t('forget.idle')}</p>}
      <KeptWhileHidden props={shown} render={(p) => <ForgetContent {...p} />} />
    </section>
  );
}

/** The panel's content for one network: the per-class table, then what follows the resting slider. */
function ForgetContent({
  denseVal,
  perClass,
  count,
  names,
  selected,
  stale,
  report,
  rested,
}: {
  denseVal: { perClass: number[] };
  perClass: number[];
  count: number[];
  names: string[];
  selected: number;
  stale: boolean;
  report: NonNullable<ReturnType<typeof forgetOf>>;
  rested: { logits: Float64Array; report: { sparsity: number } };
}) {
  const t = useT();
  return (
    <>
      <p className="forget-lead">{t('forget.lead')}</p>
      <ClassChoice names={names} selected={selected} />
      <ClassTable figures={{ dense: denseVal.perClass, pruned: perClass, count }} names={names} selected={selected} />
      <div className={stale ? 'forget-rested stale' : 'forget-rested'} data-stale={stale}>
        <p data-testid="forget.summary" data-forgotten={report.forgotten.length} data-newly={report.newlyRight.length}>
          {t('forget.summary', { forgotten: report.forgotten.length, newly: report.newlyRight.length, n: report.n })}
        </p>
        <ForgetExamples report={report} names={names} selected={selected} logits={rested.logits} />
        <ConfusionView report={report} names={names} />
        <ClassCurves names={names} selected={selected} at={rested.report.sparsity ?? 0} />
      </div>
    </>
  );
}
