import { useMemo } from 'react';
import { layerMeanScores, type Criterion } from '../core/criteria';
import { useAppState, useController, useT } from './context';
import { formatSci } from './format';
import { RichText } from './RichText';


/**
 * Why a layer collapsed, with this network's numbers, and one-click repairs: under one global threshold
 * the layer whose scores are smallest goes first (raw gradients differ by orders of magnitude between
 * layers); per-layer scope, or a criterion that scales with the weights, keeps every layer alive.
 */
export function CollapseHelp() {
  const c = useController();
  const t = useT();
  const criterion = useAppState((s) => s.settings.criterion);
  const scope = useAppState((s) => s.settings.scope);
  const granularity = useAppState((s) => s.settings.granularity);
  const layers = useAppState((s) => s.scoring?.layers);
  const seed = useAppState((s) => s.runConfig?.seed ?? 0);
  const mean = useMemo(() => (layers ? layerMeanScores(criterion, layers, seed) : []), [criterion, layers, seed]);
  if (!layers || scope !== 'global' || granularity !== 'weights') return null;
  const order = mean.map((m, l) => [m, l] as const).sort((a, b) => a[0] - b[0]);
  const [low, high] = [order[0], order[order.length - 1]];
  const repairs: { label: string; testid: string; apply: () => void }[] = [
    { label: t('collapse.repair.scope'), testid: 'collapse.repair.scope', apply: () => c.updateSettings({ scope: 'per-layer' }) },
    ...(['lamp', 'taylor', 'magnitude'] as Criterion[]).filter((k) => k !== criterion).map((k) => ({ label: t(`criterion.${k}.label`), testid: `collapse.repair.${k}`, apply: () => c.updateSettings({ criterion: k }) })),
  ];
  return (
    <div className="collapse-help" data-testid="collapse.why">
      <p>
        <RichText
          text={t('collapse.why', { criterion: t(`criterion.${criterion}.label`), low: layers[low[1]].name, lowMean: formatSci(low[0]), high: layers[high[1]].name, highMean: formatSci(high[0]), ratio: formatSci(high[0] / low[0]) })}
        />
      </p>
      <p>
        {t('collapse.try')}{' '}
        {repairs.map((r, i) => (
          <span key={r.testid}>
            {i > 0 && ' · '}
            <button type="button" className="link" data-testid={r.testid} onClick={r.apply}>
              {r.label}
            </button>
          </span>
        ))}
      </p>
    </div>
  );
}
