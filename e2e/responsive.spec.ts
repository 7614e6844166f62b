import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Elements that stick out of the viewport, not counting those inside a box that scrolls or clips. */
const outside = (page: Page) =>
  page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const b = e.getBoundingClientRect();
        if (b.width === 0 || b.right <= vw + 0.5 || getComputedStyle(e).position === 'fixed') return false;
        for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false;
        return true;
      })
      .map((e) => e.dataset.testid ?? `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`);
  });

for (const size of [
  { width: 390, height: 844, touch: true },
  { width: 844, height: 390, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1440, height: 900, touch: false },
]) {
  test(`no horizontal scrolling at ${size.width}×${size.height}, and the slider with its numbers in view wherever the heatmaps are`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch && size.width < 800 });
    const page = await context.newPage();
    await page.goto('./');
    await page.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await outside(page)).toEqual([]);
    await page.getByTestId('heatmaps').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    if (size.width <= 1180) {
      // The compact bar: slider and numbers over the heatmaps; a tap on its track moves the slider.
      const bar = page.getByTestId('bar');
      await expect(bar).toBeInViewport();
      await expect(page.getByTestId('heatmap.dense_1.canvas')).toBeInViewport();
      const slider = page.getByTestId('bar.threshold');
      const box = (await slider.boundingBox())!;
      const before = await page.getByTestId('bar.sparsity').innerText();
      await page.touchscreen.tap(box.x + box.width * 0.85, box.y + box.height / 2);
      await expect(page.getByTestId('bar.sparsity')).not.toHaveText(before);
      expect((await page.evaluate(() => window.__gpl!.state().settings.sparsity))).toBeGreaterThan(0.7);
      await expect(page.getByTestId('prune.sparsity')).toHaveAttribute('data-value', /0\.8/);
      const tall = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.prune-bar input, .controls button:not(.help-button), .pruning select, .pruning button:not(.help-button):not(.link)')].map((e) => e.getBoundingClientRect().height));
      if (size.touch) expect(Math.min(...tall)).toBeGreaterThanOrEqual(44);
    } else {
      await expect(page.getByTestId('bar')).toHaveCount(0);
      await expect(page.getByTestId('controls.threshold')).toBeInViewport();
    }
    expect(await outside(page)).toEqual([]);
    await context.close();
  });
}

test('a tap on a heatmap cell shows its tooltip; a second tap or a tap elsewhere closes it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('./');
  await page.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 60_000 });
  const canvas = page.getByTestId('heatmap.dense_2.canvas');
  await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const tip = page.getByTestId('heatmap.dense_2.tooltip');
  const box = (await canvas.boundingBox())!;
  const at = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.5 };
  await page.touchscreen.tap(at.x, at.y);
  await expect(tip).toBeVisible();
  await page.touchscreen.tap(at.x, at.y);
  await expect(tip).toHaveCount(0);
  await page.touchscreen.tap(at.x, at.y);
  await expect(tip).toBeVisible();
  const tipBox = (await tip.boundingBox())!;
  expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(390);
  await page.getByTestId('heatmaps').locator('h2').tap();
  await expect(tip).toHaveCount(0);
  // The chart's tooltip, near the right edge, stays inside the viewport.
  const plot = page.getByTestId('chart.plot');
  await plot.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const grid = (await plot.locator('.recharts-cartesian-grid').boundingBox())!;
  await page.touchscreen.tap(grid.x + grid.width * 0.92, grid.y + grid.height * 0.5);
  const chartTip = page.getByTestId('chart.tooltip');
  await expect(chartTip).toBeVisible();
  const c = (await chartTip.boundingBox())!;
  expect(c.x).toBeGreaterThanOrEqual(0);
  expect(c.x + c.width).toBeLessThanOrEqual(390);
  await context.close();
});

test('a hidden page pauses the run in training, and showing it resumes the run', async ({ lab }) => {
  await lab.open('?backend=wasm#dataset=synthetic-32&epochs=30&batch=32');
  await lab.trainButton.click();
  await lab.phaseIs('training');
  const visibility = (state: 'hidden' | 'visible') =>
    lab.page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await visibility('hidden');
  await lab.phaseIs('paused', 30_000);
  const epochs = (await lab.state()).progress;
  await lab.page.waitForTimeout(500);
  expect((await lab.state()).progress).toEqual(epochs); // nothing trains while hidden
  await visibility('visible');
  await lab.phaseIs('training', 30_000);
  await lab.resetButton.click();
});
