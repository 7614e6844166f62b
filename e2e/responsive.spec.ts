import { expect, test } from './fixtures';
import { expectInViewport } from './invariants/inViewport';
import { expectNothingSticksOut } from './invariants/layout';

// Wide screens (no compact bar, the slider in view with the heatmaps) are checked in help.spec.ts, on
// the page that opens every explanation at every size.
for (const size of [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 768, height: 1024 },
]) {
  test(`no horizontal scrolling at ${size.width}×${size.height}, and the slider with its numbers in view wherever the heatmaps are, on a touch screen`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: size.width, height: size.height },
      hasTouch: true,
      isMobile: size.width < 800,
    });
    const page = await context.newPage();
    await page.goto('./?backend=wasm');
    await page.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 60_000 });
    await expectNothingSticksOut(page, `${size.width}×${size.height}`);
    await page.getByTestId('heatmaps').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    // The compact bar: slider and numbers over the heatmaps; a tap on its track moves the slider.
    const bar = page.getByTestId('bar');
    await expect(bar).toBeInViewport();
    await expect(page.getByTestId('heatmap.dense_1.canvas')).toBeInViewport();
    const slider = page.getByTestId('bar.threshold');
    const box = (await slider.boundingBox())!;
    const before = await page.getByTestId('bar.sparsity').innerText();
    await page.touchscreen.tap(box.x + box.width * 0.85, box.y + box.height / 2);
    await expect(page.getByTestId('bar.sparsity')).not.toHaveText(before);
    expect(await page.evaluate(() => window.__gpl!.state().settings.sparsity)).toBeGreaterThan(0.7);
    await expect(page.getByTestId('prune.sparsity')).toHaveAttribute('data-value', /0\.8/);
    const tall = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.prune-bar input, .controls button:not(.help-button), .pruning select, .pruning button:not(.help-button):not(.link)',
        ),
      ].map((e) => e.getBoundingClientRect().height),
    );
    expect(Math.min(...tall)).toBeGreaterThanOrEqual(44);
    await expectNothingSticksOut(page, `${size.width}×${size.height}, heatmaps in view`);
    await context.close();
  });
}

test('a tap on a heatmap cell shows its tooltip; a second tap or a tap elsewhere closes it', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto('./?backend=wasm');
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
  await expectInViewport(tip, 'heatmap tooltip');
  await page.getByTestId('heatmaps').locator('h2').tap();
  await expect(tip).toHaveCount(0);
  // Near the right edge and near the bottom of the screen, the tooltip is not squeezed: it moves left, or opens above the cell.
  for (const [block, y] of [
    ['center', 0.5],
    ['end', 0.95],
  ] as const) {
    await canvas.evaluate((e, b) => e.scrollIntoView({ block: b }), block);
    const edge = (await canvas.boundingBox())!;
    await page.touchscreen.tap(edge.x + edge.width * 0.98, edge.y + edge.height * y);
    await expect(tip).toBeVisible();
    await expectInViewport(tip, `heatmap tooltip at the right edge (${block})`);
    const wide = (await tip.boundingBox())!;
    expect(await tip.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(wide.width).toBeGreaterThan(150); // not squeezed into the last column
    await page.getByTestId('heatmaps').locator('h2').tap();
    await expect(tip).toHaveCount(0);
  }
  // The chart's tooltip, near the right edge and near the bottom of the screen, stays inside the viewport.
  const plot = page.getByTestId('chart.plot');
  const chartTip = page.getByTestId('chart.tooltip');
  for (const block of ['center', 'end'] as const) {
    await plot.evaluate((e, b) => e.scrollIntoView({ block: b }), block);
    const grid = (await plot.locator('.recharts-cartesian-grid').boundingBox())!;
    await page.touchscreen.tap(grid.x + grid.width * 0.92, grid.y + grid.height * 0.9);
    await expect(chartTip).toBeVisible();
    await expectInViewport(chartTip, `chart tooltip (${block})`);
  }
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
  await lab.workerRoundTrip();
  expect((await lab.state()).progress).toEqual(epochs); // nothing trains while hidden
  await visibility('visible');
  await lab.phaseIs('training', 30_000);
  await lab.resetButton.click();
});
