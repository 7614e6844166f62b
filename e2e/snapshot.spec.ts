import { expect, test } from './fixtures';
import { CRITERIA } from '../src/core/prune';

// A first visit opens on a pre-trained network shipped with the site: the heatmaps, the slider, the
// numbers and both charts work at once, with no training.

test('a first visit opens on the pre-trained MNIST network: everything works at once, and says what it is', async ({
  lab,
}) => {
  await lab.open('', { firstVisit: true });
  const origin = lab.page.getByTestId('progress.origin');
  await expect(origin).toHaveAttribute('data-snapshot', 'mnist');
  await expect(origin).toContainText(
    /Pre-trained snapshot: MNIST, seed 1, 10 epochs, batch 32, learning rate 0\.001, trained on WASM in (\d+\.\d s|\d+ s|\d+:\d\d) \([\d,]+ samples\/s\); dense validation accuracy 9\d\.\d%/,
  );
  await expect(lab.phase).toHaveAttribute('data-phase', 'done');
  await expect(lab.trainButton).toHaveText('Train your own');
  await expect(lab.page.getByTestId('pruning')).toHaveAttribute('data-status', 'ready');
  await lab.settled();
  // The training curves and the accuracy-vs-sparsity curves came with it (nothing was computed).
  await expect.poll(async () => (await lab.lossCanvas()).points).toBe(2500); // 10 epochs × 250 batches
  const drawn = await lab.lossCanvas();
  expect([drawn.grey > 500, drawn.blue > 300, drawn.green > 50]).toEqual([true, true, true]); // the three lines are on the canvas
  expect(await lab.drawnLines(lab.lossChart, 10)).toBe(3); // batch, smoothed and validation loss
  expect(await lab.drawnLines(lab.accuracyChart, 10)).toBe(2);
  await expect(lab.page.getByTestId('chart')).toHaveAttribute('data-status', 'done');
  await expect.poll(() => lab.drawnLines(lab.page.getByTestId('chart.plot'), 40)).toBe(CRITERIA.length);
  const s = await lab.state();
  expect(s.sweep.ms).toBeNull();
  expect([s.settings.epochs, s.runConfig!.epochs, s.dataset!.name, s.scoring!.layers[0].inputs]).toEqual([
    10,
    10,
    'mnist',
    784,
  ]);
  // The slider prunes it, with the same numbers as a from-scratch evaluation.
  await lab.slider.focus();
  await lab.page.keyboard.press('PageUp');
  await lab.expectExactNumbers();
  expect(await lab.sparsityValue()).toBeGreaterThan(0);
  // A scope change computes the curves of that scope.
  await lab.page.getByTestId('controls.scope').selectOption('per-layer');
  // MNIST's curves take a few seconds: meanwhile their points are drawn on the canvas as they arrive.
  await expect
    .poll(async () =>
      Number(
        await lab.page
          .getByTestId('chart.canvas')
          .getAttribute('data-points')
          .catch(() => '0'),
      ),
    )
    .toBeGreaterThan(0);
  await lab.curvesDone();
  expect((await lab.state()).sweep.scope).toBe('per-layer');
  expect((await lab.memory()).numTensors).toBe(0); // the training worker holds nothing for it
});

test('#dataset=synthetic-32 opens that snapshot; the other one is a click away; snapshot=none starts empty', async ({
  lab,
}) => {
  await lab.open('?backend=wasm#dataset=synthetic-32&criterion=taylor', { firstVisit: true });
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'synthetic-32');
  await lab.settled();
  let s = await lab.state();
  expect([s.settings.criterion, s.settings.epochs, s.scoring!.layers[0].inputs]).toEqual(['taylor', 10, 32]); // the link's criterion, the snapshot's epochs (the default is 5)
  await lab.page.getByTestId('progress.snapshot.mnist').click();
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-snapshot', 'mnist');
  await lab.settled();
  s = await lab.state();
  expect([s.settings.dataset, s.settings.criterion, s.scoring!.layers[0].inputs]).toEqual(['mnist', 'taylor', 784]);
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('criterion=taylor');

  // The same document: a link pasted into the tab applies like a fresh visit (nothing of the user's is lost: it was a snapshot).
  await lab.open('?backend=wasm#dataset=synthetic-32&snapshot=none');
  await expect(lab.phase).toHaveAttribute('data-phase', 'idle');
  await expect(lab.page.getByTestId('progress.origin')).toHaveCount(0);
  await expect(lab.page.getByTestId('pruning')).toHaveAttribute('data-status', 'idle');
});

test("Train pressed before the training backend is up runs; training your own keeps the snapshot's curves, faded, until the new ones arrive", async ({
  lab,
}) => {
  // The training worker's script held back: a first visit's Train is pressed before its backend is up.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await lab.page.route('**/assets/train-worker-*.js', async (route) => {
    await held;
    await route.continue();
  });
  // The tfjs steps (`steps=tfjs`): the fused ones train and score this run before the faded state can be seen.
  await lab.page.goto('./?backend=wasm&steps=tfjs#dataset=synthetic-32&epochs=1');
  await lab.page.waitForFunction(() => !!window.__gpl);
  await lab.settled();
  const plot = lab.page.getByTestId('chart.plot');
  await expect(plot).not.toHaveClass(/stale/);
  await expect(lab.badge).toHaveText('Starting backend…');
  await lab.trainButton.click(); // enabled: the run waits for the backend, and says so
  await expect(lab.phase).toHaveText('Starting the backend: the run begins as soon as it is up…');
  await expect(lab.phase).toHaveAttribute('data-phase', 'loading');
  await expect(lab.page.getByTestId('chart.waiting')).toContainText('The faded lines are the previous network’s.');
  await expect(plot).toHaveClass(/stale/);
  await expect.poll(() => lab.drawnLines(plot, 40)).toBe(CRITERIA.length); // still drawn while the new network trains
  release();
  await lab.curvesDone();
  await expect(plot).not.toHaveClass(/stale/);
  await expect(lab.page.getByTestId('chart.waiting')).toHaveCount(0);
  expect((await lab.state()).origin?.kind).toBe('trained');
  // Reset empties the lab: no faded curves of a network that is gone.
  await lab.resetButton.click();
  await expect(lab.page.getByTestId('chart.waiting')).toHaveText('Curves for every criterion appear after training.');
  await expect(plot).not.toHaveClass(/stale/);
  await expect.poll(() => lab.drawnLines(plot, 40)).toBe(0);
});

for (const [what, body, message] of [
  [
    'missing',
    null,
    /The pre-trained mnist network could not be opened \(Could not load the snapshot from .*snapshots\/mnist\.gpls\.gz \(HTTP 404\)\)\. The lab starts empty: press Train to train one\./,
  ],
  [
    'damaged',
    'garbage',
    /The pre-trained mnist network could not be opened \(.* is not a snapshot this lab can read: not a Gradient Pruning Lab snapshot/,
  ],
] as const) {
  test(`a ${what} snapshot gives a clear notice and an empty lab that trains`, async ({ lab }) => {
    await lab.page.route('**/snapshots/*.gpls.gz', (route) =>
      body === null ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, body }),
    );
    // The 404 is the test's own doing: the browser logs it as a console error.
    lab.expectedProblems.push(/^console error: Failed to load resource: the server responded with a status of 404/);
    await lab.open('?backend=wasm#epochs=1&batch=500', { firstVisit: true });
    await expect(lab.notices).toContainText(message);
    await expect(lab.phase).toHaveAttribute('data-phase', 'idle');
    await expect(lab.trainButton).toHaveText('Train');
    await lab.trainAndSettle();
  });
}
