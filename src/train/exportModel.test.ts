// The layers-format export (src/core/formats/exportFormat.ts) loaded back by tfjs 4.22 (CPU backend, Node):
// the JSON matches what tfjs-layers itself saves, and the loaded model predicts like the plain-TS pass.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerShapes, forwardLogits, createRng } from '../core/base';
import { layersModelArtifacts, strippedLayers, type ExportLayer } from '../core/formats';
import { buildPruneIndex, computeMasks } from '../core/prune';
import { fromArtifacts, softmaxRows, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

const r = createRng(42);
const INPUTS = 32;
const layers: ExportLayer[] = layerShapes(INPUTS).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, () => r.normal() * Math.sqrt(2 / s.inputs)),
  bias: Float32Array.from({ length: s.units }, () => 0.3 * r.normal()),
}));
const N = 50;
const x = Float32Array.from({ length: N * INPUTS }, () => r.normal());

/** Reference probabilities: softmax of the core forward pass with masked kernels, in float64. */
function referenceProbs(net: readonly ExportLayer[], masks: readonly ArrayLike<number>[] | null): Float64Array {
  return softmaxRows(
    forwardLogits(
      net.map((l, k) => ({ ...l, kernel: Array.from(l.kernel, (w, i) => (masks && !masks[k][i] ? 0 : w)) })),
      x,
      N,
    ),
    net[net.length - 1].units,
  );
}

/** Loads, predicts, checks against the reference and that pruned kernel entries read back as +0. */
async function checkLoaded(
  handler: tf.io.IOHandler,
  net: readonly ExportLayer[],
  masks: readonly Uint8Array[] | null,
): Promise<void> {
  const model = await tf.loadLayersModel(handler);
  expect(model.layers.map((l) => l.getClassName())).toEqual(net.map(() => 'Dense'));
  expect(model.inputs[0].shape).toEqual([null, net[0].inputs]);
  const xt = tf.tensor2d(x, [N, INPUTS]);
  const out = model.predict(xt) as tf.Tensor;
  const got = await out.data();
  const want = referenceProbs(net, masks);
  expect(got.length).toBe(want.length);
  let maxDiff = 0;
  want.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - got[i]))));
  expect(maxDiff).toBeLessThan(1e-5);
  for (let k = 0; k < net.length; k++) {
    // getWeights() returns the model's own variables: read them, do not dispose them.
    const [kernel, bias] = model.layers[k].getWeights();
    expect(kernel.shape).toEqual([net[k].inputs, net[k].units]);
    expect(bias.shape).toEqual([net[k].units]);
    const w = await kernel.data();
    let pruned = 0;
    w.forEach((v, i) => {
      if (masks && !masks[k][i]) {
        pruned++;
        expect(Object.is(v, 0)).toBe(true);
      } else expect(v).toBe(Math.fround(net[k].kernel[i]) + 0);
    });
    if (masks) expect(pruned).toBe(masks[k].length - masks[k].reduce((a, b) => a + b, 0));
  }
  tf.dispose([xt, out]);
  model.dispose();
}

describe('layers-format export', () => {
  it('writes exactly the topology and manifest tfjs-layers saves for the same Sequential', async () => {
    const before = tf.memory().numTensors;
    const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, () => (r.next() < 0.6 ? 1 : 0)));
    const mine = layersModelArtifacts(layers, masks, { modelName: 'sequential_ref' });
    const ref = tf.sequential({ name: 'sequential_ref' });
    layers.forEach((l, k) =>
      ref.add(
        tf.layers.dense({
          units: l.units,
          activation: k === layers.length - 1 ? 'softmax' : 'relu',
          name: l.name,
          ...(k === 0 ? { inputShape: [l.inputs] } : {}),
        }),
      ),
    );
    const values = tf.tidy(() =>
      layers.flatMap((l, k) => [
        tf.tensor2d(
          Array.from(l.kernel, (w, i) => (masks[k][i] ? w : 0)),
          [l.inputs, l.units],
        ),
        tf.tensor1d(Array.from(l.bias)),
      ]),
    );
    ref.setWeights(values);
    tf.dispose(values);
    let saved: tf.io.ModelArtifacts | null = null;
    await ref.save(
      tf.io.withSaveHandler(
        async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }),
      ),
    );
    ref.dispose();
    const theirs = saved as unknown as tf.io.ModelArtifacts;
    expect(mine.modelJson.modelTopology).toEqual(theirs.modelTopology);
    expect(mine.modelJson.weightsManifest[0].weights).toEqual(theirs.weightSpecs);
    expect(mine.modelJson.format).toBe(theirs.format);
    expect(mine.modelJson.convertedBy).toBe(theirs.convertedBy);
    expect(Buffer.from(mine.weightData).equals(Buffer.from(theirs.weightData as ArrayBuffer))).toBe(true);
    // The model.json fields and their order are those of tfjs' own writer.
    expect(Object.keys(mine.modelJson)).toEqual([
      'modelTopology',
      'format',
      'generatedBy',
      'convertedBy',
      'weightsManifest',
    ]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('loads the full masked model and the stripped one; predict equals the plain-TS forward pass', async () => {
    const before = tf.memory().numTensors;
    const unstructured = layers.map((l) =>
      Uint8Array.from({ length: l.inputs * l.units }, () => (r.next() < 0.3 ? 1 : 0)),
    );
    const scores = layers.map((l) => Float32Array.from(l.kernel, () => r.next()));
    const neurons = computeMasks(buildPruneIndex(scores, layers, 'neurons'), {
      mode: 'sparsity',
      value: 0.6,
      scope: 'global',
      granularity: 'neurons',
    }).masks;
    for (const masks of [null, unstructured, neurons]) {
      await checkLoaded(fromArtifacts(layersModelArtifacts(layers, masks)), layers, masks);
      if (!masks) continue;
      const stripped = strippedLayers(layers, masks);
      expect(stripped.layers[1].units).toBeLessThan(32);
      await checkLoaded(
        fromArtifacts(layersModelArtifacts(stripped.layers, stripped.masks)),
        stripped.layers,
        stripped.masks,
      );
      // The stripped model predicts what the masked full network predicts.
      const a = referenceProbs(stripped.layers, stripped.masks);
      const b = referenceProbs(layers, masks);
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-9));
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('loads model.json and weights.bin over HTTP, weights resolved relative to model.json', async () => {
    const before = tf.memory().numTensors;
    const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, () => (r.next() < 0.5 ? 1 : 0)));
    const { modelJson, weightData } = layersModelArtifacts(layers, masks);
    const files: Record<string, BodyInit> = {
      'http://lab.test/export/model.json': JSON.stringify(modelJson),
      'http://lab.test/export/weights.bin': weightData as Uint8Array<ArrayBuffer>,
    };
    const requested: string[] = [];
    const fetchFunc = async (input: RequestInfo | URL) => {
      const url = String(input);
      requested.push(url);
      return url in files ? new Response(files[url]) : new Response('missing', { status: 404 });
    };
    await checkLoaded(tf.io.http('http://lab.test/export/model.json', { fetchFunc }), layers, masks);
    expect(requested).toEqual(['http://lab.test/export/model.json', 'http://lab.test/export/weights.bin']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exports a collapsed network (every hidden unit dead) with one inert unit per hidden layer', async () => {
    const before = tf.memory().numTensors;
    const masks = layers.map((l, k) => new Uint8Array(l.inputs * l.units).fill(k === 1 ? 0 : 1));
    const stripped = strippedLayers(layers, masks);
    expect(stripped.placeholder).toEqual([true, true]);
    expect(stripped.layers.map((l) => l.units)).toEqual([1, 1, 10]);
    await checkLoaded(
      fromArtifacts(layersModelArtifacts(stripped.layers, stripped.masks)),
      stripped.layers,
      stripped.masks,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
