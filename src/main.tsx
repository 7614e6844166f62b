import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createController } from './state/controller';
import { App } from './ui/App';
import { ControllerContext } from './ui/context';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { RenderFaultProbe } from './ui/renderFault';
import { installTestApi } from './testApi';
import './ui/styles.css';

const controller = createController({
  search: location.search,
  hash: location.hash,
  // Resolved against the page, so the site works from any sub-path.
  dataUrl: new URL(`${import.meta.env.BASE_URL}data/mnist.bin.gz`, location.href).href,
  writeHash: (hash) => history.replaceState(null, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`),
});
installTestApi(controller);

// A render error caught by the boundary is handled (the page shows a panel): a warning, not an error.
const onCaughtError = (error: unknown, info: { componentStack?: string }) => console.warn('Render error shown by the error boundary:', error, info.componentStack);

createRoot(document.getElementById('root')!, { onCaughtError }).render(
  <StrictMode>
    <ErrorBoundary>
      <ControllerContext.Provider value={controller}>
        <App />
        <RenderFaultProbe />
      </ControllerContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
