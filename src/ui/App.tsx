import type { ReactNode } from 'react';
import type { Panel } from '../state/flags';
import { BackendBadge } from './BackendBadge';
import { useAppState } from './context';
import { ControlsPanel } from './ControlsPanel';
import { Curves } from './Curves';
import { ArticleCodePanel } from './ArticleCodePanel';
import { ExperimentsPanel } from './ExperimentsPanel';
import { ExportPanel } from './ExportPanel';
import { GradientSummary } from './GradientSummary';
import { Heatmaps } from './Heatmaps';
import { HowItWorks } from './HowItWorks';
import { Notices } from './Notices';
import { ProgressPanel } from './ProgressPanel';
import { PruningPanel } from './PruningPanel';
import { SensitivityChart } from './SensitivityChart';
import { SparsityChart } from './SparsityChart';

/** Renders its children unless the URL's `hide=` flag names the panel (classroom mode). */
function Shown({ panel, children }: { panel: Panel; children: ReactNode }) {
  const hidden = useAppState((s) => s.flags.hide.includes(panel));
  return hidden ? null : children;
}

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Gradient Pruning Lab</h1>
        <BackendBadge />
      </header>
      <Notices />
      <main className="layout">
        <div className="col-left">
          <Shown panel="training">
            <ControlsPanel />
          </Shown>
          <Shown panel="progress">
            <ProgressPanel />
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
          <Shown panel="stats">
            <GradientSummary />
          </Shown>
        </div>
        <div className="col-right">
          <Shown panel="pruning">
            <PruningPanel />
          </Shown>
          <Shown panel="experiments">
            <ExperimentsPanel />
            <ArticleCodePanel />
          </Shown>
          <Shown panel="export">
            <ExportPanel />
          </Shown>
        </div>
      </main>
    </div>
  );
}
