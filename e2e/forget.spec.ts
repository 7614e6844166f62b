import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';

// What pruning forgets, on the first visit's MNIST snapshot: the per-class view follows the slider with
// the numbers of a from-scratch evaluation, the forgotten examples appear and open, the class choice is
// kept in the link, and run.json carries the section.

/** The per-class rows as the panel shows them (validation rows right, dense and pruned). */
const shownCounts = (lab: LabPage) =>
  lab.page.evaluate(() =>
    Array.from({ length: 10 }, (_, k) => {
      const row = document.querySelector<HTMLElement>(`[data-testid="forget.class.${k}"]`)!;
      return [Number(row.dataset.dense), Number(row.dataset.pruned)];
    }),
  );

async function expectExactClasses(lab: LabPage) {
  await lab.settled();
  const exact = (await lab.page.evaluate(() => window.__gpl!.exactEval()))!;
  await expect.poll(() => shownCounts(lab)).toEqual(exact.denseCorrect.map((d, k) => [d, exact.prunedCorrect[k]]));
  await expect(lab.page.getByTestId('forget.forgotten')).toHaveAttribute('data-count', String(exact.forgotten.length));
  await expect(lab.page.getByTestId('forget.newlyRight')).toHaveAttribute(
    'data-count',
    String(exact.newlyRight.length),
  );
  return exact;
}

test('what pruning forgets: per class with the slider (exact), the forgotten digits open, the class in the link, run.json', async ({
  lab,
}) => {
  await lab.open('#sparsity=0.8&mode=sparsity', { firstVisit: true });
  await expect(lab.page.getByTestId('pruning')).toHaveAttribute('data-status', 'ready');
  const panel = lab.page.getByTestId('forget');
  await panel.scrollIntoViewIfNeeded();
  const before = await expectExactClasses(lab);
  // The slider moves: so does the per-class view, still exact.
  await lab.slider.focus();
  for (let k = 0; k < 3; k++) await lab.page.keyboard.press('PageUp');
  const after = await expectExactClasses(lab);
  expect(after.prunedCorrect).not.toEqual(before.prunedCorrect);
  expect(after.forgotten.length).toBeGreaterThan(before.forgotten.length);
  // The most forgotten example is a drawn digit; clicking it shows its class probabilities.
  const first = panel.getByTestId('forget.forgotten').getByRole('button').first();
  const row = Number((await first.getAttribute('data-testid'))!.split('.').pop());
  expect(after.forgotten).toContain(row);
  // The digit's image, drawn on a canvas to read its pixels: a digit has ink.
  const inked = await first.locator('img.forget-digit').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const c = document.createElement('canvas');
    Object.assign(c, { width: 28, height: 28 });
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return ctx.getImageData(0, 0, 28, 28).data.filter((v, i) => i % 4 === 0 && v < 128).length;
  });
  expect(inked).toBeGreaterThan(20);
  await first.click();
  const probs = panel.getByTestId('forget.probs');
  await expect(probs).toBeVisible();
  await expect(probs.getByRole('row')).toHaveCount(11);
  // A class chosen: the link keeps it, and only its examples are listed.
  await panel.getByTestId('forget.class').selectOption('3');
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('class=3');
  const of3 = after.forgotten.filter((r) => after.labels[r] === 3).length;
  await expect(panel.getByTestId('forget.forgotten')).toHaveAttribute('data-count', String(of3));
  // The snapshot's curves carry no classes: computed on request, then one small curve per class.
  await panel.getByTestId('forget.curves.compute').click();
  await expect(panel.getByTestId('forget.curves')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(panel.locator('[data-testid^="forget.curve."]')).toHaveCount(10);
  // run.json records it.
  const run = JSON.parse(await lab.page.evaluate(() => window.__gpl!.runFile()));
  expect(run.format).toBe('gradient-pruning-lab/run@4');
  expect(run.forget.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  expect(run.forget.pruned.map((a: number, k: number) => Math.round(a * run.forget.count[k]))).toEqual(
    after.prunedCorrect,
  );
  expect(run.forget.forgotten).toHaveLength(after.forgotten.length);
  const valIndices: number[] = run.data.valIndices;
  expect([...run.forget.forgotten].map((s: number) => valIndices.indexOf(s)).sort((a, b) => a - b)).toEqual(
    after.forgotten,
  );
});
