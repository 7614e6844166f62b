import { useEffect, useRef, type ReactNode } from 'react';
import type { EmbedView, Panel } from '../state/store';
import { hashOf } from '../state/links/links';
import { openStep, stepIndex, TOUR_STEPS, type StagePanel } from '../state/tour/tour';
import { ArticleCodePanel } from './experiments/ArticleCodePanel';
import { useAppState, useController, useT } from './kit/context';
import { Curves } from './training/Curves';
import { ExperimentsPanel } from './experiments/ExperimentsPanel';
import { GradientSummary } from './pruning/GradientSummary';
import { Heatmaps } from './pruning/Heatmaps';
import { Notices } from './Notices';
import { ProgressPanel } from './training/ProgressPanel';
import { PruneNumbers } from './pruning/PruneNumbers';
import { SparsityChart } from './pruning/SparsityChart';
import { ThresholdSlider } from './pruning/ThresholdSlider';
import { Tour } from './tour/Tour';

/** The message an embed sends its parent page whenever its content height changes (see the README). */
export interface EmbedHeightMessage {
  type: 'gpl:height';
  view: EmbedView;
  height: number;
}

/** The slider and its numbers, as the figure shows them. */
function SliderPanel() {
  return (
    <section className="panel embed-slider" data-testid="pruning">
      <ThresholdSlider />
      <PruneNumbers />
    </section>
  );
}

const PANELS: Partial<Record<StagePanel, () => ReactNode>> = {
  heatmaps: () => <Heatmaps />,
  pruning: () => <SliderPanel />,
  chart: () => <SparsityChart />,
  stats: () => <GradientSummary />,
  curves: () => <Curves />,
  progress: () => <ProgressPanel />,
  experiments: () => <ExperimentsPanel />,
  article: () => <ArticleCodePanel />,
};
const VIEW_PANELS: Record<Exclude<EmbedView, 'tour'>, Panel[]> = {
  prune: ['heatmaps', 'pruning'],
  chart: ['chart', 'pruning'],
};

/** The link that opens this figure's state in the full lab (its settings, language and tour step). */
function fullLabHref(hash: string): string {
  const q = new URLSearchParams(location.search);
  q.delete('embed');
  q.delete('theme');
  const search = q.toString();
  return `${location.pathname}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}

/**
 * The embeddable figure (`#embed=prune|chart|tour`): one view on the network a link opens (a pre-trained
 * snapshot by default), a link to the full lab, and its content height posted to the parent page so a
 * small script there can size the iframe.
 */
export function EmbedApp({ view }: { view: EmbedView }) {
  const c = useController();
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const step = useAppState((s) => s.flags.tour);
  const settings = useAppState((s) => s.settings);
  const flags = useAppState((s) => s.flags);
  const origin = useAppState((s) => s.origin);
  const href = fullLabHref(hashOf(settings, { ...flags, embed: null, theme: 'auto' }, origin));
  useEffect(() => {
    if (view === 'tour' && step === null) openStep(c, 1);
  }, [c, view, step]);
  useEffect(() => {
    const el = root.current;
    if (!el || window.parent === window) return;
    let last = -1;
    const post = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: EmbedHeightMessage = { type: 'gpl:height', view, height };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(el);
    post();
    return () => observer.disconnect();
  }, [view]);
  const panels = view === 'tour' ? (step === null ? [] : TOUR_STEPS[stepIndex(step)].panels) : VIEW_PANELS[view];
  return (
    <div ref={root} className={`embed embed-${view}`} data-testid="embed" data-view={view}>
      <header className="embed-header">
        <strong>{t('app.title')}</strong>
        <a href={href} target="_blank" rel="noopener" data-testid="embed.open">
          {t('embed.open')}
        </a>
      </header>
      <Notices />
      {view === 'tour' && <Tour />}
      <div className="embed-panels">
        {panels.map((p) => (
          <div key={p} className={`embed-panel embed-panel-${p}`}>
            {PANELS[p]?.()}
          </div>
        ))}
      </div>
    </div>
  );
}
