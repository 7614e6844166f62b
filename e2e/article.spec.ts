import { expect, test } from './fixtures';

test("the article's code, run as written: a zero gradient, a pruning that changes nothing, a fine-tune that regrows", async ({ lab }) => {
  await lab.open('#dataset=synthetic-32&mode=sparsity&sparsity=0.8', { firstVisit: true });
  await lab.settled();
  await lab.page.getByTestId('article.run').click();
  const pruning = lab.page.getByTestId('article.pruning');
  await expect(pruning).toBeVisible({ timeout: 60_000 });
  await expect(pruning).toHaveAttribute('data-changed', '0');
  const rows = lab.page.locator('[data-testid^="article.layer."]');
  await expect(rows).toHaveCount(3);
  for (let l = 0; l < 3; l++) {
    const row = rows.nth(l);
    const article = Number(await row.getAttribute('data-article'));
    const loss = Number(await row.getAttribute('data-loss'));
    // Exactly 0 but for float32 rounding of 1 − Σ softmax, summed over 8,000 samples (~1e-5).
    expect(article).toBeLessThanOrEqual(1e-4);
    expect(article).toBeLessThan(1e-3 * loss);
  }
  const s = await lab.state();
  const code = s.experiments.article.code!;
  expect(code.belowT).toBe(code.parameters);
  expect(code.after).toEqual(code.before);

  await lab.page.getByTestId('article.finetune').click();
  await expect(lab.page.getByTestId('article.masked')).toBeVisible({ timeout: 120_000 });
  expect(Number(await lab.page.getByTestId('article.unmasked').getAttribute('data-regrown'))).toBeGreaterThan(0);
  await expect(lab.page.getByTestId('article.masked')).toHaveAttribute('data-regrown', '0');
  await expect(lab.page.getByTestId('article.unmasked')).toContainText('grew back');
  console.log(`article gradient max: ${code.articleMaxAbs.map((g) => g.toExponential(2)).join(', ')}; loss gradient max: ${code.lossMaxAbs.map((g) => g.toExponential(2)).join(', ')}; regrown ${await lab.page.getByTestId('article.unmasked').getAttribute('data-regrown')}`);
});

test("the article's T = 0.01 collapses MNIST's first layer: the warning says why with this network's numbers and repairs it in one click", async ({ lab }) => {
  await lab.open('#mode=threshold&T=0.01', { firstVisit: true });
  await lab.settled();
  const why = lab.page.getByTestId('collapse.why');
  await expect(lab.page.getByTestId('prune.collapse')).toContainText('Layer collapse: dense_1');
  await expect(why).toContainText(/mean Gradient .* score of dense_1 is [\d.e-]+, of dense_3 [\d.e-]+ \([\d.e+-]+× larger\)/);
  const s = await lab.state();
  const mean = (a: Float32Array | number[]) => Array.from(a).reduce((x, v) => x + v, 0) / a.length;
  const [m1, m3] = [mean(s.scoring!.layers[0].gradAbsMean), mean(s.scoring!.layers[2].gradAbsMean)];
  expect(m1).toBeLessThan(m3); // the first layer's raw gradients are the smallest
  const [, a, b] = (await why.textContent())!.match(/dense_1 is ([\d.e-]+), of dense_3 ([\d.e-]+)/)!;
  expect([Number(a) / m1, Number(b) / m3].map((r) => Math.abs(r - 1) < 0.01)).toEqual([true, true]); // this network's numbers
  await lab.page.getByTestId('collapse.repair.scope').click();
  await lab.settled();
  expect((await lab.state()).settings.scope).toBe('per-layer');
  await expect(why).toHaveCount(0);
  const layers = (await lab.state()).pruning.view!.report.layers;
  expect(layers.every((l) => l.live > 0)).toBe(true);
});
