import { expect, test } from './fixtures';
import { expectNothingSticksOut } from './invariants/layout';
import type { LabPage } from './pages/LabPage';

import { MNIST_RUN } from './runs';

// One MNIST network, trained once for the whole test run, imported into each test's page; the slider
// works the same on any backend.
const trained = (lab: LabPage) => lab.openTrained(MNIST_RUN);

test('dragging the slider with the mouse prunes monotonically, repaints the heatmaps and ends exact', async ({
  lab,
}) => {
  await trained(lab);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  const box = (await lab.slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await lab.page.mouse.click(box.x + 2, y);
  await lab.settled();
  const before = await lab.canvasHash('dense_1');
  const seen: number[] = [await lab.sparsityValue()];
  await lab.page.mouse.down();
  for (let k = 1; k <= 8; k++) {
    await lab.page.mouse.move(box.x + 2 + ((box.width - 4) * k) / 9, y, { steps: 3 });
    await expect
      .poll(() =>
        lab.page.evaluate(() => window.__gpl!.state().pruning.view!.id === window.__gpl!.state().pruning.requested),
      )
      .toBe(true);
    seen.push(await lab.sparsityValue());
  }
  await lab.page.mouse.up();
  for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
  expect(seen[seen.length - 1]).toBeGreaterThan(seen[0] + 0.5);
  expect(await lab.canvasHash('dense_1')).not.toBe(before);
  await lab.expectExactNumbers();
  // The URL is written on release.
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('mode=sparsity');
});

test('the slider is keyboard operable (arrows, Page Up/Down, Home/End) with a value text; typing T = 0.01 (the article) and switching criteria keeps the sparsity', async ({
  lab,
}) => {
  await trained(lab);
  await lab.slider.focus();
  await lab.page.keyboard.press('Home');
  await lab.settled();
  expect(await lab.sparsityValue()).toBe(0); // T = 0 prunes nothing
  await expect(lab.slider).toHaveAttribute('aria-valuetext', /T = 0, prunes 0\.0% of weights/);
  const seen = [0];
  for (const key of ['ArrowRight', 'PageUp', 'PageUp', 'ArrowUp', 'PageUp', 'PageUp']) {
    await lab.page.keyboard.press(key);
    await lab.settled();
    seen.push(await lab.sparsityValue());
  }
  for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
  expect(seen[seen.length - 1]).toBeGreaterThan(0.05);
  await lab.page.keyboard.press('End');
  await lab.settled();
  expect(await lab.sparsityValue()).toBe(1);
  await expect(lab.page.getByTestId('prune.collapse')).toContainText('Layer collapse');
  await lab.page.keyboard.press('PageDown');
  await lab.expectExactNumbers();

  // Typing T = 0.01 (the article) and switching criteria keeps the sparsity (the same page).
  await lab.page.getByTestId('controls.threshold.number').fill('0.01');
  await lab.settled();
  await expect(lab.page.getByTestId('prune.threshold')).toHaveText(/0\.01/);
  // The evaluation worker runs the WebAssembly SIMD kernels in Chromium, and says so with its time.
  await expect(lab.page.getByTestId('prune.evalTime')).toHaveAttribute('data-engine', 'wasm');
  await expect(lab.page.getByTestId('prune.evalTime')).toHaveText(
    /^\d+\.\d ms, (full pass|incremental) · WebAssembly SIMD$/,
  );
  const atGradient = await lab.sparsityValue();
  await lab.page.getByTestId('controls.criterion').selectOption('magnitude');
  await lab.settled();
  expect(Math.abs((await lab.sparsityValue()) - atGradient)).toBeLessThan(0.001);
  await lab.expectExactNumbers();
  await lab.page.getByTestId('controls.threshold.number').fill('-1');
  await expect(lab.page.getByTestId('controls.threshold.error')).toBeVisible();
});

test('neuron granularity blanks whole rows; receptive fields show each unit’s 28 × 28 inputs', async ({ lab }) => {
  await trained(lab);
  await lab.page.getByTestId('controls.granularity').selectOption('neurons');
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('50');
  await lab.settled();
  const s = await lab.state();
  const units = s.pruning.view!.units![0];
  expect(Array.from(units).filter((u) => u === 0).length).toBeGreaterThan(0);
  await expect(lab.page.getByTestId('prune.shapes')).toHaveText(/^784-\d+-\d+-10$/);
  const rows = await lab.page.getByTestId('heatmap.dense_1.canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from({ length: c.height }, (_, y) => {
      let grey = 0;
      for (let x = 0; x < c.width; x++)
        if (d[(y * c.width + x) * 4] === 190 && d[(y * c.width + x) * 4 + 1] === 190) grey++;
      return grey / c.width;
    });
  });
  units.forEach((keep, j) => (keep ? expect(rows[j]).toBeLessThan(1) : expect(rows[j]).toBe(1)));
  await lab.page.getByTestId('heatmaps.view').selectOption('fields');
  await expect(lab.page.getByTestId('heatmap.dense_1')).toHaveAttribute('data-layout', 'fields');
  await expect(lab.page.getByTestId('heatmap.dense_1.canvas')).toHaveAttribute('width', '231');
});

test('the layouts at 1366×768, 1920×1080 and 800×1000: nothing sticks out, the heatmaps are drawn (screenshots kept as artifacts); hovering a heatmap shows the weight under the pointer', async ({
  lab,
}, testInfo) => {
  await trained(lab);
  const hashes = new Set<string>();
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
    [800, 1000],
  ]) {
    await lab.page.setViewportSize({ width: w, height: h });
    await lab.frames(); // laid out and painted at the new size
    await expectNothingSticksOut(lab.page, `${w}×${h}`);
    await expect(lab.page.getByTestId('heatmap.dense_1.canvas')).toBeVisible();
    await expect(lab.slider).toBeVisible();
    hashes.add(await lab.canvasHash('dense_1'));
    const path = testInfo.outputPath(`layout-${w}x${h}.png`);
    const png = await lab.page.screenshot({ path, fullPage: true });
    // A whole page, as wide as the window: the width is the PNG header's (bytes 16–19, big-endian).
    expect(png.readUInt32BE(16), `${w}×${h}: screenshot width`).toBe(w);
    expect(png.readUInt32BE(20), `${w}×${h}: screenshot height`).toBeGreaterThanOrEqual(h);
    await testInfo.attach(`layout-${w}x${h}.png`, { path, contentType: 'image/png' });
  }
  expect(hashes.size, 'the same heatmap at every size').toBe(1);

  // Hovering a heatmap shows the weight under the pointer (on the same page, back at 1366×768).
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.frames();
  const canvas = lab.page.getByTestId('heatmap.dense_2.canvas');
  const box = (await canvas.boundingBox())!;
  const x = box.width * 0.3,
    y = box.height * 0.6;
  await canvas.hover({ position: { x, y } });
  const tip = lab.page.getByTestId('heatmap.dense_2.tooltip');
  await expect(tip).toBeVisible();
  const i = Math.floor((x / box.width) * 64),
    j = Math.floor((y / box.height) * 32);
  await expect(tip).toHaveAttribute('data-i', String(i));
  await expect(tip).toHaveAttribute('data-j', String(j));
  await expect(tip).toContainText(`input ${i} → unit ${j}`);
  await expect(tip).toContainText(/w = .*\|∂L\/∂w\| = .*(kept|pruned)/s);
  // Keyboard: focus the canvas and move with the arrows.
  await canvas.focus();
  await lab.page.keyboard.press('ArrowRight');
  await expect(tip).toHaveAttribute('data-i', String(Math.min(63, i + 1)));
});

test('the Fine-tune button trains the pruned network and shows the recovered accuracy', async ({ lab }) => {
  await trained(lab);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('90');
  await lab.settled();
  const oneShot = (await lab.state()).pruning.view!.val!.accuracy;
  await lab.page.getByTestId('finetune.start').click();
  await expect(lab.page.getByTestId('finetune')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const ft = (await lab.state()).experiments.finetune!;
  expect(ft.sparsity).toBeCloseTo(0.9, 3);
  expect(ft.result!.before.valAcc).toBeCloseTo(oneShot, 5); // tfjs on the same masked weights agrees with the TS evaluator
  expect(ft.result!.maskViolations).toBe(0);
  await expect(lab.page.getByTestId('finetune.result')).toContainText('At 90.0% sparsity');
});
