import type { Criterion } from '../../core/prune';
import { REPAIR_TOLERANCE, shownRepair } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { RichText } from '../kit/RichText';

/**
 * What the last one-click repair changed and why, with the sparsity and validation accuracy before → after
 * (the pruning panel's numbers, rounded as it rounds them), and an Undo that restores the settings it
 * changed. Shown while those settings are the ones on screen.
 */
export function RepairNote() {
  const c = useController();
  const t = useT();
  const applied = useAppState(shownRepair);
  const view = useAppState((s) => s.pruning.view);
  const dense = useAppState((s) => s.pruning.dense?.val.accuracy);
  const classes = useAppState((s) => s.scoring?.layers.at(-1)?.units ?? 0);
  if (!applied || !view || dense === undefined) return null;
  const { plan, before } = applied;
  const criterion = (k: Criterion) => t(`criterion.${k}.label`);
  const change =
    plan.kind === 'scope'
      ? t('repair.change.scope')
      : t('repair.change.criterion', { from: criterion(before.settings.criterion), to: criterion(plan.kind) });
  // With neuron granularity the target sparsity counts hidden units (the panel's sparsity counts weights).
  const level =
    plan.level === null
      ? ''
      : before.settings.granularity === 'neurons'
        ? t('repair.level.units', { pct: pct(plan.level) })
        : pct(plan.level);
  const values = {
    change,
    tol: REPAIR_TOLERANCE * 100,
    dense: pct(dense, 2),
    sparsity: pct(before.sparsity),
    atCurrent: pct(plan.atCurrent.accuracy, 2),
    chance: pct(classes ? 1 / classes : NaN, 0),
    level,
  };
  const why =
    plan.level === null
      ? 'repair.kept'
      : !plan.close
        ? 'repair.far'
        : before.settings.mode === 'threshold'
          ? 'repair.moved.threshold'
          : 'repair.moved.sparsity';
  return (
    <div className="notice repair-note" data-testid="repair.note" data-kind={plan.kind}>
      <p>
        <RichText text={t(why, values)} />
      </p>
      <p className="repair-change">
        <span data-testid="repair.beforeAfter">
          <RichText
            text={t('repair.beforeAfter', {
              sBefore: pct(before.sparsity),
              sAfter: pct(view.report.sparsity),
              aBefore: pct(before.accuracy, 2),
              aAfter: pct(view.val.accuracy, 2),
            })}
          />
        </span>
        <button type="button" data-testid="repair.undo" onClick={c.undoRepair}>
          {t('repair.undo')}
        </button>
      </p>
    </div>
  );
}
