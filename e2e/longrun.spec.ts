import type { CDPSession } from '@playwright/test';
import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';
import { MNIST_RUN } from './runs';

// Long sessions: nothing leaks in the worker (tf.memory) or on the main thread (JS heap).

/**
 * The smallest heap size seen over a few forced collections, once the slider's work is over: its
 * numbers settled and the line of its measured speed (sent 300 ms after the slider rests) in, so that
 * no pending worker message holds a large copy.
 */
async function heapAfterGc(lab: LabPage, cdp: CDPSession): Promise<number> {
  await lab.settled();
  const sparsity = (await lab.state()).pruning.view!.report.sparsity;
  await expect
    .poll(async () => Number(await lab.page.getByTestId('prune.speed').getAttribute('data-sparsity')))
    .toBeCloseTo(sparsity, 6);
  let least = Infinity;
  for (let i = 0; i < 4; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    least = Math.min(least, (await cdp.send('Runtime.getHeapUsage')).usedSize);
  }
  return least;
}

test('20 train/reset cycles and 10 fine-tunes leave the worker tensor count where it was', async ({ lab }) => {
  test.setTimeout(600_000);
  await lab.open('?backend=wasm#dataset=synthetic-32&epochs=20&batch=1024&lr=0.01');
  const base = (await lab.memory()).numTensors;
  const counts: number[] = [];
  for (let i = 0; i < 20; i++) {
    await lab.trainButton.click();
    // Stop at a different point each time: while loading, training or after a few batches.
    if (i % 2 === 1) await expect.poll(() => lab.progressValue(), { timeout: 60_000 }).toBeGreaterThan(0);
    await lab.resetButton.click();
    await lab.phaseIs('idle');
    await expect.poll(async () => (await lab.memory()).numTensors).toBe(base);
    counts.push((await lab.memory()).numTensors);
  }
  expect(counts).toEqual(Array(20).fill(base));

  await lab.page.getByTestId('controls.epochs').fill('2');
  await lab.trainAndSettle();
  const afterTrain = (await lab.memory()).numTensors;
  const perFinetune: number[] = [];
  for (let i = 0; i < 10; i++) {
    const ok = await lab.page.evaluate(
      (s) =>
        window.__gpl!.finetune(
          'taylor',
          { mode: 'sparsity', value: s, scope: 'global', granularity: 'weights' },
          { epochs: 1 },
        ),
      0.3 + 0.06 * i,
    );
    expect(ok).toBe(true);
    await expect.poll(async () => (await lab.state()).experiments.finetune?.status, { timeout: 60_000 }).toBe('done');
    perFinetune.push((await lab.memory()).numTensors);
  }
  const note = `base ${base}, after 20 cycles ${counts.join(',')}, after training ${afterTrain}, after each fine-tune ${perFinetune.join(',')}`;
  test.info().annotations.push({ type: 'numTensors', description: note });
  console.log(`numTensors: ${note}`);
  expect(perFinetune).toEqual(Array(10).fill(afterTrain));
});

test('1,000 rapid slider moves (mouse and keyboard, both directions): no error, bounded heap, exact final numbers', async ({
  lab,
}) => {
  await lab.openTrained(MNIST_RUN);
  const cdp = await lab.page.context().newCDPSession(lab.page);
  const box = (await lab.slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const x = (f: number) => box.x + 4 + (box.width - 8) * f;
  // Warm up once so that lazily created caches count as baseline, not growth.
  await lab.slider.focus();
  await lab.page.keyboard.press('PageUp');
  await lab.settled();
  const heapBefore = await heapAfterGc(lab, cdp);

  let moves = 0;
  let heapHalf = 0;
  for (let round = 0; round < 10; round++) {
    if (round === 5) {
      heapHalf = await heapAfterGc(lab, cdp);
    }
    // 50 mouse moves while dragging, sweeping right on even rounds and left on odd ones.
    await lab.page.mouse.move(x(round % 2 ? 0.9 : 0.1), y);
    await lab.page.mouse.down();
    for (let k = 0; k < 50; k++) {
      const f = 0.1 + (0.8 * k) / 49;
      await lab.page.mouse.move(x(round % 2 ? 1 - f : f), y);
      moves++;
    }
    await lab.page.mouse.up();
    // 50 key presses, mixed keys and directions.
    await lab.slider.focus();
    for (let k = 0; k < 50; k++) {
      const keys =
        round % 2
          ? ['ArrowLeft', 'ArrowLeft', 'PageDown', 'ArrowRight']
          : ['ArrowRight', 'ArrowRight', 'PageUp', 'ArrowLeft'];
      await lab.page.keyboard.press(keys[k % keys.length]);
      moves++;
    }
  }
  expect(moves).toBe(1000);
  await lab.expectExactNumbers();
  await expect(lab.page.getByTestId('error.panel')).toHaveCount(0);

  const heapAfter = await heapAfterGc(lab, cdp);
  const mb = (b: number) => (b / 2 ** 20).toFixed(2);
  const note = `${mb(heapBefore)} MB → ${mb(heapHalf)} MB after 500 moves → ${mb(heapAfter)} MB after 1,000`;
  test.info().annotations.push({ type: 'main-thread heap after GC', description: note });
  console.log(`heap: ${note}`);
  expect((heapAfter - heapBefore) / 2 ** 20).toBeLessThan(8);
  // A leak grows with the number of moves; caches filled by the first moves do not.
  expect((heapAfter - heapHalf) / 2 ** 20).toBeLessThan(2);
});
