import { TOUR_STEPS } from '../src/state/tour/tour';
import { expect, test } from './fixtures';
import { expectAllHelpInViewport } from './invariants/inViewport';
import { expectStage, expectVisibleTogether } from './invariants/stage';
import { expectTourInView } from './invariants/tourInView';
import { expectTourQuotesPage } from './invariants/tourQuotes';
import { unfilled } from './invariants/unfilled';
import { TourCard } from './pages/TourCard';

/**
 * The teacher's walk: a projector at 1280×720, presenter mode, the whole tour by keyboard and buttons,
 * training a fresh network live in step 2 and running the steps' experiments on it. Throughout: the
 * card, the highlighted panel and the step's buttons are in view together without scrolling; the stage
 * shows only the step's panels and fills the screen; every number the card quotes is the panel's; no
 * text is ever unfilled (the fixture's observer, live training included).
 */
test('the teacher: presenter mode and the tour on a 1280×720 projector, training live, every step in view, filled and true', async ({
  lab,
}) => {
  test.setTimeout(240_000);
  const page = lab.page;
  await page.setViewportSize({ width: 1280, height: 720 });
  // 30 epochs: on the fused WebAssembly steps a few seconds of live training, as a class would watch it.
  await lab.open('?backend=wasm#present=1&epochs=30', { firstVisit: true });
  await lab.settled();
  // Without the tour: the chart and the slider (with its numbers) in view together.
  await expectStage(page, ['chart', 'heatmaps', 'pruning'], 'presenter mode');
  await expectVisibleTogether(page, ['chart', 'controls.threshold', 'prune.sparsity'], 'presenter mode');

  const tour = new TourCard(page, lab);
  await page.getByTestId('tour.start').click();
  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    const step = TOUR_STEPS[n - 1];
    await tour.expectStep(n);
    await expectStage(page, step.panels, `step ${n}`);
    await expectTourInView(page, `step ${n}`);
    if (step.id === 'rule') {
      expect(await lab.axeSerious('presenter mode, step 5')).toEqual([]);
      await expectAllHelpInViewport(page, 'presenter mode, step 5');
    }
    if (step.id === 'training') {
      // Train a fresh network here: the loss chart and the progress stay in view from the first moment,
      // and the card speaks of this run while it trains.
      await page.getByTestId('tour.action.train').click();
      await expectVisibleTogether(page, ['curves.loss', 'progress.bar'], 'training starts');
      await expect(tour.body).toContainText(/epoch \d+ of 30, batch 32/);
      await expect(tour.body).toContainText('This network trained for 30 epochs');
      await lab.waitDone();
      await lab.settled();
      await expectTourInView(page, 'step 2, trained');
    }
    if (step.id === 'article') {
      await page.getByTestId('tour.action.article-code').click();
      await expect(page.getByTestId('article.pruning')).toHaveAttribute('data-changed', '0', { timeout: 60_000 });
      // The result is scrolled into view beside the card.
      await expectVisibleTogether(page, ['article.pruning', 'tour.next'], 'the article’s result');
    }
    if (step.id !== 'article') await expectTourQuotesPage(page, step.id);
    // The last step's button is Finish (the arrow key stays on the last step).
    await (n % 2 && n < TOUR_STEPS.length ? page.keyboard.press('ArrowRight') : tour.next.click());
  }
  // Finish leaves the tour, in presenter mode: the chart and the slider again.
  await expect(tour.card).toHaveCount(0);
  await expectStage(page, ['chart', 'heatmaps', 'pruning'], 'after the tour');
  await expectVisibleTogether(page, ['chart', 'controls.threshold'], 'after the tour');
  expect(await unfilled(page)).toEqual([]);
  // Leaving presenter mode brings the whole lab back.
  await page.getByTestId('present.toggle').click();
  await expect(lab.trainButton).toBeVisible();
  expect((await lab.state()).flags.present).toBe(false);
});

test('presenter mode at 1920×1080 from a deep link: the same stage, larger, and the tour card with each step’s panels', async ({
  lab,
}) => {
  const page = lab.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
  // A deep link opens the tour at its step, with its settings and this network's numbers.
  await lab.open('?backend=wasm#present=1&tour=5&lang=zh-CN', { firstVisit: true });
  await lab.settled();
  const tour = new TourCard(page, lab);
  await tour.expectStep(5);
  await expect(tour.counter).toHaveText(`第 5 步，共 ${TOUR_STEPS.length} 步`);
  await expect(tour.body).toContainText(`${((await lab.state()).pruning.view!.report.sparsity * 100).toFixed(1)}%`);
  for (let n = 4; n >= 1; n--) {
    await tour.back.click();
    await tour.expectStep(n);
  }
  const size = await page.evaluate(() => document.querySelector('.app')!.getBoundingClientRect().width);
  expect(size).toBeGreaterThan(1900); // zoomed to the screen, not a 1280 px page in the middle of it
  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    await tour.expectStep(n);
    await expectStage(page, TOUR_STEPS[n - 1].panels, `step ${n}`);
    await expectTourInView(page, `step ${n} at 1920×1080`);
    await page.keyboard.press('ArrowRight');
  }
  // The slider's marker is drawn where the chart's axis puts it, zoom and all.
  const marker = await page.getByTestId('chart.marker').evaluate((l) => {
    const r = l.getBoundingClientRect();
    const grid = l.closest('.chart-box')!.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
    return (r.left - grid.left) / grid.width;
  });
  expect(marker).toBeCloseTo(0.9, 2); // the last step prunes 90%
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=zh-CN'); // the link keeps the language
});
