import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';

// Bring a trained model: the lab's own TF.js export comes back as the same network; a hand-written
// model.json of another shape opens on synthetic-32; each refused file leaves the lab as it was.

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
function handWritten(
  hiddenActivation = 'relu',
  shapes = [
    [32, 16],
    [16, 8],
    [8, 10],
  ],
): { files: File[]; values: { kernel: number[]; bias: number[] }[] } {
  const names = shapes.map((_, l) => (l === 0 ? 'dense' : `dense_${l}`));
  const last = shapes.length - 1;
  const values = shapes.map(([i, o], l) => ({
    kernel: Array.from(Float32Array.from({ length: i * o }, (_, k) => Math.sin(k * 0.7 + l) * 0.4)),
    bias: Array.from(Float32Array.from({ length: o }, (_, k) => Math.cos(k + l) * 0.05)),
  }));
  const layers = shapes.map(([i, o], l) => ({
    class_name: 'Dense',
    config: {
      name: names[l],
      units: o,
      activation: l === last ? 'linear' : hiddenActivation,
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

test('bring a trained model: the lab’s own export round trip, another shape, each refusal', async ({ lab }) => {
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

  // Each refusal names what it found and leaves the lab as it was: a sigmoid hidden layer (the reader's
  // words), another input width or class count than the data's, layers beyond the lab's limits, a weight
  // file not chosen, a file that is not JSON, two model.json at once.
  const runId = s.runId;
  const good = handWritten();
  const refusals: [string, File[], string | RegExp][] = [
    [
      'sigmoid',
      handWritten('sigmoid').files,
      'This model cannot be imported: hidden layer 1 (dense) uses "sigmoid": the lab’s hidden layers are ReLU.',
    ],
    [
      'inputs',
      handWritten('relu', [
        [784, 16],
        [16, 10],
      ]).files,
      /^The model takes 784 inputs, but synthetic-32 has 32/,
    ],
    [
      'classes',
      handWritten('relu', [
        [32, 16],
        [16, 3],
      ]).files,
      /^The model gives 3 classes, but synthetic-32 has 10/,
    ],
    [
      'seven hidden layers',
      handWritten('relu', [[32, 8], ...Array.from({ length: 6 }, () => [8, 8]), [8, 10]]).files,
      /^This model’s hidden layers are beyond the lab’s limits/,
    ],
    [
      'a weight file left out',
      [good.files[0]],
      /^model\.json names weight files that were not chosen with it: group1-shard1of1\.bin/,
    ],
    [
      'not JSON',
      [{ ...good.files[0], buffer: Buffer.from('{ not json') }, good.files[1]],
      /^model\.json is not JSON: /,
    ],
    [
      'two model.json',
      [good.files[0], { ...good.files[0], name: 'other.json' }, good.files[1]],
      /^Choose one model\.json at a time/,
    ],
  ];
  for (const [what, chosen, message] of refusals) {
    await input.setInputFiles(chosen);
    await expect(lab.page.getByTestId('model.message'), what).toHaveText(message);
    s = await lab.state();
    expect([s.runId, s.phase, s.settings.hidden], what).toEqual([runId, 'done', [16, 8]]);
  }
  expect(await weights(lab)).toEqual(other.values);
});
