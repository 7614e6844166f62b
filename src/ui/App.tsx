import { useEffect, type ReactNode } from 'react';
import type { Panel } from '../state/store';
import { stepIndex, TOUR_STEPS, type StagePanel } from '../state/tour/tour';
import { AboutArticle } from './AboutArticle';
import { EmbedApp } from './EmbedApp';
import { Lagged } from './kit/lagged';
import { useDocument } from './kit/useDocument';
import { HeaderControls } from './HeaderControls';
import { PruneBar } from './pruning/PruneBar';
import { Tour } from './tour/Tour';
import { BackendBadge } from './training/BackendBadge';
import { useAppState, useT } from './kit/context';
import { ControlsPanel } from './training/ControlsPanel';
import { Curves } from './training/Curves';
import { ArticleCodePanel } from './experiments/ArticleCodePanel';
import { ExperimentsPanel } from './experiments/ExperimentsPanel';
import { TicketsPanel } from './experiments/TicketsPanel';
import { GradualPanel } from './experiments/GradualPanel';
import { ExportPanel } from './export/ExportPanel';
import { GradientSummary } from './pruning/GradientSummary';
import { Heatmaps } from './pruning/Heatmaps';
import { HowItWorks } from './HowItWorks';
import { Notices } from './Notices';
import { ProgressPanel } from './training/ProgressPanel';
import { PruningPanel } from './pruning/PruningPanel';
import { ForgetPanel } from './forget/ForgetPanel';
import { SensitivityChart } from './pruning/SensitivityChart';
import { SparsityChart } from './pruning/SparsityChart';
import { SpeedPanel } from './speed/SpeedPanel';
import { UserDataPanel } from './data/UserDataPanel';

/** What presenter mode shows without the tour: the chart and the heatmaps, the slider and its numbers. */
const PRESENT_PANELS: readonly StagePanel[] = ['chart', 'heatmaps', 'pruning'];

/**
 * Renders its children unless the URL's `hide=` flag names the panel (classroom mode), or presenter
 * mode shows other panels (those of the tour's step, else PRESENT_PANELS). `stage` names a single panel
 * of a group for presenter mode (the article's code within the experiments). A panel follows the store
 * a task later, in a task of its own (`Lagged`), unless it is `live`: what a slider move changes in the
 * move's own frame (the heatmaps, the pruned numbers, the per-class table).
 */
function Shown({
  panel,
  stage = panel,
  live = false,
  children,
}: {
  panel: Panel;
  stage?: StagePanel;
  live?: boolean;
  children: ReactNode;
}) {
  const hidden = useAppState((s) => {
    if (s.flags.hide.includes(panel)) return true;
    if (!s.flags.present) return false;
    const shown = s.flags.tour === null ? PRESENT_PANELS : TOUR_STEPS[stepIndex(s.flags.tour)].panels;
    return !shown.includes(stage);
  });
  return hidden ? null : live ? children : <Lagged>{children}</Lagged>;
}

export function App() {
  useDocument();
  const embed = useAppState((s) => s.flags.embed);
  return embed ? <EmbedApp view={embed} /> : <FullApp />;
}

/** Presenter mode's zoom: a screen larger than 1280×720 shows the same stage, larger (styles.css). */
function useStageZoom(present: boolean) {
  useEffect(() => {
    if (!present) return;
    const root = document.documentElement;
    const fit = () =>
      root.style.setProperty('--stage-zoom', String(Math.max(1, Math.min(innerWidth / 1280, innerHeight / 720))));
    fit();
    addEventListener('resize', fit);
    return () => {
      removeEventListener('resize', fit);
      root.style.removeProperty('--stage-zoom');
    };
  }, [present]);
}

function FullApp() {
  const t = useT();
  const present = useAppState((s) => s.flags.present);
  useStageZoom(present);
  const touring = useAppState((s) => s.flags.tour !== null);
  return (
    <div className={`app${present ? ' present' : ''}${touring ? ' touring' : ''}`}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <BackendBadge />
        <HeaderControls />
      </header>
      {!present && (
        <Lagged>
          <AboutArticle />
        </Lagged>
      )}
      <PruneBar />
      <Notices />
      {/* Presenter mode: a stage of the screen's height, the step's wide panels in a column that scrolls by
          itself, the card and the pruning panel beside it (the wrappers are `display: contents` otherwise). */}
      <main className="layout">
        <div className="stage-main">
          <div className="col-left">
            <Shown panel="training">
              <ControlsPanel />
            </Shown>
            <Shown panel="progress">
              <ProgressPanel />
            </Shown>
            <Shown panel="data">
              <UserDataPanel />
            </Shown>
            <Shown panel="curves">
              <Curves />
            </Shown>
            <Shown panel="how">
              <HowItWorks />
            </Shown>
          </div>
          <div className="col-main">
            <Shown panel="heatmaps" live>
              <Heatmaps />
            </Shown>
            <Shown panel="chart">
              <SparsityChart />
            </Shown>
            <Shown panel="sensitivity">
              <SensitivityChart />
            </Shown>
            <Shown panel="speed">
              <SpeedPanel />
            </Shown>
            <Shown panel="stats">
              <GradientSummary />
            </Shown>
          </div>
        </div>
        <div className="col-right">
          {/* Presenter mode: the tour's text beside the heatmaps, above the slider and its numbers. */}
          {present && <Tour />}
          <div className="side-scroll">
            <Shown panel="pruning" live>
              <PruningPanel />
            </Shown>
            <Shown panel="forget" live>
              <ForgetPanel />
            </Shown>
            <Shown panel="experiments">
              <ExperimentsPanel />
            </Shown>
            <Shown panel="experiments" stage="tickets">
              <TicketsPanel />
            </Shown>
            <Shown panel="experiments" stage="gradual">
              <GradualPanel />
            </Shown>
            <Shown panel="experiments" stage="article">
              <ArticleCodePanel />
            </Shown>
            <Shown panel="export">
              <ExportPanel />
            </Shown>
          </div>
        </div>
      </main>
      {!present && <Tour />}
    </div>
  );
}
