import { TOUR_STEPS } from '../src/state/tour/tour';
import { expect, test } from './fixtures';

/**
 * Words in Latin letters a Chinese page may show: names, identifiers, formats and code (the article's
 * own `tape.gradient(model(train_x), weights)`, the adapter's name, the `?backend=` parameter, Keras's `Sequential`, the path docs/results.md). Anything else in Latin letters is untranslated text.
 */
const NAMES = new Set(
  'English Keras MLP MNIST mnist synthetic auto webgpu webgl wasm cpu WASM WebGPU WebGL CPU GPU WebAssembly SIMD OBD Fisher CSR RMS dense tape gradient model train weights softmax ReLU Dense Adam run json bin JSON CSV PNG Esc gradAbsMean gradSqMean float int worker Han LeCun Molchanov Theis SNIP TensorFlow layers loadLayersModel numpy google swiftshader backend iframe README LAMP Lee Frankle Carbin Zhu Gupta NVIDIA ICLR ICML Model Optimization PolynomialDecay Sanh predict gzip CompressionStream logits scale min Iris iris npm ml dataset MIT one hot SHA UTF Sequential docs results Hooker'.split(
    ' ',
  ),
);

/** Latin words in the page's text, attributes people read, and the hidden explanation texts. */
const latinWords = () => {
  const words = new Set<string>();
  const add = (t: string | null) => t?.match(/[A-Za-z][A-Za-z'’]{2,}/g)?.forEach((w) => words.add(w));
  add(document.body.innerText);
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) add(el.getAttribute(a));
  for (const el of document.querySelectorAll('.help-text, [hidden]')) add(el.textContent);
  return [...words];
};

test('in Chinese, the page has no untranslated English: first visit, every tour step, presenter mode', async ({
  lab,
}) => {
  test.setTimeout(120_000);
  await lab.open('?backend=wasm#lang=zh-CN', { firstVisit: true });
  await lab.settled();
  const leaks = new Map<string, string>();
  const scan = async (where: string) => {
    for (const w of await lab.page.evaluate(latinWords)) if (!NAMES.has(w) && !leaks.has(w)) leaks.set(w, where);
  };
  await scan('first visit');
  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    await lab.page.evaluate((k) => (location.hash = `lang=zh-CN&tour=${k}`), n);
    await expect(lab.page.getByTestId('tour')).toHaveAttribute('data-step', String(n));
    await lab.settled();
    await scan(`tour step ${n}`);
  }
  await lab.page.keyboard.press('Escape');
  await lab.page.getByTestId('present.toggle').click();
  await scan('presenter mode');
  expect([...leaks].map(([w, where]) => `${w} (${where})`)).toEqual([]);
});

test('in English, no Chinese but the language’s own name and the article’s title', async ({ lab }) => {
  await lab.open('?backend=wasm#lang=en', { firstVisit: true });
  await lab.settled();
  const text = await lab.page.evaluate(() => document.body.innerText);
  expect(text.replace('中文', '').replace('梯度剪枝', '')).not.toMatch(/[\u4e00-\u9fff]/);
});

test('the language: from the browser when the link names none, the header switch, kept in the URL', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('./?backend=wasm#snapshot=none');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('controls.train')).toHaveText('训练');
  await page.getByTestId('lang.select').selectOption('en');
  await expect(page.getByTestId('controls.train')).toHaveText('Train');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=en');
  await context.close();
});
