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
    const origin = new URL(baseURL!).origin;
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request left the origin: ${u}`);
    });
    await use(new LabPage(page));
    expect(problems).toEqual([]);
  },
});

export { expect };
