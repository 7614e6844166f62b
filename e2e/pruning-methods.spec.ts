import { expect, test } from './fixtures';
import { MNIST_RUN, SYNTH_RUN } from './runs';

// The pruning methods that came after the article: criteria, 2:4, SNIP, movement, lottery tickets,
// gradual pruning — each a first-class setting with its own checks.

test('the layer-normalised gradient and LAMP: chosen from the select, in the link, exact, with their guarantees', async ({
  lab,
}) => {
  await lab.openTrained(MNIST_RUN);
  const numbers = lab.page.getByTestId('controls.threshold.number');
  // T = 1 is each layer's mean score: the normalised gradient prunes part of every layer there, where
  // the raw gradient (all of whose scores are far below 1) prunes every weight.
  await numbers.fill('1');
  await lab.settled();
  expect((await lab.state()).pruning.view!.report.sparsity).toBe(1);
  await numbers.blur(); // as a click on the select would
  await lab.page.getByTestId('controls.criterion').selectOption('gradnorm');
  await numbers.fill('1');
  await lab.settled();
  const layers = (await lab.state()).pruning.view!.report.layers;
  for (const l of layers) {
    expect(l.sparsity).toBeGreaterThan(0.1);
    expect(l.live).toBeGreaterThan(0);
  }
  await lab.expectExactNumbers();
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('criterion=gradnorm');

  // LAMP: every layer’s largest weight scores 1, so even at 99.9 % global sparsity no kernel is emptied
  // (few enough weights may still leave no path from an input to an output: that is not a layer collapse).
  await numbers.blur();
  await lab.page.getByTestId('controls.criterion').selectOption('lamp');
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await numbers.fill('99.9');
  await expect.poll(async () => (await lab.state()).settings.sparsity).toBe(0.999);
  await lab.settled();
  const view = (await lab.state()).pruning.view!;
  expect(view.report.sparsity).toBeGreaterThan(0.998);
  for (const l of view.report.layers) expect(l.live).toBeGreaterThan(0);
  await lab.expectExactNumbers();
  // On neurons, the page says what LAMP becomes there.
  await lab.page.getByTestId('controls.granularity').selectOption('neurons');
  await expect(lab.page.getByTestId('pruning.lamp-neurons')).toBeVisible();
  await lab.expectExactNumbers();
});

test('2:4 sparsity: at most 2 of every 4 inputs go, the slider stops at 50 %, curves and the link follow', async ({
  lab,
}) => {
  await lab.openTrained(SYNTH_RUN);
  await lab.curvesDone();
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.granularity').selectOption('2:4');
  await expect(lab.page.getByTestId('pruning.nm-note')).toContainText('not a speed-up');
  await lab.slider.focus();
  await lab.page.keyboard.press('End');
  await lab.settled();
  const s = await lab.state();
  expect(s.settings.sparsity).toBe(0.5);
  await expect(lab.page.getByTestId('prune.threshold')).toHaveText('the 2:4 limit: every candidate pruned');
  expect(s.pruning.view!.report.sparsity).toBe(0.5);
  // Every group of 4 consecutive inputs of every unit keeps exactly 2 (all layers here have 32, 64 or 32 inputs).
  const counts = await lab.page.evaluate(() => {
    const { pruning, scoring } = window.__gpl!.state();
    const seen = new Set<number>();
    pruning.view!.masks.forEach((m, l) => {
      const { inputs, units } = scoring!.layers[l];
      for (let j = 0; j < units; j++)
        for (let g = 0; g < inputs; g += 4)
          seen.add(m[g * units + j] + m[(g + 1) * units + j] + m[(g + 2) * units + j] + m[(g + 3) * units + j]);
    });
    return [...seen];
  });
  expect(counts).toEqual([2]);
  await lab.expectExactNumbers();
  // Below 50 %, the lowest-scoring candidates go first: never more than 2 of any 4.
  await lab.page.keyboard.press('PageDown');
  await lab.settled();
  expect((await lab.state()).pruning.view!.report.sparsity).toBeLessThan(0.5);
  await lab.expectExactNumbers();
  // The curves are recomputed for 2:4 and end at 50 %.
  await expect.poll(async () => (await lab.state()).sweep.granularity).toBe('2:4');
  await lab.curvesDone();
  const curve = (await lab.state()).sweep.curves.magnitude!.val;
  expect(curve.at(-1)!.sparsity).toBe(0.5);
  expect(curve.length).toBeGreaterThan(20);
  await expect.poll(() => lab.page.evaluate(() => decodeURIComponent(location.hash))).toContain('granularity=2:4');
});

test('SNIP at initialisation trains its mask and the shuffled one from the initial weights; movement pruning fine-tunes its scores; all land on the chart', async ({
  lab,
}) => {
  await lab.openTrained(SYNTH_RUN);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('80');
  await lab.settled();
  const tensors = (await lab.page.evaluate(() => window.__gpl!.memory())).numTensors;
  await lab.page.getByTestId('tickets.snip').click();
  await expect(lab.page.getByTestId('tickets.stage')).toBeVisible();
  await expect(lab.page.getByTestId('tickets.status')).toHaveText('SNIP done.', { timeout: 120_000 });
  const log = (await lab.state()).experiments.log;
  expect(log.map((r) => r.kind)).toEqual(['snip', 'snip-shuffled']);
  for (const r of log) expect(Math.abs(r.sparsity - 0.8)).toBeLessThan(0.001);
  // Trained from scratch, both learn something (10 classes: chance is 10 %).
  for (const r of log) expect(r.afterValAcc).toBeGreaterThan(0.15);
  await expect(lab.page.getByTestId('tickets.snip.result')).toContainText('shuffled within layers');
  await expect(lab.page.getByTestId('tickets.snip.result')).not.toContainText('<b>');
  await expect(lab.page.getByTestId('chart.legend')).toContainText('SNIP shuffled');
  expect((await lab.page.evaluate(() => window.__gpl!.memory())).numTensors).toBe(tensors);

  // Movement pruning on the same network and sparsity: scores from a fine-tune, the mask fine-tuned, a point on the chart.
  await lab.page.getByTestId('experiments.movement').click();
  await expect(lab.page.getByTestId('experiments.status')).toHaveText('Movement pruning done.', { timeout: 120_000 });
  const s = await lab.state();
  const r = s.experiments.log.at(-1)!;
  expect([r.kind, r.criterion]).toEqual(['movement', 'movement']);
  expect(Math.abs(r.sparsity - 0.8)).toBeLessThan(0.001);
  expect(s.experiments.finetune!.result!.maskViolations).toBe(0);
  await expect(lab.page.getByTestId('experiments.log')).toContainText('movement');
  await expect(lab.page.getByTestId('chart.legend')).toContainText('movement pruning');
});

test('a lottery ticket search: rounds from the fields and the link, nested sparsities, each against a random re-init', async ({
  lab,
}) => {
  await lab.openTrained(SYNTH_RUN);
  await lab.page.getByTestId('controls.ticketRounds').fill('2');
  await lab.page.getByTestId('controls.ticketRewind').fill('1');
  await lab.page.getByTestId('controls.ticketRate').fill('abc');
  await expect(lab.page.getByTestId('tickets')).toContainText('Pruned per round');
  await expect(lab.page.getByTestId('controls.ticketRate')).toHaveAttribute('aria-invalid', 'true');
  await lab.page.getByTestId('controls.ticketRate').fill('0.5');
  await lab.page.getByTestId('tickets.lottery').click();
  await expect(lab.page.getByTestId('tickets.progress')).toBeVisible();
  await expect(lab.page.getByTestId('tickets.status')).toHaveText('Lottery ticket search done.', { timeout: 180_000 });
  const log = (await lab.state()).experiments.log;
  expect(log.map((r) => r.kind)).toEqual(['ticket', 'reinit', 'ticket', 'reinit']);
  expect(log.map((r) => Math.round(r.sparsity * 1000) / 1000)).toEqual([0.5, 0.5, 0.75, 0.75]);
  await expect(lab.page.getByTestId('tickets.table').locator('tbody tr')).toHaveCount(2);
  await expect(lab.page.getByTestId('chart.legend')).toContainText('lottery ticket');
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toMatch(/rounds=2.*rewind=1|rewind=1.*rounds=2/);
});

test('gradual pruning: the schedule drawn and checked, live masks on the heatmaps while it trains, its end point on the chart', async ({
  lab,
}) => {
  // On the tfjs steps: the fused ones end this run before its live state can be seen (gradual pruning on
  // the fused steps is checked against the tfjs one in src/train/gradual.test.ts).
  await lab.openTrained(SYNTH_RUN, { query: '&steps=tfjs' });
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('80');
  await lab.settled();
  // A schedule that ends before it begins is refused, with the reason.
  await lab.page.getByTestId('controls.gradualBegin').fill('0.9');
  await lab.page.getByTestId('controls.gradualEnd').fill('0.5');
  await expect(lab.page.getByTestId('gradual.problem')).toContainText('Begin must come before end');
  await expect(lab.page.getByTestId('gradual.start')).toBeDisabled();
  await lab.page.getByTestId('controls.gradualBegin').fill('0.1');
  await lab.page.getByTestId('controls.gradualEnd').fill('0.6');
  await expect(lab.page.getByTestId('gradual.problem')).toHaveCount(0);
  await expect(lab.page.getByTestId('gradual.schedule')).toBeVisible();
  await lab.page.getByTestId('gradual.start').click();
  await expect(lab.page.getByTestId('heatmaps.gradual')).toBeVisible({ timeout: 60_000 });
  await expect(lab.page.getByTestId('gradual.now')).toBeVisible();
  await expect(lab.page.getByTestId('gradual.status')).toHaveText('Gradual pruning done.', { timeout: 180_000 });
  await expect(lab.page.getByTestId('heatmaps.gradual')).toHaveCount(0); // the slider's masks again
  const s = await lab.state();
  const total = s.experiments.gradual!.totalSteps;
  expect(s.experiments.gradual!.step).toBe(Math.round(0.6 * total)); // the last update is at the end step
  expect(s.experiments.gradual!.sparsity).toBeCloseTo(0.8, 3); // the slider's actual sparsity
  const r = s.experiments.log.at(-1)!;
  expect(r.kind).toBe('gradual');
  expect(r.afterValAcc).toBeGreaterThan(0.15);
  expect(s.experiments.finetune!.result!.maskViolations).toBe(0);
  await expect(lab.page.getByTestId('chart.legend')).toContainText('gradual pruning');
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('gend=0.6');
});
