import * as tf from '@tensorflow/tfjs';
import { expect, test } from './fixtures';
import { loadExported } from './models';
import { RUN_FORMAT } from '../src/core/formats';

// Any stack of hidden layers: chosen in the form (and the link), trained, pruned through the UI with
// every number checked against a from-scratch evaluation.

test('a 4-hidden-layer network from the form: trained, its five heatmaps, pruned exactly in every granularity', async ({
  lab,
}) => {
  await lab.open('#dataset=synthetic-32&epochs=2');
  const width = (i: number) => lab.page.getByTestId(`controls.hidden.${i}`);
  // 64, 32 → 32, 32, 16, 16: two widths typed, two layers added (each a copy of the last), two typed.
  await width(0).fill('32');
  await lab.page.getByTestId('controls.hidden.add').click();
  await lab.page.getByTestId('controls.hidden.add').click();
  await width(2).fill('16');
  await width(3).fill('0'); // refused with the form's message; the layer keeps 32
  await expect(lab.page.getByTestId('controls.hidden.error')).toHaveText(
    'Hidden layers: 0 is outside 1–512; keeping 32.',
  );
  await width(3).fill('16');
  await expect(lab.page.getByTestId('controls.hidden.error')).toHaveCount(0);
  await expect.poll(() => lab.page.evaluate(() => location.hash)).toContain('hidden=32,32,16,16');
  expect((await lab.state()).settings.hidden).toEqual([32, 32, 16, 16]);

  await lab.trainAndSettle();
  const s = await lab.state();
  expect(s.scoring!.layers.map((l) => [l.inputs, l.units])).toEqual([
    [32, 32],
    [32, 32],
    [32, 16],
    [16, 16],
    [16, 10],
  ]);
  for (const l of [1, 2, 3, 4, 5]) await expect(lab.page.getByTestId(`heatmap.dense_${l}.canvas`)).toBeVisible();
  await expect(lab.page.getByTestId('prune.layer.4')).toBeVisible();
  await lab.expectExactNumbers();

  const numbers = lab.page.getByTestId('controls.threshold.number');
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await numbers.fill('70');
  await expect.poll(async () => (await lab.state()).settings.sparsity).toBe(0.7);
  await lab.expectExactNumbers();
  for (const [select, value] of [
    ['controls.granularity', 'neurons'],
    ['controls.scope', 'per-layer'],
    ['controls.criterion', 'taylor'],
    ['controls.granularity', '2:4'],
  ]) {
    await numbers.blur();
    await lab.page.getByTestId(select).selectOption(value);
    await lab.expectExactNumbers();
  }
  // Neurons in every hidden layer: the units pruned are across all four.
  await lab.page.getByTestId('controls.granularity').selectOption('neurons');
  await lab.settled();
  const units = (await lab.state()).pruning.view!.report.layers.slice(0, 4).map((l) => l.sparsity);
  expect(units.filter((v) => v > 0)).toHaveLength(4);

  // The exports are of this network: the TF.js model has its five Dense layers, run.json (version 3) its
  // hidden layers, and importing that file gives back the same numbers.
  const files = await lab.downloads('export.model', 2);
  const json = Object.entries(files).find(([name]) => name.endsWith('.json'))![1];
  const bin = Object.entries(files).find(([name]) => name.endsWith('.bin'))![1];
  const model = await loadExported(JSON.parse(json.toString()), bin);
  expect(model.layers.map((l) => (l.getWeights()[0] as tf.Tensor).shape)).toEqual([
    [32, 32],
    [32, 32],
    [32, 16],
    [16, 16],
    [16, 10],
  ]);
  model.dispose();
  const run = Object.values(await lab.downloads('export.run', 1))[0].toString();
  expect(JSON.parse(run)).toMatchObject({ format: RUN_FORMAT, hidden: [32, 32, 16, 16] });
  const before = (await lab.state()).pruning.view!;
  expect(await lab.page.evaluate((t) => window.__gpl!.importRun(t), run)).toBeNull();
  await lab.settled();
  const after = await lab.state();
  expect(after.settings.hidden).toEqual([32, 32, 16, 16]);
  expect([after.pruning.view!.val!.accuracy, after.pruning.view!.report.sparsity]).toEqual([
    before.val!.accuracy,
    before.report.sparsity,
  ]);
  await lab.expectExactNumbers();
});
