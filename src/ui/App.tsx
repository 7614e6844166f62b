import type { ReactNode } from 'react';
import type { Panel } from '../state/flags';
import { stepIndex, TOUR_STEPS } from '../state/tour';
import { AboutArticle } from './AboutArticle';
import { EmbedApp } from './EmbedApp';
import { useDocument } from './useDocument';
import { HeaderControls } from './HeaderControls';
import { PruneBar } from './PruneBar';
import { Tour } from './Tour';
import { BackendBadge } from './BackendBadge';
import { useAppState, useT } from './context';
import { ControlsPanel } from './ControlsPanel';
import { Curves } from './Curves';
import { ArticleCodePanel } from './ArticleCodePanel';
import { ExperimentsPanel } from './ExperimentsPanel';
import { TicketsPanel } from './TicketsPanel';
import { GradualPanel } from './GradualPanel';
import { ExportPanel } from './ExportPanel';
import { GradientSummary } from './GradientSummary';
import { Heatmaps } from './Heatmaps';
import { HowItWorks } from './HowItWorks';
import { Notices } from './Notices';
import { ProgressPanel } from './ProgressPanel';
import { PruningPanel } from './PruningPanel';
import { SensitivityChart } from './SensitivityChart';
import { SparsityChart } from './SparsityChart';
import { SpeedPanel } from './SpeedPanel';
import { UserDataPanel } from './UserDataPanel';

/** What presenter mode shows without the tour: the heatmaps, the slider and its numbers, the chart. */
const PRESENT_PANELS: readonly Panel[] = ['heatmaps', 'pruning', 'chart'];

/**
 * Renders its children unless the URL's `hide=` flag names the panel (classroom mode), or presenter
 * mode shows other panels (those of the tour's step, else PRESENT_PANELS).
 */
function Shown({ panel, children }: { panel: Panel; children: ReactNode }) {
  const hidden = useAppState((s) => {
    if (s.flags.hide.includes(panel)) return true;
    if (!s.flags.present) return false;
    const shown = s.flags.tour === null ? PRESENT_PANELS : TOUR_STEPS[stepIndex(s.flags.tour)].panels;
    return !shown.includes(panel);
  });
  return hidden ? null : children;
}

export function App() {
  useDocument();
  const embed = useAppState((s) => s.flags.embed);
  return embed ? <EmbedApp view={embed} /> : <FullApp />;
}

function FullApp() {
  const t = useT();
  const present = useAppState((s) => s.flags.present);
  const touring = useAppState((s) => s.flags.tour !== null);
  return (
    <div className={`app${present ? ' present' : ''}${touring ? ' touring' : ''}`}>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <BackendBadge />
        <HeaderControls />
      </header>
      <AboutArticle />
      <PruneBar />
      <Notices />
      <main className="layout">
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
          <Shown panel="heatmaps">
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
        <div className="col-right">
          {/* Presenter mode: the tour's text beside the heatmaps, above the slider and its numbers. */}
          {present && <Tour />}
          <Shown panel="pruning">
            <PruningPanel />
          </Shown>
          <Shown panel="experiments">
            <ExperimentsPanel />
            <TicketsPanel />
            <GradualPanel />
            <ArticleCodePanel />
          </Shown>
          <Shown panel="export">
            <ExportPanel />
          </Shown>
        </div>
      </main>
      {!present && <Tour />}
    </div>
  );
}
