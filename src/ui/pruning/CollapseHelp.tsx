import { useEffect, useMemo } from 'react';
import { layerMeanScores } from '../../core/prune';
import { previewKey, REPAIR_TOLERANCE, repairsFor, type RepairKind, type RepairPlan } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { formatSci, pct } from '../kit/format';
import { RichText } from '../kit/RichText';

/**
 * Why a layer collapsed, with this network's numbers, and one-click repairs: under one global threshold
 * the layer whose scores are smallest goes first (raw gradients differ by orders of magnitude between
 * layers); per-layer scope, or a criterion that scales with the weights, keeps every layer alive. Beside
 * each repair, what it leads to (worked out once the settings rest): a repair that cannot keep this
 * sparsity also lowers it, to stay close to the dense network.
 */
export function CollapseHelp() {
  const c = useController();
  const t = useT();
  const settings = useAppState((s) => s.settings);
  const layers = useAppState((s) => s.scoring?.layers);
  const seed = useAppState((s) => s.runConfig?.seed ?? 0);
  const loadId = useAppState((s) => s.pruning.loadId);
  const dense = useAppState((s) => s.pruning.dense?.val.accuracy);
  const previews = useAppState((s) => s.repair.previews);
  const { criterion, scope, granularity } = settings;
  const mean = useMemo(() => (layers ? layerMeanScores(criterion, layers, seed) : []), [criterion, layers, seed]);
  const key = previewKey(loadId, settings);
  const shown = !!layers && scope === 'global' && granularity !== '2:4';
  useEffect(() => {
    if (shown) c.previewRepairs();
  }, [c, key, shown]);
  if (!shown || dense === undefined) return null;
  // Neurons: only hidden units are pruned, so the comparison is between the hidden layers.
  const compared = granularity === 'neurons' ? mean.slice(0, -1) : mean;
  const order = compared.map((m, l) => [m, l] as const).sort((a, b) => a[0] - b[0]);
  const [low, high] = [order[0], order[order.length - 1]];
  const plans = previews?.key === key ? previews.plans : {};
  const label = (k: RepairKind) => t(k === 'scope' ? 'collapse.repair.scope' : `criterion.${k}.label`);
  const outcome = (p: RepairPlan | undefined) => {
    if (!p) return t('collapse.repair.pending');
    const values = {
      sparsity: pct(p.result.sparsity),
      accuracy: pct(p.result.accuracy, 2),
      tol: REPAIR_TOLERANCE * 100,
    };
    return t(p.close ? 'collapse.repair.outcome' : 'collapse.repair.outcome.far', values);
  };
  return (
    <div className="collapse-help" data-testid="collapse.why">
      {order.length > 1 && (
        <p>
          <RichText
            text={t('collapse.why', {
              criterion: t(`criterion.${criterion}.label`),
              low: layers[low[1]].name,
              lowMean: formatSci(low[0]),
              high: layers[high[1]].name,
              highMean: formatSci(high[0]),
              ratio: formatSci(high[0] / low[0]),
            })}
          />
        </p>
      )}
      <p>{t('collapse.try', { tol: REPAIR_TOLERANCE * 100, dense: pct(dense, 2) })}</p>
      <ul className="repair-list">
        {repairsFor(settings).map((k) => {
          const p = plans[k];
          return (
            <li key={k}>
              <button
                type="button"
                className="link"
                data-testid={`collapse.repair.${k}`}
                onClick={() => c.applyRepair(k)}
              >
                {label(k)}
              </button>{' '}
              <span
                className="muted"
                data-testid={`collapse.outcome.${k}`}
                data-sparsity={p?.result.sparsity ?? ''}
                data-accuracy={p?.result.accuracy ?? ''}
              >
                {outcome(p)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
