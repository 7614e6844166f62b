import { describe, expect, it } from 'vitest';
import { layerShapes, forwardLogits, createRng, type Rng } from '../base';
import { layersModelArtifacts, strippedLayers, type ExportLayer } from './exportFormat';
import { maskReport, buildPruneIndex, computeMasks } from '../prune';

function randomNet(inputs: number, hidden: number[], r: Rng): ExportLayer[] {
  return layerShapes(inputs, hidden).map((s) => ({
    ...s,
    kernel: Float32Array.from({ length: s.inputs * s.units }, () => r.normal()),
    bias: Float32Array.from({ length: s.units }, () => r.normal()),
  }));
}
const masked = (layers: ExportLayer[], masks: Uint8Array[]) =>
  layers.map((l, k) => ({ ...l, kernel: Float32Array.from(l.kernel, (w, i) => (masks[k][i] ? w : 0)) }));
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};
const randomMasks = (layers: ExportLayer[], keep: number, r: Rng) =>
  layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, () => (r.next() < keep ? 1 : 0)));

/** Checks that the stripped network computes the masked one's logits and has maskReport's shapes. */
function checkStrip(layers: ExportLayer[], masks: Uint8Array[], r: Rng) {
  const n = 20;
  const x = Float32Array.from({ length: n * layers[0].inputs }, () => r.normal());
  const s = strippedLayers(layers, masks);
  expect(maxDiff(forwardLogits(s.layers, x, n), forwardLogits(masked(layers, masks), x, n))).toBeLessThan(1e-9);
  const report = maskReport(masks, layers);
  expect([s.layers[0].inputs, ...s.layers.map((l) => l.units)]).toEqual(
    report.shapes.map((v, i) => (i > 0 && i < report.shapes.length - 1 ? Math.max(1, v) : v)),
  );
  s.kept.forEach((ids, l) => {
    expect(s.placeholder[l]).toBe(ids.length === 0);
    expect(s.layers[l].units).toBe(Math.max(1, ids.length));
  });
  s.layers.forEach((l, k) => {
    expect(l.kernel.length).toBe(l.inputs * l.units);
    l.kernel.forEach((w, i) => s.masks[k][i] || expect(Object.is(w, 0)).toBe(true));
  });
  return s;
}

describe('strippedLayers', () => {
  it('keeps the masked logits under random neuron masks and shrinks the hidden layers', () => {
    const r = createRng(5);
    for (let trial = 0; trial < 8; trial++) {
      const layers = randomNet(12, [16, 8], r);
      const scores = layers.map((l) => Float32Array.from(l.kernel, () => r.next()));
      const index = buildPruneIndex(scores, layers, 'neurons');
      const pruned = computeMasks(index, {
        mode: 'sparsity',
        value: trial / 8,
        scope: trial % 2 ? 'global' : 'per-layer',
        granularity: 'neurons',
      });
      const s = checkStrip(layers, pruned.masks, r);
      // A kept unit survives unless the other hidden layer lost every unit (then no path is left).
      const ids = pruned.units!.map((keep) => [...keep].flatMap((v, j) => (v ? [j] : [])));
      expect(s.kept).toEqual(ids.every((k) => k.length) ? ids : [[], []]);
      expect(s.layers[2].units).toBe(10);
    }
  });

  it('keeps the masked logits under random unstructured masks, folding constant units into biases', () => {
    const r = createRng(6);
    for (const keep of [0.05, 0.1, 0.2, 0.4, 0.8, 1]) {
      for (let trial = 0; trial < 4; trial++) {
        const layers = randomNet(6, [8, 6], r);
        checkStrip(layers, randomMasks(layers, keep, r), r);
      }
    }
  });

  it('folds relu(bias) of a unit without inputs into the next bias, and drops units without outputs', () => {
    const layers: ExportLayer[] = [
      { name: 'a', inputs: 2, units: 3, kernel: [1, 2, 3, 4, 5, 6], bias: [0.5, -1, 2] },
      { name: 'b', inputs: 3, units: 2, kernel: [1, 1, 1, 1, 10, 100], bias: [0, 0] },
      { name: 'c', inputs: 2, units: 2, kernel: [1, 0, 0, 1], bias: [0, 0] },
    ];
    // Unit a0: no inputs (constant relu(0.5) = 0.5); a1: live but feeds nothing; a2: constant 2.
    const masks = [Uint8Array.of(0, 1, 0, 0, 1, 0), Uint8Array.of(1, 1, 0, 0, 1, 1), Uint8Array.of(1, 1, 1, 1)];
    const s = strippedLayers(layers, masks);
    expect(s.kept).toEqual([[], []]);
    expect(s.placeholder).toEqual([true, true]);
    // Layer b's units are constants: b0 = 0.5·1 + 2·10 = 20.5, b1 = 0.5·1 + 2·100 = 200.5 → output biases.
    expect(Array.from(s.layers[2].bias)).toEqual([20.5, 200.5]);
    expect(masks[0]).toEqual(Uint8Array.of(0, 1, 0, 0, 1, 0)); // not mutated
    checkStrip(layers, masks, createRng(1));
  });

  it('keeps everything of a dense network', () => {
    const r = createRng(7);
    const layers = randomNet(5, [4, 3], r);
    const s = checkStrip(layers, randomMasks(layers, 1, r), r);
    expect(s.kept).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2],
    ]);
    s.layers.forEach((l, k) => expect(Array.from(l.kernel)).toEqual(Array.from(layers[k].kernel)));
  });
});

describe('layersModelArtifacts', () => {
  const r = createRng(9);
  const layers = randomNet(5, [4, 3], r);

  it('writes the Keras Sequential topology and a manifest in kernel, bias order', () => {
    const { modelJson } = layersModelArtifacts(layers, null);
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.convertedBy).toBeNull();
    const cfg = modelJson.modelTopology.config.layers.map((l) => l.config);
    expect(cfg.map((c) => c.activation)).toEqual(['relu', 'relu', 'softmax']);
    expect(cfg.map((c) => c.units)).toEqual([4, 3, 10]);
    expect(cfg[0].batch_input_shape).toEqual([null, 5]);
    expect(cfg[1].batch_input_shape).toBeUndefined();
    expect(modelJson.weightsManifest).toEqual([
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'dense_1/kernel', shape: [5, 4], dtype: 'float32' },
          { name: 'dense_1/bias', shape: [4], dtype: 'float32' },
          { name: 'dense_2/kernel', shape: [4, 3], dtype: 'float32' },
          { name: 'dense_2/bias', shape: [3], dtype: 'float32' },
          { name: 'dense_3/kernel', shape: [3, 10], dtype: 'float32' },
          { name: 'dense_3/bias', shape: [10], dtype: 'float32' },
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(modelJson))).toEqual(modelJson);
  });

  it('writes little-endian float32 kernels then biases, pruned weights and -0 as +0', () => {
    const masks = randomMasks(layers, 0.5, r);
    const negZero = layers.map((l) => ({ ...l, kernel: Float32Array.from(l.kernel), bias: Float32Array.from(l.bias) }));
    negZero[1].bias[0] = -0;
    negZero[0].kernel[3] = -0;
    masks[0][3] = 1;
    negZero[0].kernel.forEach((w, i) => masks[0][i] || (negZero[0].kernel[i] = -Math.abs(w)));
    const { weightData } = layersModelArtifacts(negZero, masks);
    const total = layers.reduce((a, l) => a + l.inputs * l.units + l.units, 0);
    expect(weightData.byteLength).toBe(total * 4);
    const view = new DataView(weightData.buffer, weightData.byteOffset, weightData.byteLength);
    const read = Array.from({ length: total }, (_, k) => view.getFloat32(4 * k, true));
    const expected = negZero.flatMap((l, k) => [...Array.from(l.kernel, (w, i) => (masks[k][i] ? w : 0)), ...l.bias]);
    expect(read).toEqual(expected.map((v) => Math.fround(v) + 0));
    read.forEach((v) => expect(Object.is(v, -0)).toBe(false));
    expect(weightData[12 + 3]).toBe(0); // kernel[3] = -0: sign byte (little-endian) clear
  });

  it('rejects inconsistent shapes', () => {
    expect(() => layersModelArtifacts([{ ...layers[0], bias: [1] }, layers[1], layers[2]], null)).toThrow(
      /bias has 1 values/,
    );
    expect(() => layersModelArtifacts([layers[0], layers[2]], null)).toThrow(/inputs ≠/);
    expect(() => layersModelArtifacts(layers, [new Uint8Array(2), new Uint8Array(12), new Uint8Array(30)])).toThrow(
      /mask has 2 values/,
    );
  });
});
