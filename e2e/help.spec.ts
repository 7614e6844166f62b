import { expect, test } from './fixtures';
import { expectAllHelpInViewport, expectInViewport } from './invariants/inViewport';
import {
  expectLabelsWhole,
  expectNoOverlap,
  expectNothingSticksOut,
  expectNotSqueezed,
  expectNumbersWhole,
  lineCount,
} from './invariants/layout';

/** The sizes every explanation is opened at, on one page (resized between them), and its language there. */
const SIZES = [
  { width: 1920, height: 1080, lang: 'en' },
  { width: 1440, height: 900, lang: 'en' },
  { width: 1280, height: 720, lang: 'en' },
  { width: 768, height: 1024, lang: 'en' },
  { width: 390, height: 844, lang: 'zh-CN' },
  { width: 320, height: 568, lang: 'zh-CN' },
] as const;

test('every explanation opens wholly on screen at every size, in presenter mode too; labels, numbers and ticks stay whole', async ({
  lab,
}) => {
  const page = lab.page;
  await lab.open('?backend=wasm', { firstVisit: true });
  await lab.settled();
  await page.getByTestId('embed.toggle').click(); // its explanation and its view menu are checked too
  for (const size of SIZES) {
    const at = `${size.width}×${size.height} ${size.lang}`;
    await page.setViewportSize(size);
    if ((await page.locator('html').getAttribute('lang')) !== size.lang)
      await page.getByTestId('lang.select').selectOption(size.lang);
    await expect(page.locator('html')).toHaveAttribute('lang', size.lang);
    const { checked, skipped } = await expectAllHelpInViewport(page, at);
    expect(skipped, `${at}: explanations whose button is not displayed`).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(45);
    // "Train your own" on one line on a desktop, at most two on a phone; no button label is cut ("Movement pruning to 50 %").
    expect(await lineCount(page.getByTestId('controls.train')), `${at}: lines of the Train button`).toBeLessThanOrEqual(
      size.width >= 1280 ? 1 : 2,
    );
    await expectLabelsWhole(page, at);
    await expectNotSqueezed(page.getByTestId('embed.view'), at);
    // Table numbers never break ("6.50e-/4"): wide tables scroll in their box, not the page.
    await expectNumbersWhole(page, at);
    await expectNothingSticksOut(page, at);
    if (size.width > 1180) {
      // Wide screens: the compact slider bar only while the panel's own slider is scrolled away.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect(page.getByTestId('bar')).toBeVisible();
      await page.evaluate(() => scrollTo(0, 0));
      await expect(page.getByTestId('bar')).toHaveCount(0);
      await page.getByTestId('heatmaps').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await expect(page.getByTestId('controls.threshold')).toBeInViewport();
    }
    // Colour-bar tick labels never overlap, on the view and scale that crowd them most ("1.00e-61.00e-5").
    for (const view of size.width < 800 ? ['magnitude', 'score'] : ['score']) {
      await page.getByTestId('heatmaps.view').selectOption(view);
      expect(
        await expectNoOverlap(
          page.getByTestId('heatmaps.colorbar').locator('.colorbar-ticks span:not(.colorbar-threshold)'),
          `${at} ${view} colour bar`,
        ),
      ).toBeGreaterThanOrEqual(2);
    }
  }
  // An open explanation follows its button when the window is resized and when the page scrolls.
  await page.getByTestId('lang.select').selectOption('en');
  await page.setViewportSize({ width: 1440, height: 900 });
  const button = page.getByTestId('help.numbers.firstKept');
  const note = page.getByTestId('help.numbers.firstKept.text');
  await button.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await button.click();
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const moves = [
    () => page.setViewportSize({ width: 1280, height: 720 }),
    () => page.mouse.wheel(0, 150),
    async () => {
      await page.setViewportSize({ width: 900, height: 700 }); // the layout changes: the button moves off screen, the text with it
      await button.evaluate((e) => e.scrollIntoView({ block: 'end' }));
    },
  ];
  for (const move of moves) {
    await move();
    await frames();
    await expectInViewport(note, 'after a resize or scroll');
    const [b, n] = [(await button.boundingBox())!, (await note.boundingBox())!];
    expect(
      Math.min(Math.abs(n.y - (b.y + b.height + 4)), Math.abs(n.y + n.height - (b.y - 4))),
      'the text beside its button',
    ).toBeLessThan(1);
  }
  await button.click();
  // Presenter mode (larger type) on a projector's 1280×720.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('present.toggle').click();
  await expect(page.locator('.app.present')).toHaveCount(1);
  await expectAllHelpInViewport(page, 'presenter 1280×720');
  await expectLabelsWhole(page, 'presenter 1280×720');
  await expectNumbersWhole(page, 'presenter 1280×720');
  await expectNothingSticksOut(page, 'presenter 1280×720');
});

test('explanations open by tap and close by a tap elsewhere, on a touch screen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, hasTouch: true, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto('./?backend=wasm#snapshot=none');
  const text = page.getByTestId('help.criterion.text');
  await expect(text).toBeHidden();
  await page.getByTestId('help.criterion').tap();
  await expect(text).toBeVisible();
  await expect(text).toContainText('low scores are pruned first');
  await page.locator('h1').tap();
  await expect(text).toBeHidden();
  await context.close();
});

test('explanations by keyboard: Enter opens, Escape closes, and the control names its explanation', async ({ lab }) => {
  await lab.open('?backend=wasm');
  const button = lab.page.getByTestId('help.epochs');
  await button.focus();
  await lab.page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(lab.page.getByTestId('help.epochs.text')).toContainText('Passes over the training split: 8,000 samples');
  await lab.page.keyboard.press('Escape');
  await expect(lab.page.getByTestId('help.epochs.text')).toBeHidden();
  await expect(button).toBeFocused();
  // The field reads its explanation with it (aria-describedby works on hidden text too).
  const described = await lab.page.getByTestId('controls.epochs').getAttribute('aria-describedby');
  expect(described).toBeTruthy();
  const ids = described!.split(' ');
  const texts = await Promise.all(ids.map((id) => lab.page.locator(`[id="${id}"]`).textContent()));
  expect(texts.join(' ')).toContain('Passes over the training split: 8,000 samples');
  // No control explains itself by hover alone any more.
  expect(await lab.page.locator('select[title], input[title], label[title]').count()).toBe(0);
});

test('the source article is named, with what the lab keeps and what it corrects, in both languages', async ({
  lab,
}) => {
  await lab.open('?backend=wasm#lang=zh-CN');
  const about = lab.page.getByTestId('about');
  await expect(about).toContainText('梯度剪枝');
  await expect(about).toContainText('中文博客文章');
  await about.locator('summary').click();
  await expect(about).toContainText('恒为零');
  await lab.page.getByTestId('lang.select').selectOption('en');
  await expect(about).toContainText('a blog article in Chinese');
  await expect(about).toContainText('identically zero');
  await expect(about).toContainText('grow back');
});
