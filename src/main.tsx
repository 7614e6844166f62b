import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Workbox } from 'workbox-window';
import { clearRenderFault, RenderFaultProbe } from './harness/renderFault';
import { pendingViews } from './ui/kit/taskQueue';
import { reportMissingTo } from './i18n/format';
import { createController } from './state/controller';
import { afterFirstNumbers, createUpdates, type Updates } from './state/offline/update';
import { App } from './ui/App';
import { ControllerContext } from './ui/kit/context';
import { ErrorBoundary } from './ui/kit/ErrorBoundary';
import { UpdateNotice } from './ui/UpdateNotice';
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
void import('./harness/testApi').then((m) => m.installTestApi(controller, dataUrl, pendingViews));

// Offline after one visit: the service worker (built by vite-plugin-pwa, see vite.config.ts) precaches the
// whole lab. The manifest linked is the page's language's (its name on an installed app's icon).
const updates = createUpdates();
const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
let manifestLocale = '';
const linkManifest = () => {
  const locale = controller.store.getState().flags.locale;
  if (!manifest || locale === manifestLocale) return;
  manifestLocale = locale;
  manifest.href = asset(locale === 'zh-CN' ? 'manifest.zh-CN.webmanifest' : 'manifest.webmanifest');
};
linkManifest();
controller.store.subscribe(linkManifest);
if (import.meta.env.PROD && 'serviceWorker' in navigator && !controller.store.getState().flags.embed)
  void afterFirstNumbers(controller.store, controller.firstNetwork, 15_000).then(() => registerWorker(updates));

/**
 * Registers the service worker for the lab's folder (its scope: the sub-path the site is served from) once the
 * page has loaded and shown its first numbers (`afterFirstNumbers`), so that its precaching does not compete
 * with the first visit. An embed registers none: it is a figure on someone else's page, whose reader did not
 * come for the whole lab (the worker would download it, ~7 MB, in the host page's storage partition). A new
 * version found (at each visit, and hourly for a tab left open in a classroom) waits for the reader's Reload on
 * the notice, and only that Reload reloads the page; a version another tab made active is announced the same way.
 */
function registerWorker(u: Updates) {
  const wb = new Workbox(asset('sw.js'));
  let registration: ServiceWorkerRegistration | undefined;
  let applying = false;
  const reload = () => location.reload();
  wb.addEventListener('waiting', () =>
    u.found(() => {
      applying = true;
      // Taken over in the meantime (another tab's Reload): the new version is active, a reload shows it.
      if (!registration?.waiting) return reload();
      wb.addEventListener('controlling', reload);
      // A page that no worker controls (the visit that installed the first one) reloads once the new one is active.
      if (!navigator.serviceWorker.controller) wb.addEventListener('activated', reload);
      wb.messageSkipWaiting();
    }),
  );
  // A new version that became active without waiting (nothing was controlled by the old one: this page is the
  // visit that installed it) or by another tab's Reload: this page runs the old one until it is reloaded.
  wb.addEventListener('activated', (e) => (e.isUpdate || e.isExternal) && !applying && u.found(reload));
  const HOUR_MS = 3_600_000;
  // Workbox registers once the page's load event has passed (long before, as a rule).
  wb.register().then(
    (r) => {
      registration = r;
      setInterval(() => navigator.onLine && wb.update().catch(() => {}), HOUR_MS); // offline: next hour
    },
    (e: unknown) => console.warn('The service worker could not be registered: the lab will not work offline.', e),
  );
}

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
          <UpdateNotice updates={updates} />
          {/* Test hook: throws while rendering when the harness injects a render error. */}
          <RenderFaultProbe />
        </ControllerContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  ),
);
