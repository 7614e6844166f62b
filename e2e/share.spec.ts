import { unlinkSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';
import { makeSynthetic32 } from '../src/core/data';
import { forwardLogits } from '../src/core/base';
import { parseRun, RUN_MAX_LENGTH } from '../src/core/formats';
import { loadExported } from './models';
import { serveDist } from './static-server';

const SYNTH = '?backend=wasm#dataset=synthetic-32&epochs=3&batch=64&lr=0.01&seed=6&mode=sparsity&sparsity=0.6';

async function trained(lab: LabPage, params = SYNTH) {
  await lab.open(params);
  await lab.trainAndSettle();
}

const DATE = '\\d{4}-\\d\\d-\\d\\d';
/** The one downloaded file whose name matches (the names say dataset, criterion, sparsity and date). */
function named(files: Record<string, Buffer>, pattern: string): Buffer {
  const re = new RegExp(`^${pattern.replace('DATE', DATE)}$`);
  const hits = Object.keys(files).filter((f) => re.test(f));
  expect(hits, `one file named like ${re} among ${Object.keys(files).join(', ')}`).toHaveLength(1);
  return files[hits[0]];
}

test('a crafted link restores every setting, hides panels and trains on load', async ({ lab }) => {
  await lab.open(
    '?backend=cpu#dataset=synthetic-32&seed=9&epochs=2&batch=128&lr=0.005&criterion=taylor&scope=per-layer&granularity=neurons&mode=sparsity&sparsity=0.3&view=weights&scale=linear&hide=backend,export,how&autotrain=1',
  );
  await lab.waitDone();
  const s = await lab.state();
  expect(s.settings).toMatchObject({
    dataset: 'synthetic-32',
    seed: 9,
    epochs: 2,
    batchSize: 128,
    learningRate: 0.005,
    criterion: 'taylor',
    scope: 'per-layer',
    granularity: 'neurons',
    mode: 'sparsity',
    sparsity: 0.3,
    view: 'weights',
    scale: 'linear',
    backend: 'cpu',
  });
  expect(s.runConfig).toMatchObject({ seed: 9, epochs: 2, batchSize: 128 });
  await expect(lab.page.getByTestId('controls.criterion')).toHaveValue('taylor');
  await expect(lab.page.getByTestId('controls.backend')).toBeHidden();
  await expect(lab.page.getByTestId('export')).toHaveCount(0);
  await expect(lab.page.getByTestId('how')).toHaveCount(0);
  await expect(lab.notices).toHaveCount(0);
  // The URL keeps the flags when a setting changes.
  await lab.page.getByTestId('controls.criterion').selectOption('obd');
  await expect
    .poll(() => lab.page.evaluate(() => location.hash))
    .toMatch(/criterion=obd.*hide=backend,export,how&autotrain=1/);
});

test('the exported model loads with tf.loadLayersModel and predicts like the app, pruned weights exactly 0', async ({
  lab,
}) => {
  await trained(lab);
  const files = await lab.downloads('export.model', 2);
  const run = named(await lab.downloads('export.run', 1), 'run-synthetic-32-gradient-60\\.0pct-DATE\\.json');
  const modelJson = JSON.parse(named(files, 'model-synthetic-32-gradient-60\\.0pct-DATE\\.json').toString());
  const bin = named(files, 'model-synthetic-32-gradient-60\\.0pct-DATE\\.weights\\.bin');
  expect(modelJson.weightsManifest[0].paths).toEqual([Object.keys(files).find((f) => f.endsWith('.weights.bin'))]); // model.json names its weights file
  const model = await loadExported(modelJson, bin);
  const state = await lab.state();
  const ds = makeSynthetic32(6);
  const n = 200;
  const x = ds.val.x.subarray(0, n * 32);
  const probs = tf.tidy(() => (model.predict(tf.tensor2d(x, [n, 32])) as tf.Tensor).dataSync());
  // The run file's weights and masks, through the plain-TS forward pass.
  const saved = JSON.parse(run.toString());
  const masked = saved.layers.map(
    (l: { kernel: number[]; mask: number[]; bias: number[]; inputs: number; units: number }) => ({
      ...l,
      kernel: l.kernel.map((w, i) => (l.mask[i] ? w : 0)),
    }),
  );
  const logits = forwardLogits(masked, x, n);
  let maxDiff = 0;
  for (let r = 0; r < n; r++) {
    const row = Array.from(logits.subarray(r * 10, r * 10 + 10));
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b);
    e.forEach((v, c) => (maxDiff = Math.max(maxDiff, Math.abs(v / sum - probs[r * 10 + c]))));
  }
  expect(maxDiff).toBeLessThan(1e-5);
  const kernels = model.layers.map((l) => l.getWeights()[0].dataSync());
  const zeros = kernels.reduce((a, k) => a + k.filter((w) => w === 0).length, 0);
  const total = kernels.reduce((a, k) => a + k.length, 0);
  expect(1 - (total - zeros) / total).toBeCloseTo(state.pruning.view!.report.sparsity, 6);
  model.dispose();
});

test('run.json re-imports the same numbers without retraining; a bad file changes nothing', async ({
  lab,
}, testInfo) => {
  // A first visit before the training backend has started (its worker's script held back): the snapshot
  // on screen exports at once, names the backend that trained it, and imports again as the same file.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await lab.page.route('**/assets/train-worker-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await lab.page.goto('./?backend=wasm#dataset=synthetic-32');
  await lab.page.waitForFunction(() => !!window.__gpl);
  await lab.settled();
  let first: string;
  try {
    await expect(lab.badge).toHaveText('Starting backend…');
    first = named(await lab.downloads('export.run', 1), 'run-synthetic-32-gradient-50\\.0pct-DATE\\.json').toString();
    await expect(lab.page.getByTestId('export.message')).toHaveText('run.json downloaded.');
    expect((await lab.state()).backendStatus).toBe('starting');
  } finally {
    release();
  }
  const snapshotRun = parseRun(first);
  if (!snapshotRun.ok) throw new Error(snapshotRun.error);
  const { config, data, sweep } = snapshotRun.run;
  expect([config.backendUsed, data.name, sweep.length]).toEqual(['wasm', 'synthetic-32', 7 * 2 * 51]); // the snapshot's provenance, its curves
  await expect(lab.badge).toHaveAttribute('data-backend', 'wasm');
  await lab.page
    .getByTestId('export.file')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(first) });
  await expect(lab.page.getByTestId('export.message')).toContainText('run.json imported');
  await lab.settled();
  await expect(lab.page.getByTestId('chart')).toHaveAttribute('data-status', 'done');
  const dateless = (t: string) => t.replace(/"createdAt":"[^"]*"/, '');
  expect(dateless(await lab.page.evaluate(() => window.__gpl!.runFile()))).toBe(dateless(first)); // curves computed again, to the bit
  await lab.page.goto('about:blank'); // the next page loads afresh (same path: a new hash alone would be a link pasted into this one)

  await trained(lab);
  const before = (await lab.state()).pruning.view!;
  const run = named(await lab.downloads('export.run', 1), 'run-synthetic-32-gradient-60\\.0pct-DATE\\.json');
  await lab.open('?backend=wasm');
  const input = lab.page.getByTestId('export.file');
  await input.setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: run });
  await expect(lab.page.getByTestId('export.message')).toContainText('run.json imported');
  await lab.settled();
  // It says where the network came from, not a training run's progress.
  await expect(lab.page.getByTestId('progress.origin')).toHaveAttribute('data-origin', 'imported');
  await expect(lab.page.getByTestId('progress.origin')).toContainText(
    /Imported from run\.json \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
  );
  await expect(lab.page.getByTestId('progress.phases')).toHaveCount(0);
  const after = await lab.state();
  expect(after.epochs).toHaveLength(0); // no training happened
  expect(after.settings).toMatchObject({ dataset: 'synthetic-32', seed: 6, mode: 'sparsity', sparsity: 0.6 });
  expect(after.pruning.view!.val!.accuracy).toBe(before.val!.accuracy);
  expect(after.pruning.view!.train!.accuracy).toBe(before.train!.accuracy);
  expect(after.pruning.view!.report.sparsity).toBe(before.report.sparsity);

  const broken = JSON.parse(run.toString());
  broken.layers[1].mask[5] = 2;
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(lab.page.getByTestId('export.message')).toContainText('layers[1].mask');
  // One byte over the limit: refused from its size, in exact bytes (in MB both would read 50).
  const huge = testInfo.outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(RUN_MAX_LENGTH + 1, 32));
  const t0 = Date.now();
  await input.setInputFiles(huge);
  await expect(lab.page.getByTestId('export.message')).toHaveText(
    'This file is 52,428,801 bytes; run files are at most 52,428,800 bytes. It was not read.',
  );
  expect(Date.now() - t0).toBeLessThan(10_000); // refused from its size, without reading it
  unlinkSync(huge);
  const unchanged = await lab.state();
  expect(unchanged.runId).toBe(after.runId);
  expect(unchanged.pruning.view!.val!.accuracy).toBe(before.val!.accuracy);
});

test('the built site works from a sub-path of a plain static server, with its CSP and no outside requests', async ({
  lab,
}) => {
  const server = await serveDist('/some/sub/path/', 4191);
  try {
    const csp: string[] = [];
    lab.page.on('console', (m) => /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
    // The browser's own report of each violation, recorded in the page from its first script on.
    await lab.page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await lab.page.goto('http://localhost:4191/some/sub/path/?backend=wasm#dataset=mnist&epochs=1&batch=500&lr=0.005');
    await expect(lab.badge).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
    await lab.trainAndSettle();
    expect((await lab.state()).epochs[0].valAcc).toBeGreaterThan(0.5);
    expect(await lab.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "default-src 'self'",
    );
    expect(csp).toEqual([]);
    expect(await lab.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // Control, in a second page outside the fixture's console watch: the listener does report a
    // script the policy forbids, so the empty list above means something.
    const other = await lab.page.context().newPage();
    await other.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    });
    await other.goto('http://localhost:4191/some/sub/path/?backend=cpu');
    await other.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://example.invalid/x.js';
      document.head.append(s);
    });
    await expect
      .poll(() => other.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
      .toEqual(['script-src-elem']);
    await other.close();
  } finally {
    server.close();
  }
});

test('charts and heatmaps download as PNG; neuron pruning exports a smaller stripped model', async ({ lab }) => {
  await trained(
    lab,
    '?backend=wasm#dataset=synthetic-32&epochs=2&batch=64&lr=0.01&seed=6&mode=sparsity&sparsity=0.5&granularity=neurons',
  );
  await lab.curvesDone();
  const images = await lab.downloads('export.png', 6);
  for (const [name, png] of Object.entries(images)) {
    expect(name).toMatch(/\.png$/);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(200);
  }
  for (const chart of [
    'accuracy-vs-sparsity',
    'heatmap-dense_1',
    'heatmap-dense_2',
    'heatmap-dense_3',
    'training-accuracy',
    'training-loss',
  ])
    named(images, `${chart}-synthetic-32-gradient-\\d+\\.\\dpct-DATE\\.png`);
  const stripped = await lab.downloads('export.stripped', 2);
  const json = JSON.parse(named(stripped, 'model-stripped-synthetic-32-gradient-\\d+\\.\\dpct-DATE\\.json').toString());
  const units = json.modelTopology.config.layers.map((l: { config: { units: number } }) => l.config.units);
  const shapes = (await lab.page.getByTestId('prune.shapes').textContent())!.split('-').map(Number);
  expect(units).toEqual(shapes.slice(1));
  expect(units[0]).toBeLessThan(64);
  expect(named(stripped, 'model-stripped-.*\\.weights\\.bin').length).toBe(
    4 * (32 * units[0] + units[0] + units[0] * units[1] + units[1] + units[1] * 10 + 10),
  );
});
