import { sliderTargetLabel } from '../../state/experiments';
import { useAppState, useT } from '../kit/context';
import { pct } from '../kit/format';

/**
 * A button's label with the slider's sparsity (to whole percents), subscribed by itself: a slider move
 * re-renders this text, not the panel around it.
 */
export function TargetLabel({ id }: { id: 'tickets.snip' | 'experiments.iterative' | 'experiments.movement' }) {
  const t = useT();
  const target = useAppState(sliderTargetLabel);
  return <>{t(id, { sparsity: pct(target, 0) })}</>;
}
