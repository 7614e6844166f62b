import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { unfilled, watchUnfilled } from './invariants/unfilled';
import { LabPage, type RunSource } from './pages/LabPage';

/** Records console errors, uncaught page errors and requests to another origin than the app's. */
function watch(page: Page, baseURL: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The app's origin(s): the preview server, and any server a test navigates the page to itself.
  const origins = new Set([new URL(baseURL).origin]);
  page.on(
    'framenavigated',
    (f) => f === page.mainFrame() && f.url().startsWith('http') && origins.add(new URL(f.url()).origin),
  );
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) return origins.add(new URL(u).origin) && undefined;
    if (!origins.has(new URL(u).origin)) problems.push(`request left the origin: ${u}`);
  });
  return problems;
}

/**
 * Trained runs shared by the tests of a worker: each set of URL parameters is trained once, in a page
 * of its own, and kept as run.json text; `LabPage.openTrained` imports it into a fresh page, so a test
 * starts from a trained network in about a second instead of training one again.
 */
export class TrainedRuns implements RunSource {
  private runs = new Map<string, Promise<string>>();
  constructor(
    private readonly browser: Browser,
    private readonly baseURL: string,
  ) {}

  get(params: string): Promise<string> {
    let run = this.runs.get(params);
    if (!run) {
      run = this.train(params);
      this.runs.set(params, run);
    }
    return run;
  }

  private async train(params: string): Promise<string> {
    // A context made here does not take the config's `use` options: the lab's service worker blocked as there.
    const context = await this.browser.newContext({ baseURL: this.baseURL, serviceWorkers: 'block' });
    try {
      const lab = new LabPage(await context.newPage());
      const problems = watch(lab.page, this.baseURL);
      await lab.open(params);
      await lab.trainAndSettle();
      const text = await lab.page.evaluate(() => window.__gpl!.runFile());
      expect(problems, `training ${params} for the shared run`).toEqual([]);
      return text;
    } finally {
      await context.close();
    }
  }
}

/**
 * `lab`: a LabPage whose console is watched. Any console error, uncaught page error or request to
 * another origin fails the test at the end, and so does any text the page showed unfilled (a
 * `{placeholder}`, a message key, an internal code: e2e/invariants/unfilled.ts), at any moment of the
 * test. `runs`: the worker's shared trained runs.
 */
export const test = base.extend<{ lab: LabPage }, { runs: TrainedRuns }>({
  runs: [
    async ({ browser }, use, workerInfo) => use(new TrainedRuns(browser, workerInfo.project.use.baseURL!)),
    { scope: 'worker' },
  ],
  lab: async ({ page, baseURL, runs }, use) => {
    const problems = watch(page, baseURL!);
    await watchUnfilled(page);
    const lab = new LabPage(page, runs);
    await use(lab);
    expect(problems.filter((p) => !lab.expectedProblems.some((re) => re.test(p)))).toEqual([]);
    expect((await unfilled(page)).filter((u) => !lab.expectedUnfilled.some((re) => re.test(u.text)))).toEqual([]);
  },
});

export { expect };
