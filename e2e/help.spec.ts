import { expect, test } from './fixtures';

test('explanations open by tap and close by a tap elsewhere, on a touch screen', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, hasTouch: true, viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await page.goto('./#snapshot=none');
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
  await lab.open('');
  const button = lab.page.getByTestId('help.epochs');
  await button.focus();
  await lab.page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(lab.page.getByTestId('help.epochs.text')).toContainText('Passes over the 8,000 training samples');
  await lab.page.keyboard.press('Escape');
  await expect(lab.page.getByTestId('help.epochs.text')).toBeHidden();
  await expect(button).toBeFocused();
  // The field reads its explanation with it (aria-describedby works on hidden text too).
  const described = await lab.page.getByTestId('controls.epochs').getAttribute('aria-describedby');
  expect(described).toBeTruthy();
  const ids = described!.split(' ');
  const texts = await Promise.all(ids.map((id) => lab.page.locator(`[id="${id}"]`).textContent()));
  expect(texts.join(' ')).toContain('Passes over the 8,000 training samples');
  // No control explains itself by hover alone any more.
  expect(await lab.page.locator('select[title], input[title], label[title]').count()).toBe(0);
});

test('the source article is named, with what the lab keeps and what it corrects, in both languages', async ({ lab }) => {
  await lab.open('#lang=zh-CN');
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
