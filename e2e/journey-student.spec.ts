import { TOUR_STEPS } from '../src/state/tour/tour';
import { expect, test } from './fixtures';
import { expectAllHelpInViewport } from './invariants/inViewport';
import { expectTourInView } from './invariants/tourInView';
import { expectTourQuotesPage } from './invariants/tourQuotes';
import { CJK, TourCard } from './pages/TourCard';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });

/**
 * The student's walk: a phone in Chinese, by touch — the tour from the header, every step with the card,
 * the highlighted panel and the card's buttons in view together and no keyboard hints; every number
 * the card quotes as the panel it points at shows it (the slider bar at the top of the screen agrees);
 * then the slider dragged on the bar, with the tour still open, and the card following it.
 */
test('the student: the tour and the slider on a phone, by touch, in Chinese', async ({ lab }) => {
  test.setTimeout(180_000);
  const page = lab.page;
  await lab.open('?backend=wasm', { firstVisit: true }); // the browser's language picks Chinese
  await lab.settled();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const tour = new TourCard(page, lab);
  await page.getByTestId('tour.start').tap();
  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    const step = TOUR_STEPS[n - 1];
    await tour.expectStep(n);
    await expectTourInView(page, `step ${n}`);
    await expect(page.locator('.tour-keys')).toHaveCount(0); // no keys on a phone
    await expect(tour.body).toContainText(CJK);
    await expect(tour.body).not.toContainText(/方向键|键盘/);
    if (step.id !== 'article') await expectTourQuotesPage(page, step.id);
    // With the card open, every explanation still opens wholly on screen (tapped, on a phone, in Chinese).
    if (step.id === 'rule') await expectAllHelpInViewport(page, 'phone, zh-CN, tour step 5');
    // The bar at the top shows the same validation accuracy as the card, rounded alike.
    if (step.id === 'rule' || step.id === 'finetune') {
      const bar = await page.getByTestId('bar.accuracy').innerText();
      const pruned = (await page.getByTestId('prune.acc.val').locator('td').nth(1).innerText()).trim();
      expect(bar).toContain(pruned);
      await expect(tour.body).toContainText(pruned);
    }
    // Once the late line has arrived (this mask's measured speed, above the fine-tune button), the card
    // and what it explains are still in view together: nothing pushed the target behind the card.
    const sparsity = (await lab.state()).pruning.view!.report.sparsity;
    await expect
      .poll(async () => Number(await page.getByTestId('prune.speed').getAttribute('data-sparsity')))
      .toBeCloseTo(sparsity, 6);
    await expectTourInView(page, `step ${n}, settled`);
    if (n < TOUR_STEPS.length) await tour.next.tap();
  }
  // The last step is open; drag the slider on the bar to 50%: the numbers follow, the card stays in view.
  const slider = page.getByTestId('bar.threshold');
  const box = (await slider.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(page.getByTestId('bar.sparsity')).toContainText(/5\d\.\d%/);
  await expectTourInView(page, 'after a drag on the bar');
  await tour.back.tap();
  await tour.expectStep(TOUR_STEPS.length - 1);
  await expect(tour.body).toContainText((await page.getByTestId('prune.sparsity').innerText()).trim());
});
