import * as tf from '@tensorflow/tfjs';
import { expect, test } from './fixtures';
import { decodeCompact } from '../src/core/compactFormat';
import { makeSynthetic32 } from '../src/core/dataset';
import { lossAndAccuracy, forwardLogits } from '../src/core/mlp';
import { SYNTH_RUN } from './runs';

// Issue 17: what pruning buys, measured in the page — inference speed (sparse vs dense, over sparsity)
// and the real size of each export format, whose files load back and predict as the table says.

/** Validation accuracy of predictions (row-major `[n, 10]`) on synthetic-32, seed 4 (SYNTH_RUN's data). */
const val = makeSynthetic32(4).val;
const accuracyOf = (out: ArrayLike<number>) => lossAndAccuracy(out, val.y, val.n, 10).accuracy;

test('speed over sparsity and export sizes are measured; the 8-bit and compact files decode to the accuracy shown', async ({ lab }) => {
  await lab.openTrained(SYNTH_RUN);
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.page.getByTestId('controls.threshold.number').fill('90');
  await lab.settled();
  // Once the slider rests, the numbers panel says what this mask costs per prediction, measured.
  const line = lab.page.getByTestId('prune.speed');
  await expect(line).toContainText('per prediction');
  // Its speed-ups say their spread and samples (5 pairs), or no verdict when the spread includes 1×.
  await expect(line).toContainText(/(faster|slower) \([\d.]+–[\d.]+× over 5 paired samples\)|no clear difference \(speed-up [\d.]+–[\d.]+× over 5 paired samples\)/);
  await expect.poll(async () => Number(await line.getAttribute('data-sparsity'))).toBeCloseTo(0.9, 2);
  const before = await lab.page.evaluate(() => window.__gpl!.memory());

  await lab.page.getByTestId('speed.measure').click();
  await expect(lab.page.getByTestId('speed.status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  // Issue 24: every chart shows its spread (a band) and how many samples and rounds each point is; a
  // break-even is an interval (marked on the chart) or the sentence says there is no clear one.
  const s0 = (await lab.state()).speed;
  for (const batch of [1, 256]) {
    const chart = lab.page.getByTestId(`speed.chart.${batch}`);
    await expect(chart).toHaveAttribute('data-points', '10');
    await expect(chart).toHaveAttribute('data-rounds', '3');
    await expect(chart).toHaveAttribute('data-samples', '12');
    await expect(chart).toHaveAttribute('data-x-max', '100');
    await expect(lab.page.getByTestId(`speed.band.${batch}`)).toHaveAttribute('d', /Z$/);
    const summary = lab.page.getByTestId(`speed.summary.${batch}`);
    const kind = await chart.getAttribute('data-break-even');
    const mark = lab.page.getByTestId(`speed.breakEven.${batch}`);
    if (kind === 'between') {
      await expect(summary).toContainText(/becomes faster than the dense one between \d+% and \d+% sparsity/);
      await expect(mark).toHaveCount(1);
      // The interval's ends are measured points: the spread wholly below 1× at one, wholly above at the other.
      const at = (x: number) => s0.curve!.points.find((p) => p.batch === batch && p.sparsity === x)!.ratio.csr;
      expect(at(Number(await chart.getAttribute('data-break-even-from'))).p90).toBeLessThan(1);
      expect(at(Number(await chart.getAttribute('data-break-even-to'))).p10).toBeGreaterThan(1);
    } else {
      await expect(summary).toContainText(/no clear break-even|at every sparsity measured, its whole spread (above|below) 1×/);
      await expect(mark).toHaveCount(0);
    }
  }
  await expect(lab.page.getByTestId('speed.note')).toHaveAttribute('data-samples', '12');
  await expect(lab.page.getByTestId('speed.note')).toContainText('median speed-up of 12 paired samples: 3 rounds over all sparsities, 4 samples each');
  await expect(lab.page.getByTestId('speed.legend')).toContainText('10th–90th percentile');
  // The sparse path computes the same network: its logits equal the dense path's.
  expect(Number(await lab.page.getByTestId('speed.check').getAttribute('data-max-diff'))).toBeLessThanOrEqual(1e-5);
  await expect(lab.page.getByTestId('speed.legend')).toContainText('TensorFlow.js predict (wasm)');
  const s = (await lab.state()).speed;
  expect(s.tfjs!.timings![1].medianMs).toBeGreaterThan(0);
  expect(s.curve!.points.map((p) => p.sparsity.toFixed(2))).toContain('0.98');
  // Timing left no tensors behind in the training worker.
  expect((await lab.page.evaluate(() => window.__gpl!.memory())).numTensors).toBe(before.numTensors);

  // The panel, measured, passes axe and the contrast check (its charts' text included).
  expect(await lab.axeSerious('measured')).toEqual([]);
  expect(await lab.lowContrastText()).toEqual([]);

  // Sizes: 8 files, the float32 ones keep the slider's accuracy exactly, every gzip is smaller.
  const rows = lab.page.locator('[data-testid^="sizes.row."]');
  await expect(rows).toHaveCount(8);
  const shown = (await lab.state()).pruning.view!.val!.accuracy;
  const attr = async (row: string, name: string) => Number(await lab.page.getByTestId(`sizes.row.${row}`).getAttribute(`data-${name}`));
  expect(await attr('float32.dense', 'accuracy')).toBe(shown);
  expect(await attr('float32.csr', 'accuracy')).toBe(shown);
  expect(await attr('int8-layer.dense', 'gzip')).toBeLessThan((await attr('float32.dense', 'bytes')) / 4);
  expect(await attr('float32.csr', 'bytes')).toBeLessThan((await attr('float32.dense', 'bytes')) / 3);
  await expect(lab.page.getByTestId('sizes.recipe')).toContainText('6×');

  // The 8-bit dense files load with tf.loadLayersModel (tfjs's own quantisation) and predict as shown.
  const files = await lab.downloads('sizes.download.int8-layer.dense', 2);
  const json = JSON.parse(files[Object.keys(files).find((f) => f.endsWith('.json'))!].toString());
  const bin = files[Object.keys(files).find((f) => f.endsWith('.weights.bin'))!];
  expect(json.weightsManifest[0].weights[0].quantization).toMatchObject({ dtype: 'uint8' });
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer }));
  const probs = tf.tidy(() => (model.predict(tf.tensor2d(val.x, [val.n, 32])) as tf.Tensor).dataSync());
  model.dispose();
  expect(accuracyOf(probs)).toBe(await attr('int8-layer.dense', 'accuracy'));
  // The lab's compact CSR file (8-bit per unit) decodes to the accuracy shown too.
  const compact = await lab.downloads('sizes.download.int8-unit.csr', 1);
  const decoded = decodeCompact(new Uint8Array(Object.values(compact)[0]));
  expect(decoded).toMatchObject({ format: 'int8-unit', layout: 'csr' });
  expect(accuracyOf(forwardLogits(decoded.layers, val.x, val.n))).toBe(await attr('int8-unit.csr', 'accuracy'));
  await expect(lab.page.getByTestId('sizes.message')).toContainText('.gplw');

  // A new setting marks the measurement as stale until measured again.
  await lab.page.getByTestId('controls.granularity').selectOption('neurons');
  await expect(lab.page.getByTestId('speed.stale')).toBeVisible();
  await lab.settled();
  await expect(line).toContainText('smaller dense network');
  await lab.page.getByTestId('speed.measure').click();
  await expect(lab.page.getByTestId('speed.status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(lab.page.getByTestId('speed.stale')).toHaveCount(0);
  await expect(lab.page.getByTestId('speed.legend')).toContainText('smaller dense');

  // 2:4 prunes at most half the weights: both the accuracy chart and the speed charts end at 50 %.
  await lab.page.getByTestId('controls.granularity').selectOption('2:4');
  await lab.settled();
  // The axis follows the curves drawn: 0–50 % once the 2:4 curves are done.
  await expect(lab.page.getByTestId('chart.plot')).toHaveAttribute('data-x-domain', '0,50', { timeout: 60_000 });
  await expect(lab.page.locator('[data-testid="chart.plot"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')).toHaveText(['0%', '10%', '20%', '30%', '40%', '50%']);
  await lab.page.getByTestId('speed.measure').click();
  await expect(lab.page.getByTestId('speed.status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(lab.page.getByTestId('speed.chart.1')).toHaveAttribute('data-points', '3');
  await expect(lab.page.getByTestId('speed.chart.1')).toHaveAttribute('data-x-max', '50');
});
