import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createController } from './state/controller';
import { App } from './ui/App';
import { ControllerContext } from './ui/context';
import { ErrorBoundary } from './ui/ErrorBoundary';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <ControllerContext.Provider value={controller}>
        <App />
      </ControllerContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
