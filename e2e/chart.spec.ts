import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';
import { CRITERIA } from '../src/core/prune';
import { SYNTH_RUN } from './runs';

/** The criteria's colours (Okabe–Ito, colour-blind safe), as the chart draws them. */
const PALETTE = {
  gradient: '#d55e00',
  gradnorm: '#e69f00',
  magnitude: '#0072b2',
  lamp: '#56b4e9',
  taylor: '#009e73',
  obd: '#cc79a7',
  random: '#7f7f7f',
};

/** A trained network (trained once, imported here) with its curves computed. */
async function trainedWithCurves(lab: LabPage) {
  await lab.openTrained(SYNTH_RUN);
  await lab.curvesDone();
}

/** The marker's x in page pixels (its SVG layer covers the chart box). */
const markerX = async (lab: LabPage) => {
  const box = (await lab.page.getByTestId('chart.plot').boundingBox())!;
  return box.x + Number(await lab.page.getByTestId('chart.marker').getAttribute('x1'));
};
const gridBox = async (lab: LabPage) =>
  (await lab.page.locator('[data-testid="chart.plot"] .recharts-cartesian-grid').boundingBox())!;

test('the chart shows a validation curve per criterion, a dense baseline and a marker that follows the slider', async ({
  lab,
}) => {
  await trainedWithCurves(lab);
  // The curves are drawn on a canvas under recharts' frame: one line per criterion, in its colour.
  const plot = lab.page.getByTestId('chart.plot');
  await expect.poll(() => lab.drawnLines(plot, 51)).toBe(CRITERIA.length); // validation curves; the training curves start hidden
  const painted = await lab.canvasColours('chart.lines', Object.values(PALETTE));
  for (const [k, n] of painted.entries()) expect(n, `${Object.keys(PALETTE)[k]}'s line is painted`).toBeGreaterThan(40);
  const s = await lab.state();
  for (const c of CRITERIA) {
    const val = s.sweep.curves[c]!.val;
    expect(val.length).toBe(51);
    for (let k = 1; k < val.length; k++) expect(val[k].sparsity).toBeGreaterThan(val[k - 1].sparsity);
    expect(s.sweep.curves[c]!.train.length).toBe(51);
  }
  // Showing a training curve from the legend adds a line.
  await lab.page
    .locator('[data-testid="chart.plot"] .recharts-legend-item', { hasText: 'Magnitude |w| · training' })
    .click();
  await expect.poll(() => lab.drawnLines(plot, 51)).toBe(CRITERIA.length + 1);

  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('20');
  await lab.settled();
  // The marker sits at the actual sparsity along the plot area, as the curves' x axis maps it.
  const grid = await gridBox(lab);
  const at = async () => grid.x + grid.width * (await lab.state()).pruning.view!.report.sparsity;
  const at20 = await markerX(lab);
  expect(Math.abs(at20 - (await at()))).toBeLessThan(1.5);
  await lab.page.getByTestId('controls.threshold.number').fill('80');
  await lab.settled();
  expect(await markerX(lab)).toBeGreaterThan(at20 + 50);
  expect(Math.abs((await markerX(lab)) - (await at()))).toBeLessThan(1.5);
  // On the log axis of weights remaining, 90% sparsity (10% remaining) sits at log(100/10) / log(100/0.5).
  await lab.page.getByTestId('chart.axis').click();
  await lab.page.getByTestId('controls.threshold.number').fill('90');
  await lab.settled();
  const remaining = 1 - (await lab.state()).pruning.view!.report.sparsity;
  const expected = grid.x + (grid.width * Math.log(1 / remaining)) / Math.log(200);
  await expect.poll(async () => Math.abs((await markerX(lab)) - expected)).toBeLessThan(1.5);
});

test('a fine-tune at 90% adds a point at least as accurate as one-shot pruning; curve and iterative runs add theirs', async ({
  lab,
}) => {
  await trainedWithCurves(lab);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('90');
  await lab.settled();
  const oneShot = (await lab.state()).pruning.view!.val!.accuracy;
  await lab.page.getByTestId('finetune.start').click();
  await expect.poll(async () => (await lab.state()).experiments.log.length, { timeout: 60_000 }).toBe(1);
  const rec = (await lab.state()).experiments.log[0];
  expect(rec.sparsity).toBeCloseTo(0.9, 3);
  expect(rec.afterValAcc).toBeGreaterThanOrEqual(oneShot);
  await expect(lab.page.locator('[data-testid="chart.plot"] .recharts-scatter-symbol')).toHaveCount(1);

  await lab.page.getByTestId('experiments.curve').click();
  // One progress and one Cancel for the series, in the experiments panel, with the curve's level.
  await expect(lab.page.getByTestId('experiments.stage')).toContainText(
    /Fine-tune curve \(.+\): level [1-5]\/5 \(\d+%\)/,
  );
  await expect(lab.page.getByTestId('experiments.cancel')).toHaveCount(1);
  await expect(lab.page.getByRole('button', { name: 'Cancel' })).toHaveCount(1);
  await expect(lab.page.getByTestId('experiments.status')).toContainText('Fine-tune curve done', { timeout: 120_000 });
  await lab.page.getByTestId('experiments.iterative').click();
  await expect(lab.page.getByTestId('experiments.status')).toContainText('Iterative pruning done', {
    timeout: 120_000,
  });
  const log = (await lab.state()).experiments.log;
  expect(log.filter((r) => r.kind === 'curve').map((r) => Number(r.sparsity.toFixed(2)))).toEqual([
    0.5, 0.8, 0.9, 0.95, 0.98,
  ]);
  expect(log.filter((r) => r.kind === 'iterative')).toHaveLength(1);
  await expect(lab.page.locator('[data-testid="chart.plot"] .recharts-scatter-symbol')).toHaveCount(7);
  await lab.page.getByTestId('experiments.clear').click();
  await expect(lab.page.locator('[data-testid="chart.plot"] .recharts-scatter-symbol')).toHaveCount(0);
});

// One trained page for three checks that each start from where the one before left it (the curves are
// computed once): the marker after resizes, a click on the chart, then a scope change.
test("after window resizes the marker still sits at the slider's sparsity; clicking the chart moves the slider there; a new scope recomputes the curves and the sensitivity view", async ({
  lab,
}) => {
  await trainedWithCurves(lab);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('80');
  await lab.settled();
  const sparsity = (await lab.state()).pruning.view!.report.sparsity;
  // Wide, narrow (one column), wide again, a small window: each time the plot area moves and changes size.
  for (const [width, height] of [
    [1600, 900],
    [800, 1000],
    [1366, 768],
    [1000, 700],
    [1366, 768],
  ]) {
    await lab.page.setViewportSize({ width, height });
    await expect
      .poll(
        async () => {
          const grid = await gridBox(lab);
          return Math.abs((await markerX(lab)) - (grid.x + grid.width * sparsity));
        },
        { message: `marker at ${width}×${height}` },
      )
      .toBeLessThan(1.5);
  }

  // Clicking the chart moves the slider there, and the curve agrees with the live evaluation.
  await lab.page.getByTestId('chart.plot').scrollIntoViewIfNeeded(); // a mouse click only lands inside the viewport
  const grid = (await lab.page.locator('[data-testid="chart.plot"] .recharts-cartesian-grid').boundingBox())!;
  await lab.page.mouse.click(grid.x + grid.width * 0.7, grid.y + grid.height / 2);
  await lab.settled();
  const s = await lab.state();
  expect(s.settings.sparsity).toBeCloseTo(0.7, 1);
  const curve = s.sweep.curves[s.settings.criterion]!.val;
  const point = curve.find((p) => Math.abs(p.sparsity - s.pruning.view!.report.sparsity) < 1e-9);
  expect(point).toBeDefined();
  expect(point!.accuracy).toBe(s.pruning.view!.val!.accuracy);
  await expect(lab.page.getByTestId('chart.tooltip')).toBeVisible();

  // The sensitivity view renders one panel per layer; curves recompute when the scope changes.
  const before = (await lab.state()).sweep.id;
  await lab.page.getByTestId('controls.scope').selectOption('per-layer');
  // While the new curves are computed the previous ones stay, faded, and the new points go to a canvas.
  await expect(lab.page.getByTestId('chart.computing')).toContainText(
    'Computing the curves (per-layer, weights)… The faded lines are the previous ones.',
  );
  await expect(lab.page.getByTestId('chart.plot')).toHaveClass(/stale/);
  await expect.poll(async () => (await lab.state()).sweep.id).toBeGreaterThan(before);
  await lab.curvesDone();
  await expect(lab.page.getByTestId('chart.canvas')).toHaveCount(0);
  await expect(lab.page.getByTestId('chart.plot')).not.toHaveClass(/stale/);
  await expect.poll(() => lab.drawnLines(lab.page.getByTestId('chart.plot'), 40)).toBe(CRITERIA.length);
  expect((await lab.state()).sweep.scope).toBe('per-layer');
  const colour = PALETTE[(await lab.state()).settings.criterion];
  for (let l = 0; l < 3; l++) {
    await expect(lab.page.getByTestId(`sensitivity.panel.${l}`)).toHaveAttribute('data-points', '21');
    // Each layer's curve is painted on its panel's canvas, in the criterion's colour.
    await expect(lab.page.getByTestId(`sensitivity.canvas.${l}`)).toHaveAttribute('data-points', '21');
    expect((await lab.canvasColours(`sensitivity.canvas.${l}`, [colour]))[0]).toBeGreaterThan(40);
  }
  await expect(lab.page.locator('[data-testid^="sensitivity.panel."]')).toHaveCount(3);
});
