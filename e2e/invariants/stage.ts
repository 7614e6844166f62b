import { expect, type Page } from '@playwright/test';
import type { StagePanel } from '../../src/state/tour/tour';

/** The panels presenter mode can show, by the class of their section. */
const PANEL_CLASS: Partial<Record<StagePanel, string>> = {
  heatmaps: 'heatmaps',
  pruning: 'pruning',
  forget: 'forget',
  chart: 'sparsity-chart',
  stats: 'grads',
  progress: 'progress',
  curves: 'curves',
  article: 'article-code',
  experiments: 'experiments',
  training: 'controls',
  data: 'user-data',
  sensitivity: 'sensitivity',
  speed: 'speed',
  tickets: 'tickets',
  gradual: 'gradual',
  export: 'export',
  how: 'how',
};

/**
 * Presenter mode lays out what it is asked to and fills the screen: exactly these panels in the stage,
 * the stage as tall as the viewport, and the page itself never scrolls (each column scrolls by itself).
 */
export async function expectStage(page: Page, panels: readonly StagePanel[], label: string): Promise<void> {
  const shown = await page
    .locator('.layout .panel')
    .evaluateAll((els) => els.map((e) => e.className.split(' ').find((c: string) => c !== 'panel') ?? '?'));
  expect(shown.sort(), `${label}: the panels on the stage`).toEqual(panels.map((p) => PANEL_CLASS[p]!).sort());
  const fit = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollHeight - innerHeight,
    stageBottom: document.querySelector('.layout')!.getBoundingClientRect().bottom,
    h: innerHeight,
  }));
  expect(fit.scroll, `${label}: the page does not scroll`).toBeLessThanOrEqual(1);
  expect(fit.stageBottom, `${label}: the stage fills the screen`).toBeGreaterThan(fit.h - 24);
}

/** These elements are all in the viewport, drawn on top at their centre (not covered, not scrolled away). */
export async function expectVisibleTogether(page: Page, testids: string[], label: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate((ids) => {
          return ids.filter((id) => {
            const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
            if (!el) return true;
            const r = el.getBoundingClientRect();
            // One pixel of slack: layout is fractional (a chart scrolled to the bottom edge can end at 720.88 of 720).
            const out = r.top < -1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1;
            if (out || r.width === 0) return true;
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
            return !hit || !(el.contains(hit) || hit.contains(el));
          });
        }, testids),
      { message: `${label}: not in view`, timeout: 5000 },
    )
    .toEqual([]);
}
