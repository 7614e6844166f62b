import { BackendBadge } from './BackendBadge';
import { ControlsPanel } from './ControlsPanel';
import { Curves } from './Curves';
import { GradientSummary } from './GradientSummary';
import { HowItWorks } from './HowItWorks';
import { Notices } from './Notices';
import { ProgressPanel } from './ProgressPanel';

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
          <HowItWorks />
        </div>
        <div className="col-main">
          <Curves />
          <GradientSummary />
        </div>
      </main>
    </div>
  );
}
