// Driving the lab in a page from the scripts, through its test API `window.__gpl` (src/harness/testApi.ts):
// open it, start a run and wait for its end, wait until the page is quiet.

const errorText = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * Opens the lab at `url` in a new page and waits for the backend (ready or failed). Page errors and
 * console errors go to `log`.
 * @param {import('@playwright/test').Browser} browser
 * @returns {Promise<{ page: import('@playwright/test').Page, backend: any, error: string | null, settings: any }>}
 */
export async function openLab(
  browser,
  url,
  { log = () => {}, viewport = { width: 1366, height: 768 }, label = '' } = {},
) {
  // No service worker: the scripts measure the lab, not its precache download (~7 MB after the first numbers).
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  page.on('pageerror', (e) => log(`page error${label}: ${errorText(e)}`));
  page.on('console', (m) => m.type() === 'error' && log(`console error${label}: ${m.text().split('\n')[0]}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__gpl && window.__gpl.state().backendStatus !== 'starting', null, {
    timeout: 120_000,
    polling: 250,
  });
  const s = await page.evaluate(() => {
    const s = window.__gpl.state();
    return { backendStatus: s.backendStatus, backend: s.backend, error: s.error, settings: s.settings };
  });
  return {
    page,
    backend: s.backend,
    error: s.backendStatus === 'ready' ? null : (s.error ?? s.backendStatus),
    settings: s.settings,
  };
}

/**
 * Starts a run with the test-only `options` and waits for it to finish; throws on an error or when
 * another run replaced it. Returns what the scripts read of it.
 */
export async function runToEnd(page, options = {}, timeoutMs = 3_600_000) {
  const runId = await page.evaluate((o) => {
    window.__gpl.train(o);
    return window.__gpl.state().runId;
  }, options);
  await page.waitForFunction(
    (id) => {
      const s = window.__gpl.state();
      return s.runId !== id || s.phase === 'done' || s.phase === 'error';
    },
    runId,
    { timeout: timeoutMs, polling: 250 },
  );
  const s = await page.evaluate(() => {
    const s = window.__gpl.state();
    return {
      runId: s.runId,
      phase: s.phase,
      error: s.error,
      result: s.result,
      backend: s.backend,
      epochs: s.epochs,
      scoring: s.scoring && { seconds: s.scoring.seconds, batches: s.scoring.batches },
    };
  });
  if (s.runId !== runId) throw new Error(`run ${runId} was replaced by run ${s.runId}`);
  if (s.phase === 'error') throw new Error(`training failed: ${s.error}`);
  return s;
}

/** Waits until the curves are computed and the numbers on screen belong to the slider's position. */
export async function waitQuiet(page, timeoutMs = 600_000) {
  await page.waitForFunction(
    () => {
      const s = window.__gpl.state();
      return s.sweep.status !== 'running' && (s.pruning.status === 'error' || window.__gpl.pruningSettled());
    },
    null,
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * Puts the pointer on a control as a user does before clicking it: scrolled into view, the mouse moved onto
 * its centre and left there a moment (do this before a measured window). The click is then `pressHere`: the
 * mouse button pressed and released there (CDP input). Playwright's `locator.click()` would also check the
 * hit target inside the click's own task (elementsFromPoint, which forces a style and layout pass), and
 * move the pointer from where it was in that same task: work of the test, not of the page, in the task
 * measured.
 */
export async function pointAt(page, testid) {
  const target = page.getByTestId(testid);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await new Promise((r) => setTimeout(r, 300));
}

export async function pressHere(page) {
  await page.mouse.down();
  await page.mouse.up();
}
