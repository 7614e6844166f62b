import { useId } from 'react';
import { classNamesOf, forgetOf, selectedClass } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { FieldLabel, helpId } from '../kit/Help';
import { ClassCurves } from './ClassCurves';
import { ClassTable } from './ClassTable';
import { ConfusionView } from './ConfusionView';
import { ForgetExamples } from './ForgetExamples';

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

/**
 * What pruning forgets (Hooker et al. 2019): the average accuracy hides where the damage lands. Per class
 * at the slider, each class's curve, the confusions pruning adds, and the examples it forgot. All of it
 * follows the slider live: the page's evaluator already has the logits (see `forgetState.ts`).
 */
export function ForgetPanel() {
  const t = useT();
  const report = useAppState((s) => forgetOf(s.pruning));
  const dataset = useAppState((s) => s.dataset);
  const wanted = useAppState((s) => s.settings.forgetClass);
  const names = report ? classNamesOf(dataset, report.classes) : [];
  const selected = selectedClass(wanted, names.length);
  return (
    <section className="panel forget" aria-labelledby="forget-title" data-testid="forget">
      <h2 id="forget-title">{t('forget.title')}</h2>
      {!report ? (
        <p className="muted">{t('forget.idle')}</p>
      ) : (
        <>
          <p className="forget-lead">{t('forget.lead')}</p>
          <p
            data-testid="forget.summary"
            data-forgotten={report.forgotten.length}
            data-newly={report.newlyRight.length}
          >
            {t('forget.summary', { forgotten: report.forgotten.length, newly: report.newlyRight.length, n: report.n })}
          </p>
          <ClassChoice names={names} selected={selected} />
          <ClassTable report={report} names={names} selected={selected} />
          <ForgetExamples report={report} names={names} selected={selected} />
          <ConfusionView report={report} names={names} />
          <ClassCurves names={names} selected={selected} />
        </>
      )}
    </section>
  );
}
