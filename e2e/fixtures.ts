import { test as base, expect } from '@playwright/test';
import { LabPage } from './pages/LabPage';

/**
 * `lab`: a LabPage whose console is watched. Any console error, uncaught page error or request to
 * another origin fails the test at the end.
 */
export const test = base.extend<{ lab: LabPage }>({
  lab: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // The app's origin(s): the preview server, and any server a test navigates the page to itself.
    const origins = new Set([new URL(baseURL!).origin]);
    page.on('framenavigated', (f) => f === page.mainFrame() && f.url().startsWith('http') && origins.add(new URL(f.url()).origin));
    page.on('request', (r) => {
      const u = r.url();
      if (u.startsWith('data:') || u.startsWith('blob:')) return;
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) return origins.add(new URL(u).origin) && undefined;
      if (!origins.has(new URL(u).origin)) problems.push(`request left the origin: ${u}`);
    });
    await use(new LabPage(page));
    expect(problems).toEqual([]);
  },
});

export { expect };
