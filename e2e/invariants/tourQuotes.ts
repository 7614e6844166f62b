import { expect, type Page } from '@playwright/test';
import type { TourStepId } from '../../src/state/tour/tour';

const text = (page: Page, id: string) => page.getByTestId(id).first().innerText();
/** The pruning panel's validation accuracy (pruned, then dense), as the table writes them. */
async function valRow(page: Page): Promise<{ dense: string; pruned: string }> {
  const cells = await page.getByTestId('prune.acc.val').locator('td').allInnerTexts();
  return { dense: cells[0], pruned: cells[1] };
}
const percents = (s: string) => s.match(/\d+(?:\.\d+)?%/g) ?? [];

/**
 * Invariant 4: every number a step's text quotes is what the panel it points at shows, with the same
 * rounding. Reads the numbers off the panels (as a reader would) and expects the card to contain each.
 * Where a step quotes numbers of other settings (the repairs step: three criteria at 90 %), it switches
 * the criterion as a learner would, reads the panel, and switches back.
 */
export async function expectTourQuotesPage(page: Page, id: TourStepId): Promise<void> {
  const body = page.getByTestId('tour.body');
  await expect(body).toHaveAttribute('data-waiting', 'false');
  const quoted: string[] = [];
  if (id === 'network') {
    const shape = /(\d+) × \d+/.exec(await text(page, 'heatmaps'))!;
    // The largest count in the pruning numbers is the total of weights ("26,272 of 52,544 live").
    const counts = (await text(page, 'prune.numbers')).match(/\d{1,3}(?:,\d{3})+/g) ?? ['?'];
    quoted.push(
      shape[1],
      counts.reduce((a, b) => (Number(b.replace(/,/g, '')) > Number(a.replace(/,/g, '')) ? b : a)),
    );
  } else if (id === 'training') {
    quoted.push(...percents(await text(page, 'curves.summary')).slice(-1));
  } else if (id === 'gradient') {
    for (const l of ['dense_1', 'dense_2', 'dense_3'])
      quoted.push((await page.getByTestId(`grads.row.${l}`).locator('td').nth(1).innerText()).trim());
  } else if (id === 'heatmaps' || id === 'rule' || id === 'finetune') {
    quoted.push((await text(page, 'prune.sparsity')).trim());
    if (id !== 'heatmaps') {
      const v = await valRow(page);
      quoted.push(v.pruned, ...(id === 'rule' ? [v.dense] : []));
    }
  } else if (id === 'collapse') {
    // The collapse warning's numbers when a layer is lost; the layer table's sparsities either way.
    if (await page.getByTestId('collapse.why').count()) {
      const why = await page.getByTestId('collapse.why').locator('p').first().innerText(); // the sentence on the layers' means
      quoted.push(...(why.match(/\d+(?:\.\d+)?(?:e-\d+)?/g) ?? []).filter((n) => n.includes('.')));
    }
    const table = await Promise.all(
      [0, 1, 2].map(async (i) => (await page.getByTestId(`prune.layer.${i}`).locator('td').nth(1).innerText()).trim()),
    );
    const card = percents(await page.getByTestId('tour.body').innerText());
    expect(card.length, 'the collapse step quotes layer sparsities').toBeGreaterThan(0);
    for (const p of card) expect(table, `the collapse step's ${p} is a layer's sparsity in the table`).toContain(p);
  } else if (id === 'forget') {
    // What pruning forgets: the sparsity (where the pruning panel is shown: not on the presenter's stage),
    // the forgotten examples' count, the worst class's row (dense, pruned).
    if (await page.getByTestId('prune.sparsity').count()) quoted.push((await text(page, 'prune.sparsity')).trim());
    await expect(page.locator('.forget-rested')).toHaveAttribute('data-stale', 'false'); // the examples follow at rest
    quoted.push((await page.getByTestId('forget.summary').getAttribute('data-forgotten'))!);
    const worst = page.locator('[data-testid^="forget.class."][data-worst="true"]');
    if (await worst.count()) {
      const cells = await worst.locator('td').allInnerTexts();
      quoted.push((await worst.locator('th').innerText()).trim(), `${cells[0]} → ${cells[1]}`);
    }
  } else if (id === 'repairs') {
    const criterion = page.getByTestId('controls.criterion');
    const was = await criterion.inputValue();
    for (const c of ['gradient', 'taylor', 'magnitude']) {
      await criterion.selectOption(c);
      await page.waitForFunction(() => window.__gpl!.pruningSettled());
      quoted.push((await valRow(page)).pruned);
    }
    await criterion.selectOption(was);
  }
  const card = await body.innerText();
  for (const q of quoted) expect(card, `step "${id}" quotes ${q} as its panel shows it`).toContain(q);
}
