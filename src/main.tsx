import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clearRenderFault, RenderFaultProbe } from './harness/renderFault';
import { reportMissingTo } from './i18n/format';
import { createController } from './state/controller';
import { App } from './ui/App';
import { ControllerContext } from './ui/kit/context';
import { ErrorBoundary } from './ui/kit/ErrorBoundary';
import './ui/styles.css';

// A message shown without a parameter it names, or a key with no message: a bug, reported where tests
// (and anyone with the console open) see it; the reader sees … in its place.
reportMissingTo((m) =>
  console.error(
    m.kind === 'key'
      ? `No message for key "${m.key}"`
      : `Message shown without its parameter {${m.name}}: "${m.text.slice(0, 80)}"`,
  ),
);

// Resolved against the page, so the site works from any sub-path.
const asset = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;
const dataUrl = asset('data/mnist.bin.gz');
// The URL follows the settings a moment after the last change: history.replaceState costs several
// milliseconds, which a slider key press or a scope change should not wait for.
let pendingHash: string | null = null;
let hashTimer = 0;
// The hash as we last wrote it (or found it). If it is different when our write is due, a link has been
// opened in the meantime (its hashchange event not handled yet): the link wins, our write is dropped.
let written = location.hash.replace(/^#/, '');
const flushHash = () => {
  clearTimeout(hashTimer);
  if (pendingHash !== null && location.hash.replace(/^#/, '') === written) {
    history.replaceState(null, '', `${location.pathname}${location.search}${pendingHash ? `#${pendingHash}` : ''}`);
    written = location.hash.replace(/^#/, ''); // as the browser keeps it (it may encode characters)
  }
  pendingHash = null;
};
addEventListener('pagehide', flushHash);
const controller = createController({
  search: location.search,
  hash: location.hash,
  dataUrl,
  languages: navigator.languages,
  snapshotUrl: (name) => asset(`snapshots/${name}.gpls.gz`),
  exampleUrl: asset('examples/iris.csv'),
  afterPaint: (f) => requestAnimationFrame(() => setTimeout(f)),
  writeHash: (hash) => {
    pendingHash = hash;
    clearTimeout(hashTimer);
    hashTimer = window.setTimeout(flushHash, 150);
  },
});
// A link pasted into this tab is applied like a fresh visit (our own hash updates use replaceState: no
// event); what we had not written yet is dropped, the link wins.
addEventListener('hashchange', () => {
  clearTimeout(hashTimer);
  pendingHash = null;
  written = location.hash.replace(/^#/, '');
  controller.openUrl(location.search, location.hash);
});
// A phone locking or the tab going to the background pauses a run in training; coming back resumes it.
document.addEventListener('visibilitychange', () => controller.pageVisibility(document.visibilityState === 'hidden'));
// The test API (window.__gpl) for the e2e tests, the benchmark and the scripts: its own chunk.
void import('./harness/testApi').then((m) => m.installTestApi(controller, dataUrl));

// A render error caught by the boundary is handled (the page shows a panel): a warning, not an error.
const onCaughtError = (error: unknown, info: { componentStack?: string }) =>
  console.warn('Render error shown by the error boundary:', error, info.componentStack);

// A first visit's snapshot is usually in within a tenth of a second: the first render waits for it (a
// moment at most), so the slider's worker has the network before the main thread is busy rendering, and
// the page is rendered once, with it, instead of twice. That render goes in slices (a transition): the
// workers' start-up does not wait for the whole page to be rendered.
const FIRST_RENDER_WAIT_MS = 400;
await Promise.race([controller.firstNetwork, new Promise((r) => setTimeout(r, FIRST_RENDER_WAIT_MS))]);
const root = createRoot(document.getElementById('root')!, { onCaughtError });
startTransition(() =>
  root.render(
    <StrictMode>
      <ErrorBoundary onRetry={clearRenderFault}>
        <ControllerContext.Provider value={controller}>
          <App />
          {/* Test hook: throws while rendering when the harness injects a render error. */}
          <RenderFaultProbe />
        </ControllerContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  ),
);
