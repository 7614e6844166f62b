import { useEffect, useState } from 'react';
import { useAppState, useT } from '../kit/context';
import { pct } from '../kit/format';
import { mediaStore, useMedia } from '../kit/mediaQuery';
import { useSliderModel } from './ThresholdSlider';

/** Where the pruning panel no longer sits beside the heatmaps (the layout's breakpoint in styles.css). */
const narrowStore = mediaStore('(max-width: 1180px)');

/**
 * Whether the pruning panel's own slider is out of the viewport (scrolled away, on a wide screen: the
 * chart is below the heatmaps). Follows it with an IntersectionObserver, from when pruning is ready.
 */
function useSliderAway(ready: boolean): boolean {
  const [away, setAway] = useState(false);
  useEffect(() => {
    const el = ready ? document.querySelector('[data-testid="controls.threshold"]') : null;
    if (!el) return setAway(false);
    const io = new IntersectionObserver(([e]) => setAway(!e.isIntersecting));
    io.observe(el);
    return () => io.disconnect();
  }, [ready]);
  return away;
}

/**
 * A compact bar stuck to the top of the viewport: the slider and its key numbers (sparsity, validation
 * accuracy against the dense network), so a drag and what it does to the heatmaps and the chart are in
 * view together. On narrow screens always (the pruning panel is not beside the heatmaps); on wide ones
 * while the pruning panel's own slider is scrolled away. Rendered only then (a slider move costs
 * nothing more while the panel's slider is in view), and not in presenter mode (its stage shows both).
 */
export function PruneBar() {
  const narrow = useMedia(narrowStore);
  const show = useAppState((s) => s.pruning.status === 'ready' && !s.flags.present);
  const away = useSliderAway(show && !narrow);
  return (narrow || away) && show ? <Bar /> : null;
}

function Bar() {
  const t = useT();
  const m = useSliderModel();
  const view = useAppState((s) => s.pruning.view);
  const dense = useAppState((s) => s.pruning.dense);
  return (
    <div className="prune-bar" data-testid="bar">
      <input
        type="range"
        min={0}
        max={m.max}
        step={1}
        value={m.position}
        disabled={!m.ready}
        aria-label={m.label}
        aria-valuetext={m.valueText}
        // Out of the Tab order: it duplicates the pruning panel's slider, and it comes and goes with the
        // scroll that moving the focus causes, so a Tab could land on it just before it goes (focus lost).
        tabIndex={-1}
        data-testid="bar.threshold"
        onChange={(e) => m.move(Number(e.target.value))}
        onPointerUp={m.release}
        onKeyUp={m.release}
      />
      <span className="prune-bar-numbers" aria-hidden="true">
        <span data-testid="bar.sparsity">{view ? t('bar.pruned', { pct: pct(view.report.sparsity) }) : '…'}</span>
        <span data-testid="bar.accuracy">
          {view && dense
            ? t('bar.accuracy', { pct: pct(view.val.accuracy, 2), dense: pct(dense.val.accuracy, 2) })
            : ''}
        </span>
      </span>
    </div>
  );
}
