import { expect, test } from './fixtures';
import { CRITERIA } from '../src/core/prune';
import type { LabPage } from './pages/LabPage';

// Each test injects one fault through the page's test hooks (window.__gpl.faults) or the browser
// (CDP), then checks the page says what happened, nothing freezes, and a new run is consistent.
// The WASM backend (fast here) except where the fault is WebGPU's own (a lost device). The long run
// trains with the tfjs steps (`steps=tfjs`): the fused ones end it before a fault can be injected mid-epoch.
const LONG = '?backend=wasm&steps=tfjs#dataset=synthetic-32&epochs=40&batch=128&lr=0.01';
const SHORT = '?backend=wasm#dataset=synthetic-32&epochs=2&batch=256&lr=0.01';
/** The watchdog's timeout in the tests that wait for it (`?watchdog=`, src/train/watchdog.ts; 15 s in the app). */
const WATCHDOG_MS = 5000;
const WATCHED = (params: string) => params.replace('?backend=wasm', `?backend=wasm&watchdog=${WATCHDOG_MS}`);

async function trainUntilProgress(lab: LabPage): Promise<void> {
  await lab.trainButton.click();
  await expect.poll(() => lab.progressValue(), { timeout: 60_000 }).toBeGreaterThan(0);
}

/** Restarts with a short run from the error panel (large batches: 8 an epoch) and checks that run is complete and consistent. */
async function restartShort(lab: LabPage): Promise<void> {
  await lab.page.getByTestId('controls.epochs').fill('2');
  await lab.page.getByTestId('controls.batchSize').fill('1024');
  await expect(lab.page.getByTestId('error.restart')).toBeEnabled();
  await lab.page.getByTestId('error.restart').click();
  await expect(lab.page.getByTestId('error.panel')).toHaveCount(0);
  await lab.waitDone();
  const s = await lab.state();
  expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
  expect(s.scoring).not.toBeNull();
}

test('a lost WebGPU device stops the run with a message; the backend restarts and one click trains again', async ({
  lab,
}) => {
  // On the fused WebGPU steps, WebGPU's default (LONG without `steps=tfjs`): a run long enough to be lost
  // mid-epoch, in half the time of the tfjs steps (their many shaders compile twice here). Both kinds of step
  // run on the one device the worker watches (src/train/webgpuDevice.ts): its loss stops either the same way.
  await lab.open(LONG.replace('?backend=wasm&steps=tfjs', '?backend=webgpu'));
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  await trainUntilProgress(lab);
  await lab.page.evaluate(() => window.__gpl!.faults.loseDevice());
  await expect(lab.page.getByTestId('error.message')).toContainText('The GPU device was lost (destroyed');
  await expect(lab.page.getByTestId('error.message')).toContainText('The run stopped; the backend is starting again');
  await expect(lab.page.getByTestId('progress.stats')).not.toContainText('ETA'); // a stopped run has no ETA
  // The worker registers a fresh device and reports it; the badge comes back.
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  const held = (await lab.state()).losses.length;
  await lab.workerRoundTrip();
  expect((await lab.state()).losses.length).toBe(held); // nothing from the lost run arrives
  await restartShort(lab);
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  expect((await lab.memory()).numTensors).toBe(0);
});

test('the worker throwing mid-epoch shows an error panel; Reset works and the next run trains', async ({ lab }) => {
  await lab.open(LONG);
  await trainUntilProgress(lab);
  await lab.page.evaluate(() => window.__gpl!.faults.crashWorker());
  await expect(lab.page.getByTestId('error.message')).toContainText('injected worker failure');
  await expect(lab.page.getByTestId('error.message')).toContainText('a new one has been started');
  await lab.page.getByTestId('error.reset').click();
  await lab.phaseIs('idle');
  await expect(lab.page.getByTestId('error.panel')).toHaveCount(0);
  await expect(lab.progressBar).toHaveAttribute('data-value', '0');
  await lab.page.getByTestId('controls.epochs').fill('2');
  await expect(lab.trainButton).toBeEnabled(); // the new worker's backend is ready
  await lab.trainButton.click();
  await lab.waitDone();
  expect((await lab.state()).epochs).toHaveLength(2);
});

test('a worker that silently disappears mid-epoch is noticed by the watchdog; Restart trains again', async ({
  lab,
}) => {
  await lab.open(WATCHED(LONG));
  await trainUntilProgress(lab);
  const t0 = Date.now();
  await lab.page.evaluate(() => window.__gpl!.faults.closeWorker());
  // Noticed after the (test) timeout of silence: well before the app's 15 s, so the URL's timeout is the one in force.
  await expect(lab.page.getByTestId('error.message')).toContainText(/stopped responding for \d+ s/, {
    timeout: 12_000,
  });
  const detectedMs = Date.now() - t0;
  test.info().annotations.push({ type: 'watchdog detection ms', description: String(detectedMs) });
  console.log(`watchdog: a silently closed worker was reported after ${detectedMs} ms`);
  const silent = Number(
    (await lab.page.getByTestId('error.message').textContent())!.match(/stopped responding for (\d+) s/)![1],
  );
  expect(silent * 1000).toBeGreaterThanOrEqual(WATCHDOG_MS - 500); // not before the timeout (rounded to whole seconds)
  await restartShort(lab);
});

test('a diverging loss stops training with a clear message instead of drawing NaN', async ({ lab }) => {
  // The form allows learning rates up to 10, which stayed finite in our runs:
  // the page reaches the end without a NaN. A test-only learning rate of 1e30 makes Adam's weights overflow.
  await lab.open('?backend=wasm#dataset=synthetic-32&epochs=1&batch=256&lr=10');
  await lab.trainButton.click();
  await lab.waitDone();
  expect((await lab.state()).epochs.map((e) => Number.isFinite(e.trainLoss) && Number.isFinite(e.valLoss))).toEqual([
    true,
  ]);
  await lab.page.getByTestId('controls.epochs').fill('30');
  await lab.trainWith({ testLearningRate: 1e30 });
  await expect(lab.phase).toHaveAttribute('data-phase', 'error', { timeout: 120_000 });
  await expect(lab.page.getByTestId('error.message')).toContainText(
    /training loss became (NaN|Infinity|-Infinity) at batch \d+/,
  );
  await expect(lab.page.getByTestId('error.message')).toContainText('Try a smaller learning rate');
  const s = await lab.state();
  expect(s.losses.every((p) => Number.isFinite(p.loss))).toBe(true); // nothing non-finite reached the chart
  await lab.page.getByTestId('error.reset').click();
  await lab.phaseIs('idle');
});

test('reset and backend switch during scoring, and a new run during fine-tuning: stale messages are ignored', async ({
  lab,
}) => {
  // Batch 32: a scoring pass of 250 batches on the tfjs steps, long enough to reset in the middle of it.
  await lab.open(SHORT.replace('batch=256', 'batch=32').replace('?backend=wasm', '?backend=wasm&steps=tfjs'));
  // Reset exactly while the scoring pass runs.
  await lab.trainButton.click();
  await lab.page.waitForFunction(() => window.__gpl!.state().phase === 'scoring', null, {
    polling: 'raf',
    timeout: 60_000,
  });
  await lab.resetButton.click();
  await lab.phaseIs('idle');
  await lab.workerRoundTrip(); // the scoring pass's late messages, if any, are in
  let s = await lab.state();
  expect([s.phase, s.scoring, s.epochs.length]).toEqual(['idle', null, 0]);

  // Switch the backend in the middle of training: the run stops, the new backend comes up, a new run is whole.
  await lab.page.getByTestId('controls.batchSize').fill('256');
  await lab.page.getByTestId('controls.epochs').fill('30');
  await trainUntilProgress(lab);
  await lab.page.getByTestId('controls.backend').selectOption('cpu');
  await expect(lab.badge).toHaveAttribute('data-backend', 'cpu');
  await lab.phaseIs('idle');
  await lab.page.getByTestId('controls.epochs').fill('2');
  await lab.trainButton.click();
  await lab.waitDone();
  s = await lab.state();
  expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
  expect(s.backend!.name).toBe('cpu');
  // Back to WASM for what follows (MNIST on the plain-JS CPU backend takes tens of seconds here).
  await lab.page.getByTestId('controls.backend').selectOption('wasm');
  await expect(lab.badge).toHaveAttribute('data-backend', 'wasm');
  await lab.trainAndSettle();

  // A fine-tune is running; the sweep worker is busy; the user switches dataset and trains: the
  // fine-tune's late messages must not land on the new run, and the new run's curves are its own.
  // (200 epochs: still running when the new run stops it, on WASM as on the CPU backend.)
  expect(
    await lab.page.evaluate(() =>
      window.__gpl!.finetune(
        'magnitude',
        { mode: 'sparsity', value: 0.5, scope: 'global', granularity: 'weights' },
        { epochs: 200 },
      ),
    ),
  ).toBe(true);
  await expect.poll(async () => (await lab.state()).experiments.finetune?.status).toBe('running');
  await lab.page.getByTestId('controls.dataset').selectOption('mnist');
  await lab.page.getByTestId('controls.epochs').fill('1');
  await lab.page.getByTestId('controls.batchSize').fill('500');
  await lab.trainAndSettle();
  s = await lab.state();
  expect(s.dataset!.name).toBe('mnist');
  expect(s.scoring!.layers[0].inputs).toBe(784);
  expect(s.experiments.finetune?.status ?? 'none').not.toBe('running');
  await expect.poll(async () => (await lab.state()).sweep.status, { timeout: 120_000 }).toBe('done');
  s = await lab.state();
  expect(Object.keys(s.sweep.curves).length).toBe(CRITERIA.length);
  await lab.expectExactNumbers();
});

test('reset and backend switch in the middle of a fine-tune curve: the curve stops, nothing throws, the next run is whole', async ({
  lab,
}) => {
  // On the tfjs steps: the fused ones could finish the whole curve before the interruption.
  await lab.open('?backend=wasm&steps=tfjs#dataset=synthetic-32&epochs=2&batch=64&lr=0.01');
  for (const interrupt of ['reset', 'backend'] as const) {
    await lab.trainAndSettle();
    void lab.page.evaluate(() => window.__gpl!.finetuneCurve('magnitude'));
    await expect.poll(async () => (await lab.state()).experiments.finetune?.status).toBe('running');
    if (interrupt === 'reset') await lab.resetButton.click();
    else await lab.page.getByTestId('controls.backend').selectOption('cpu');
    await lab.phaseIs('idle');
    await lab.workerRoundTrip(); // a late fine-tune result, and a next curve step it would start, are in
    const s = await lab.state();
    expect([s.experiments.finetune, s.experiments.series, s.experiments.log.length, s.scoring]).toEqual([
      null,
      null,
      0,
      null,
    ]);
  }
  await expect(lab.badge).toHaveAttribute('data-backend', 'cpu');
  await lab.trainButton.click();
  await lab.waitDone();
  expect((await lab.state()).epochs.map((e) => e.epoch)).toEqual([1, 2]);
});

test('a frozen, hidden page (tab switch) pauses cleanly and the run completes after it comes back', async ({ lab }) => {
  await lab.open(WATCHED('?backend=wasm#dataset=synthetic-32&epochs=6&batch=128&lr=0.01'));
  await trainUntilProgress(lab);
  const cdp = await lab.page.context().newCDPSession(lab.page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  // Frozen for twice the watchdog's timeout (the page's clock runs on, its timers do not): a real wait, the subject.
  await new Promise((r) => setTimeout(r, 2 * WATCHDOG_MS));
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await lab.waitDone();
  const s = await lab.state();
  expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(s.error).toBeNull(); // no false alarm from the watchdog
});

test('a render error shows a recoverable panel, never a blank page', async ({ lab }) => {
  await lab.open(SHORT);
  await lab.page.evaluate(() => window.__gpl!.faults.renderError());
  await expect(lab.page.getByTestId('error.boundary')).toBeVisible();
  await expect(lab.page.getByTestId('error.boundary.message')).toHaveText('injected render error (test hook)');
  await lab.page.getByTestId('error.boundary.retry').click();
  await expect(lab.trainButton).toBeEnabled();
  await lab.trainButton.click();
  await lab.waitDone();
});
