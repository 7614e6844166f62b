import { BackendBadge } from './BackendBadge';
import { ControlsPanel } from './ControlsPanel';
import { Curves } from './Curves';
import { GradientSummary } from './GradientSummary';
import { Heatmaps } from './Heatmaps';
import { HowItWorks } from './HowItWorks';
import { Notices } from './Notices';
import { ProgressPanel } from './ProgressPanel';
import { PruningPanel } from './PruningPanel';
import { ExperimentsPanel } from './ExperimentsPanel';
import { SensitivityChart } from './SensitivityChart';
import { SparsityChart } from './SparsityChart';

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
          <ControlsPanel />
          <ProgressPanel />
          <Curves />
          <HowItWorks />
        </div>
        <div className="col-main">
          <Heatmaps />
          <SparsityChart />
          <SensitivityChart />
          <GradientSummary />
        </div>
        <div className="col-right">
          <PruningPanel />
          <ExperimentsPanel />
        </div>
      </main>
    </div>
  );
}
