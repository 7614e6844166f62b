import { expect, test } from './fixtures';

// Small runs: WebGPU here is a software adapter (SwiftShader), correct but slow.
const SHORT = '#dataset=synthetic-32&epochs=3&batch=256&lr=0.01';

test('loads ready with no console errors; auto trains on WASM at once, measures the backends when idle, names the rates, and estimates the run', async ({
  lab,
}) => {
  await lab.open(SHORT, { autoBackend: true });
  // Train is clickable before auto's choice (it runs on WASM meanwhile; the measurement comes when idle).
  await lab.page.waitForFunction(() => {
    const train = document.querySelector<HTMLButtonElement>('[data-testid="controls.train"]');
    return !!window.__gpl?.state().backend?.pending && !!train && !train.disabled;
  });
  await expect(lab.phase).toHaveAttribute('data-phase', 'idle');
  await expect(lab.page.getByRole('heading', { name: 'Gradient Pruning Lab' })).toBeVisible();
  // After it: the fastest here (WASM, against the software adapters), with what was measured.
  await expect(lab.badge).toHaveAttribute('data-choice', 'measured', { timeout: 60_000 });
  await expect(lab.badge).toHaveAttribute('data-backend', 'wasm');
  await expect(lab.page.getByTestId('backend.measured')).toContainText(
    /^ ?· measured: WASM [\d,]+ samples\/s, (WebGPU|WebGL) [\d,]+\/s/,
  );
  expect((await lab.state()).backend!.fallbackReason).toMatch(
    /auto measured at batch 256: wasm [\d,]+ samples\/s, .*webgpu [\d,]+ \(software adapter .+\).*; \?backend=webgpu forces webgpu/,
  );
  // Before Train: what the run is expected to take, phase by phase, from the measured throughput.
  await expect(lab.page.getByTestId('progress.expected')).toContainText(
    /Train on synthetic-32 takes about (\d+\.\d s|\d+ s|\d+:\d\d) here \(training (\d+\.\d s|\d+ s|\d+:\d\d), validation (\d+\.\d s|\d+ s|\d+:\d\d), scoring (\d+\.\d s|\d+ s|\d+:\d\d)/,
  );
  await lab.trainButton.click();
  await lab.waitDone();
  for (const phase of ['training', 'validation', 'scoring', 'curves'])
    await expect(lab.page.getByTestId(`progress.phase.${phase}`)).toHaveAttribute('data-status', 'done');
  await expect(lab.page.getByTestId('progress.took')).toContainText(/took (\d+\.\d s|\d+ s|\d+:\d\d) in all/);
  await expect(lab.page.getByTestId('progress.eta')).toHaveCount(0);
});

test('WebGPU end to end: a short run with progress, curves and gradient statistics; masked fine-tuning keeps pruned weights at 0; the same seed gives the same weights', async ({
  lab,
}) => {
  test.setTimeout(240_000);
  await lab.open(`?backend=webgpu${SHORT}&seed=3`);
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  await expect(lab.badge).toContainText('WEBGPU');
  // This machine's adapter is SwiftShader; the badge must say so.
  await expect(lab.badge).toContainText('software adapter');
  const before = await lab.memory();

  await lab.trainButton.click();
  await expect(lab.page.getByTestId('grads.panel')).toHaveAttribute('data-source', 'live');
  await lab.waitDone();
  await expect(lab.progressBar).toHaveAttribute('data-value', '100');
  await expect(lab.progressBar).toHaveAttribute('aria-valuenow', '100');
  await expect(lab.page.getByTestId('progress.stats')).toContainText('Epoch 3/3');
  await expect(lab.page.getByTestId('progress.stats')).toContainText(/\d[\d,.]* samples\/s/); // a finite rate (Infinity reads ∞)

  // Every batch loss, the smoothed line (3 epochs × 32 batches) and the validation loss on the canvas.
  await expect.poll(async () => (await lab.lossCanvas()).points).toBe(96);
  const drawn = await lab.lossCanvas();
  expect([drawn.grey > 100, drawn.blue > 100, drawn.green > 20]).toEqual([true, true, true]);
  expect(await lab.drawnLines(lab.lossChart, 3)).toBe(3); // batch, smoothed, validation (3 epochs)
  expect(await lab.drawnLines(lab.accuracyChart, 3)).toBe(2); // train + validation, 3 epochs

  const s = await lab.state();
  expect(s.dataset).toEqual({ name: 'synthetic-32', inputSize: 32, trainN: 8000, valN: 2000 });
  expect(s.epochs).toHaveLength(3);
  expect(s.epochs[2].trainLoss).toBeLessThan(s.epochs[0].trainLoss);
  expect(s.epochs[2].valAcc).toBeGreaterThan(0.3);
  // Same tensor count after every epoch, and nothing left once the run is over.
  expect(new Set(s.epochs.map((e) => e.numTensors)).size).toBe(1);
  expect((await lab.memory()).numTensors).toBe(before.numTensors);

  // The scoring pass delivered weights and both statistics, kernel-shaped, finite and non-negative.
  expect(s.scoring!.batches).toBe(Math.ceil(8000 / 256));
  expect(
    s.scoring!.layers.map((l) => [l.inputs, l.units, l.kernel.length, l.gradAbsMean.length, l.gradSqMean.length]),
  ).toEqual([
    [32, 64, 2048, 2048, 2048],
    [64, 32, 2048, 2048, 2048],
    [32, 10, 320, 320, 320],
  ]);
  for (const l of s.scoring!.layers) {
    expect(l.gradAbsMean.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    // Jensen: mean |g| ≤ sqrt(mean g²) for every weight.
    expect(l.gradAbsMean.every((v, i) => v <= Math.sqrt(l.gradSqMean[i]) * (1 + 1e-4) + 1e-12)).toBe(true);
  }
  await expect(lab.page.getByTestId('grads.panel')).toHaveAttribute('data-source', 'scoring');
  await expect(lab.page.getByTestId('grads.row.dense_1')).toContainText('32×64');

  // Masked fine-tuning on the device: pruned weights stay exactly 0 and accuracy recovers.
  const baseline = (await lab.memory()).numTensors;

  const started = await lab.page.evaluate(() =>
    window.__gpl!.finetune(
      'magnitude',
      { mode: 'sparsity', value: 0.9, scope: 'global', granularity: 'weights' },
      { epochs: 2 },
    ),
  );
  expect(started).toBe(true);
  await expect
    .poll(async () => (await lab.state()).experiments.finetune?.status, { timeout: 120_000 })
    .toMatch(/^(done|error)$/);
  const f = await lab.state();
  expect(f.experiments.finetune!.error).toBeNull();
  const r = f.experiments.finetune!.result!;
  expect(r.maskViolations).toBe(0);
  expect(f.experiments.finetune!.sparsity).toBeCloseTo(0.9, 3);
  // Count exact zeros: at least the 90% pruned weights are zero after fine-tuning.
  const total = r.layers.reduce((a, l) => a + l.kernel.length, 0);
  const zeros = r.layers.reduce((a, l) => a + l.kernel.filter((w) => w === 0).length, 0);
  expect(zeros).toBeGreaterThanOrEqual(Math.floor(0.9 * total));
  expect(r.after.valAcc).toBeGreaterThanOrEqual(r.before.valAcc);
  expect((await lab.memory()).numTensors).toBe(baseline);

  // The same seed gives the same final weights (a cheaper run: one epoch of large batches), another seed not.
  await lab.page.getByTestId('controls.epochs').fill('1');
  await lab.page.getByTestId('controls.batchSize').fill('1024');
  await lab.page.getByTestId('controls.seed').fill('7');
  await lab.trainButton.click();
  await lab.waitDone();
  const first = await lab.weightsHash();
  await lab.trainButton.click();
  await lab.waitDone();
  expect(await lab.weightsHash()).toBe(first);
  await lab.page.getByTestId('controls.seed').fill('8');
  await lab.trainButton.click();
  await lab.waitDone();
  expect(await lab.weightsHash()).not.toBe(first);
});

test('trains on MNIST loaded from the bundled data file', async ({ lab }) => {
  await lab.open('?backend=wasm#dataset=mnist&epochs=1&batch=500&lr=0.005');
  await lab.trainButton.click();
  await lab.waitDone();
  const s = await lab.state();
  expect(s.scoring!.layers[0].inputs).toBe(784);
  expect(s.epochs[0].valAcc).toBeGreaterThan(0.5);
});

for (const backend of ['cpu', 'wasm'] as const) {
  test(`?backend=${backend} forces the ${backend} backend, and it trains`, async ({ lab }) => {
    await lab.open(`?backend=${backend}${SHORT}`);
    await expect(lab.badge).toHaveAttribute('data-backend', backend);
    await expect(lab.badge).toContainText('forced');
    await expect(lab.page.getByTestId('backend.reason')).toHaveCount(0);
    await lab.trainButton.click();
    await lab.waitDone();
    // A forced backend is never measured against the others, not even at the first Train.
    await expect(lab.badge).toHaveAttribute('data-choice', 'forced');
    const s = await lab.state();
    expect(s.backend!.measured).toBeUndefined();
    expect(s.epochs).toHaveLength(3);
    expect(s.epochs[2].valAcc).toBeGreaterThan(0.3);
  });
}

test('without WebGPU the app falls back, says why, and trains', async ({ lab }) => {
  await lab.open(`?simulate=no-webgpu${SHORT.replace('epochs=3', 'epochs=1')}`, { autoBackend: true });
  // The first Train comes before the measurement or during it: the run waits for the choice.
  await lab.trainButton.click();
  await lab.waitDone();
  await expect(lab.badge).toHaveAttribute('data-choice', 'measured');
  await expect(lab.badge).not.toHaveAttribute('data-backend', 'webgpu');
  await expect(lab.page.getByTestId('backend.reason')).toContainText('webgpu skipped: this browser has no WebGPU');
});

test('pause holds progress, resume finishes; reset mid-run leaves the app usable', async ({ lab }) => {
  // The tfjs steps (`steps=tfjs`): the fused ones would end this run before Pause is pressed.
  await lab.open('?backend=wasm&steps=tfjs#dataset=synthetic-32&epochs=30&batch=64&lr=0.01');
  expect((await lab.memory()).numTensors).toBe(0); // nothing is left over from backend start-up
  await lab.trainButton.click();
  await expect.poll(() => lab.progressValue()).toBeGreaterThan(0);
  await lab.pauseButton.click();
  await lab.phaseIs('paused');
  const held = (await lab.state()).losses.length;
  await lab.workerRoundTrip();
  expect((await lab.state()).losses.length).toBe(held);
  await lab.resumeButton.click();
  await lab.phaseIs('training');
  await expect.poll(async () => (await lab.state()).losses.length).toBeGreaterThan(held);

  await lab.resetButton.click();
  await lab.phaseIs('idle');
  await expect(lab.progressBar).toHaveAttribute('data-value', '0');
  expect((await lab.state()).losses).toHaveLength(0);
  // Nothing from the stopped run arrives later.
  await lab.workerRoundTrip();
  expect((await lab.state()).losses).toHaveLength(0);
  await expect.poll(async () => (await lab.memory()).numTensors).toBe(0);

  await lab.page.getByTestId('controls.epochs').fill('1');
  await lab.trainButton.click();
  await lab.waitDone();
  expect((await lab.state()).epochs).toHaveLength(1);
});

test('a bad URL value shows a notice and uses the default', async ({ lab }) => {
  await lab.open('?backend=wasm#batch=0&epochs=abc');
  await expect(lab.notices).toHaveCount(2);
  const batchNotice = lab.notices.filter({ hasText: '"batch"' });
  await expect(batchNotice).toContainText('Batch size: 0 is outside 1–1024');
  await expect(lab.notices.filter({ hasText: '"epochs"' })).toContainText('not a number');
  await expect(lab.page.getByTestId('controls.batchSize')).toHaveValue('32');
  await expect(lab.page.getByTestId('controls.epochs')).toHaveValue('5');
  await batchNotice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(lab.notices).toHaveCount(1);
  await expect(lab.notices).toContainText('"epochs"');
});

test('invalid numbers typed in the form are refused inline', async ({ lab }) => {
  await lab.open('?backend=wasm#dataset=synthetic-32');
  const batch = lab.page.getByTestId('controls.batchSize');
  await batch.fill('0');
  await expect(lab.page.getByTestId('controls.batchSize.error')).toContainText('outside 1–1024');
  expect((await lab.state()).settings.batchSize).toBe(32);
  await batch.fill('1e9');
  await expect(lab.page.getByTestId('controls.batchSize.error')).toBeVisible();
  await batch.fill('64');
  await expect(lab.page.getByTestId('controls.batchSize.error')).toHaveCount(0);
  expect((await lab.state()).settings.batchSize).toBe(64);
});
