import { expect, test } from './fixtures';

// The training curves: the lab's own charts (src/ui/training/EpochChart.tsx) — an SVG frame, the lines on a
// canvas — explored with the keyboard (a tooltip, announced) and the pointer, on the MNIST snapshot's 10 epochs.

test('training curves: the arrow keys step through the epochs, with a tooltip that is announced; the pointer too', async ({
  lab,
}) => {
  const { page } = lab;
  await lab.open('', { firstVisit: true }); // the MNIST snapshot: 10 epochs of curves
  await lab.settled();
  const epochs = (await lab.state()).epochs;
  expect(epochs.length).toBeGreaterThan(2);
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  const plot = page.getByTestId('curves.accuracy.plot');
  const tip = page.getByTestId('curves.accuracy.tooltip');
  const live = page.getByTestId('curves.accuracy.live');
  await expect(plot).toHaveAttribute('role', 'img');
  await expect(plot).toHaveAttribute('aria-label', /arrow keys step through the points/);
  await plot.focus();
  await expect(tip).toBeHidden();
  await page.keyboard.press('ArrowLeft'); // the first key shows the last epoch
  const last = epochs[epochs.length - 1];
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toHaveAttribute('data-index', String(epochs.length - 1));
  await expect(plot).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(
    `epoch ${last.epoch}; train accuracy: ${pct(last.trainAcc)}; validation accuracy: ${pct(last.valAcc)}`,
  );
  await page.keyboard.press('Home');
  await expect(tip).toHaveAttribute('data-index', '0');
  await expect(live).toContainText(`epoch ${epochs[0].epoch}; train accuracy: ${pct(epochs[0].trainAcc)}`);
  await page.keyboard.press('ArrowRight');
  await expect(tip).toHaveAttribute('data-index', '1');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(live).toHaveText('');
  await expect(plot).not.toHaveAttribute('aria-describedby');

  // The pointer at the plot's right end: the last epoch's losses, not announced.
  const loss = page.getByTestId('curves.loss.plot');
  await loss.scrollIntoViewIfNeeded();
  const box = (await loss.boundingBox())!;
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 3);
  const lossTip = page.getByTestId('curves.loss.tooltip');
  await expect(lossTip).toHaveAttribute('data-index', String(epochs.length - 1));
  await expect(lossTip).toContainText(`validation loss: ${last.valLoss.toFixed(4)}`);
  await expect(page.getByTestId('curves.loss.live')).toHaveText('');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
  await expect(lossTip).toBeHidden();
});
