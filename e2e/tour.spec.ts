import { TOUR_STEPS } from '../src/state/tour';
import { expect, test } from './fixtures';
import { TourCard } from './pages/TourCard';

const CJK = /[\u4e00-\u9fff]/;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`the guided tour, walked by keyboard (${lang}): each step applies its state, highlights what it explains, reads in its language`, async ({ lab }) => {
    test.setTimeout(180_000);
    await lab.open(`#lang=${lang}`, { firstVisit: true });
    await lab.settled();
    const tour = new TourCard(lab.page, lab);
    await lab.page.getByTestId('tour.start').focus();
    await lab.page.keyboard.press('Enter');
    await tour.expectStep(1);
    for (let n = 2; n <= TOUR_STEPS.length; n++) {
      // Arrow keys step, and Space (the focus is on the step's title, not on a button).
      await lab.page.keyboard.press(n % 3 === 0 ? 'Space' : 'ArrowRight');
      await tour.expectStep(n);
      const text = `${await tour.title.innerText()} ${await tour.body.innerText()}`;
      if (lang === 'zh-CN') expect(text).toMatch(CJK);
      else expect(text).not.toMatch(CJK);
      if (TOUR_STEPS[n - 1].id === 'collapse') await expect(tour.body).toContainText(/dense_1.*[\d.]+e-\d+.*dense_3/);
    }
    await lab.page.keyboard.press('ArrowLeft');
    await tour.expectStep(TOUR_STEPS.length - 1);
    await lab.page.keyboard.press('ArrowRight');
    const before = (await lab.state()).settings;
    await lab.page.keyboard.press('Escape');
    await expect(tour.card).toHaveCount(0);
    const after = await lab.state();
    expect(after.flags.tour).toBeNull();
    // Leaving the tour keeps the state it was in.
    expect(after.settings).toEqual(before);
    await expect(lab.page.locator('html')).toHaveAttribute('lang', lang);
  });
}

test('a deep link opens the tour at its step, with its settings and this network’s numbers', async ({ lab }) => {
  await lab.open('#tour=5', { firstVisit: true });
  await lab.settled();
  const tour = new TourCard(lab.page, lab);
  await tour.expectStep(5);
  const s = await lab.state();
  await expect(tour.body).toContainText(`${(s.pruning.view!.report.sparsity * 100).toFixed(1)}%`);
  await expect(tour.counter).toHaveText(`Step 5 of ${TOUR_STEPS.length}`);
  // The buttons work as the keys do.
  await tour.back.click();
  await tour.expectStep(4);
  await tour.next.click();
  await tour.next.click();
  await tour.expectStep(6);
});

test('the tour runs the article’s code in its step, and the link keeps the language', async ({ lab }) => {
  await lab.open('#tour=7&lang=zh-CN', { firstVisit: true });
  await lab.settled();
  await lab.page.getByTestId('tour.action.article-code').click();
  await expect(lab.page.getByTestId('article.pruning')).toHaveAttribute('data-changed', '0', { timeout: 60_000 });
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('lang=zh-CN');
});

test('presenter mode at 1280×720: large type, only the step’s panels, the slider and its numbers beside the heatmaps, keyboard stepping', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1280, height: 720 });
  await lab.open('#present=1&tour=5', { firstVisit: true });
  await lab.settled();
  const tour = new TourCard(lab.page, lab);
  await tour.expectStep(5);
  for (const id of ['heatmaps', 'controls.threshold', 'prune.sparsity', 'tour.body']) await expect(lab.page.getByTestId(id)).toBeInViewport();
  await expect(lab.trainButton).toHaveCount(0);
  await expect(lab.page.getByTestId('export')).toHaveCount(0);
  expect(await lab.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(15);
  expect(await lab.axeSerious('presenter mode, step 5')).toEqual([]);
  await lab.page.keyboard.press('ArrowRight');
  await tour.expectStep(6);
  await lab.page.keyboard.press('ArrowRight');
  await tour.expectStep(7);
  await expect(lab.page.getByTestId('article')).toBeInViewport();
  // Leaving the tour keeps presenter mode: the heatmaps, the slider and the chart.
  await lab.page.keyboard.press('Escape');
  await expect(tour.card).toHaveCount(0);
  for (const id of ['heatmaps', 'controls.threshold', 'chart']) await expect(lab.page.getByTestId(id)).toBeVisible();
  await lab.page.getByTestId('present.toggle').click();
  await expect(lab.trainButton).toBeVisible();
  expect((await lab.state()).flags.present).toBe(false);
});

for (const lang of ['en', 'zh-CN'] as const) {
  test(`axe finds no serious or critical violation in the tour (${lang})`, async ({ lab }) => {
    await lab.open(`#lang=${lang}&tour=6`, { firstVisit: true });
    await lab.settled();
    await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', '6');
    const found = await lab.axeSerious(`tour step 6 (${lang})`);
    await lab.page.getByTestId('help.criterion').click();
    await expect(lab.page.getByTestId('help.criterion.text')).toBeVisible();
    found.push(...(await lab.axeSerious(`an explanation open (${lang})`)));
    expect(found).toEqual([]);
  });
}
