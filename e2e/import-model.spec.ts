import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';

// Bring a trained model: the lab's own TF.js export comes back as the same network; a hand-written
// model.json of another shape opens on synthetic-32; a refused file leaves the lab as it was.

/** The network on screen's weights, as plain numbers. */
const weights = (lab: LabPage) =>
  lab.page.evaluate(() =>
    window.__gpl!.state().scoring!.layers.map((l) => ({ kernel: Array.from(l.kernel), bias: Array.from(l.bias) })),
  );

type File = { name: string; mimeType: string; buffer: Buffer };
const jsonFile = (name: string, json: unknown): File => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(json)),
});

/** A Keras Sequential 32 → 16 → 8 → 10 as tensorflowjs_converter writes it (model_config, one shard). */
function handWritten(hiddenActivation = 'relu'): { files: File[]; values: { kernel: number[]; bias: number[] }[] } {
  const shapes = [
    [32, 16],
    [16, 8],
    [8, 10],
  ];
  const names = ['dense', 'dense_1', 'dense_2'];
  const values = shapes.map(([i, o], l) => ({
    kernel: Array.from(Float32Array.from({ length: i * o }, (_, k) => Math.sin(k * 0.7 + l) * 0.4)),
    bias: Array.from(Float32Array.from({ length: o }, (_, k) => Math.cos(k + l) * 0.05)),
  }));
  const layers = shapes.map(([i, o], l) => ({
    class_name: 'Dense',
    config: {
      name: names[l],
      units: o,
      activation: l === 2 ? 'linear' : hiddenActivation,
      use_bias: true,
      ...(l === 0 ? { batch_input_shape: [null, i] } : {}),
    },
  }));
  const model = {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: {
      keras_version: '2.15.0',
      backend: 'tensorflow',
      model_config: { class_name: 'Sequential', config: { name: 'sequential', layers } },
    },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: shapes.flatMap(([i, o], l) => [
          { name: `${names[l]}/kernel`, shape: [i, o], dtype: 'float32' },
          { name: `${names[l]}/bias`, shape: [o], dtype: 'float32' },
        ]),
      },
    ],
  };
  const data = Float32Array.from(values.flatMap((v) => [...v.kernel, ...v.bias]));
  const bin = { name: 'group1-shard1of1.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(data.buffer) };
  return { files: [jsonFile('model.json', model), bin], values };
}

test('bring a trained model: the lab’s own export round trip, another shape, a refusal', async ({ lab }) => {
  await lab.open('#dataset=synthetic-32&epochs=2');
  await lab.trainAndSettle();
  // Dense (sparsity 0): the exported model holds every weight as trained.
  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  const numbers = lab.page.getByTestId('controls.threshold.number');
  await numbers.fill('0');
  await expect.poll(async () => (await lab.state()).settings.sparsity).toBe(0);
  await numbers.blur();
  const files = await lab.downloads('export.model', 2);
  const trained = await weights(lab);
  await numbers.fill('70');
  await numbers.blur();
  await expect.poll(async () => (await lab.state()).settings.sparsity).toBe(0.7);
  await lab.settled();
  const before = (await lab.state()).pruning.view!;

  const [jsonName, json] = Object.entries(files).find(([name]) => name.endsWith('.json'))!;
  const manifest = JSON.parse(json.toString());
  const binName: string = manifest.weightsManifest[0].paths[0];
  const bin = Object.entries(files).find(([name]) => name.endsWith('.bin'))![1];
  const input = lab.page.getByTestId('model.files');
  await input.setInputFiles([
    { name: jsonName, mimeType: 'application/json', buffer: json },
    { name: binName, mimeType: 'application/octet-stream', buffer: bin },
  ]);
  await expect(lab.page.getByTestId('model.message')).toHaveText(
    `${jsonName} imported: the scoring pass runs on synthetic-32, then the network is shown as one trained here.`,
  );
  await lab.waitDone();
  await lab.settled();
  let s = await lab.state();
  expect(s.origin).toEqual({ kind: 'model', file: jsonName, output: 'softmax' });
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-origin', 'model');
  expect(await weights(lab)).toEqual(trained);
  const after = s.pruning.view!;
  expect(s.settings.sparsity).toBe(0.7);
  expect([after.val!.accuracy, after.train!.accuracy, after.report.sparsity]).toEqual([
    before.val!.accuracy,
    before.train!.accuracy,
    before.report.sparsity,
  ]);
  // run.json says where the network came from.
  const run = JSON.parse(Object.values(await lab.downloads('export.run', 1))[0].toString());
  expect(run.config.importedFrom).toBe(jsonName);

  // Another shape, written here: the form follows it, its weights are on screen, its numbers exact.
  const other = handWritten();
  await input.setInputFiles(other.files);
  await lab.waitDone();
  await lab.settled();
  s = await lab.state();
  expect(s.settings.hidden).toEqual([16, 8]);
  expect(s.origin).toEqual({ kind: 'model', file: 'model.json', output: 'linear' });
  expect(await weights(lab)).toEqual(other.values);
  for (const l of [1, 2, 3]) await expect(lab.page.getByTestId(`heatmap.dense_${l}.canvas`)).toBeVisible();
  await lab.expectExactNumbers();
  // Like a run on a table, the imported network is not in a link: the export panel says so; the link has its layers.
  await expect(lab.page.getByTestId('export.modelNotInLink')).toContainText('imported from model.json');
  expect(await lab.page.evaluate(() => location.hash)).toContain('hidden=16,8');

  // A sigmoid hidden layer is refused with the reader's words; the lab stays as it was.
  const runId = s.runId;
  await input.setInputFiles(handWritten('sigmoid').files);
  await expect(lab.page.getByTestId('model.message')).toHaveText(
    'This model cannot be imported: hidden layer 1 (dense) uses "sigmoid": the lab’s hidden layers are ReLU.',
  );
  s = await lab.state();
  expect([s.runId, s.phase, s.settings.hidden]).toEqual([runId, 'done', [16, 8]]);
  expect(await weights(lab)).toEqual(other.values);
});
