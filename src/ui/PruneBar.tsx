import { useAppState, useT } from './context';
import { pct } from './format';
import { mediaStore, useMedia } from './mediaQuery';
import { useSliderModel } from './ThresholdSlider';

/** Where the pruning panel no longer sits beside the heatmaps (the layout's breakpoint in styles.css). */
const narrowStore = mediaStore('(max-width: 1180px)');

/**
 * On narrow screens, a compact bar stuck to the top of the viewport: the slider and its key numbers
 * (sparsity, validation accuracy against the dense network) stay in view over the heatmaps and the chart.
 * Rendered only there (a slider move costs nothing on a wide screen), and not in presenter mode.
 */
export function PruneBar() {
  const narrow = useMedia(narrowStore);
  const show = useAppState((s) => s.pruning.status === 'ready' && !s.flags.present);
  return narrow && show ? <Bar /> : null;
}

function Bar() {
  const t = useT();
  const m = useSliderModel();
  const view = useAppState((s) => s.pruning.view);
  const dense = useAppState((s) => s.pruning.dense);
  return (
    <div className="prune-bar" data-testid="bar">
      <input type="range" min={0} max={m.max} step={1} value={m.position} disabled={!m.ready} aria-label={m.label} aria-valuetext={m.valueText} data-testid="bar.threshold" onChange={(e) => m.move(Number(e.target.value))} onPointerUp={m.release} onKeyUp={m.release} />
      <span className="prune-bar-numbers" aria-hidden="true">
        <span data-testid="bar.sparsity">{view ? t('bar.pruned', { pct: pct(view.report.sparsity) }) : '…'}</span>
        <span data-testid="bar.accuracy">{view && dense ? t('bar.accuracy', { pct: pct(view.val.accuracy, 2), dense: pct(dense.val.accuracy, 2) }) : ''}</span>
      </span>
    </div>
  );
}
