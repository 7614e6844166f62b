import { TOUR_STEPS } from '../src/state/tour/tour';
import { expect, test } from './fixtures';
import { expectVisibleTogether } from './invariants/stage';
import { expectTourInView } from './invariants/tourInView';
import { CJK, TourCard } from './pages/TourCard';

for (const [lang, width, height] of [
  ['en', 1280, 720],
  ['zh-CN', 1440, 900],
] as const) {
  test(`the guided tour on a ${width}×${height} desktop, walked by keyboard (${lang}): each step applies its state, highlights what it explains beside the card, reads in its language`, async ({
    lab,
  }) => {
    test.setTimeout(180_000);
    await lab.page.setViewportSize({ width, height });
    await lab.open(`?backend=wasm#lang=${lang}`, { firstVisit: true });
    await lab.settled();
    const tour = new TourCard(lab.page, lab);
    await lab.page.getByTestId('tour.start').focus();
    await lab.page.keyboard.press('Enter');
    await tour.expectStep(1);
    for (let n = 2; n <= TOUR_STEPS.length; n++) {
      // Arrow keys step, and Space (the focus is on the step's title, not on a button).
      await lab.page.keyboard.press(n % 3 === 0 ? 'Space' : 'ArrowRight');
      await tour.expectStep(n);
      await expectTourInView(lab.page, `step ${n}`);
      if (TOUR_STEPS[n - 1].id === 'article' && lang === 'en') {
        // The step's experiment: its result appears in the highlighted panel, beside the card, not under it.
        await lab.page.getByTestId('tour.action.article-code').click();
        await expect(lab.page.getByTestId('article.pruning')).toHaveAttribute('data-changed', '0', { timeout: 60_000 });
        await expectVisibleTogether(lab.page, ['article.pruning', 'tour.next'], 'the article’s result');
        await tour.title.focus();
      }
      const text = `${await tour.title.innerText()} ${await tour.body.innerText()}`;
      if (lang === 'zh-CN') expect(text).toMatch(CJK);
      else expect(text).not.toMatch(CJK);
      if (TOUR_STEPS[n - 1].id === 'collapse') {
        await expect(tour.body).toContainText(/dense_1.*[\d.]+e-\d+.*dense_3/);
        // axe finds no serious or critical violation with the card open, nor with an explanation open too.
        const found = await lab.axeSerious(`tour step ${n} (${lang})`);
        await lab.page.getByTestId('help.criterion').click();
        await expect(lab.page.getByTestId('help.criterion.text')).toBeVisible();
        found.push(...(await lab.axeSerious(`an explanation open (${lang})`)));
        expect(found).toEqual([]);
        await lab.page.getByTestId('help.criterion').click();
        await tour.title.focus();
      }
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
