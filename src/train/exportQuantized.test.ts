// The quantised layers-format export (src/core/formats/exportQuantized.ts) loaded back by tfjs 4.22 (CPU
// backend, Node): the kernels tfjs decodes are exactly `dequantizedLayers`, and predict agrees with the
// plain-TS forward pass over them.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerShapes, forwardLogits, type DenseWeights, createRng } from '../core/base';
import {
  type ExportLayer,
  type LayersModelArtifacts,
  quantizedLayersModelArtifacts,
  TFJS_WEIGHT_FORMATS,
  dequantizedLayers,
  fromFloat16Bits,
} from '../core/formats';
import { fromArtifacts, softmaxRows, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

const r = createRng(11);
const INPUTS = 24;
const layers: ExportLayer[] = layerShapes(INPUTS).map((s, k) => ({
  ...s,
  // Layers of different scales, and a kernel of one sign, so that the uint8 range is not symmetric.
  kernel: Float32Array.from(
    { length: s.inputs * s.units },
    () => (k === 1 ? Math.abs(r.normal()) : r.normal()) * Math.sqrt(2 / s.inputs) * 3 ** k,
  ),
  bias: Float32Array.from({ length: s.units }, () => 0.3 * r.normal()),
}));
const N = 40;
const x = Float32Array.from({ length: N * INPUTS }, () => r.normal());

/** Loads the model, checks kernels and biases against `want` bit for bit and predict within 1e-5. */
async function checkLoaded(a: LayersModelArtifacts, want: DenseWeights[]): Promise<void> {
  const model = await tf.loadLayersModel(fromArtifacts(a));
  for (let k = 0; k < want.length; k++) {
    const [kernel, bias] = model.layers[k].getWeights();
    const w = await kernel.data();
    expect(w.length).toBe(want[k].kernel.length);
    for (let i = 0; i < w.length; i++)
      if (!Object.is(w[i], want[k].kernel[i]))
        expect.unreachable(`layer ${k} kernel[${i}] = ${w[i]}, want ${want[k].kernel[i]}`);
    expect(Array.from(await bias.data())).toEqual(Array.from(want[k].bias));
  }
  const xt = tf.tensor2d(x, [N, INPUTS]);
  const out = model.predict(xt) as tf.Tensor;
  const got = await out.data();
  const ref = softmaxRows(forwardLogits(want, x, N), want[want.length - 1].units);
  let maxDiff = 0;
  ref.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - got[i]))));
  expect(maxDiff).toBeLessThan(1e-5);
  tf.dispose([xt, out]);
  model.dispose();
}

describe('quantised layers-format export', () => {
  it('loads in every format; kernels are exactly dequantizedLayers, pruned ones exactly +0', async () => {
    const before = tf.memory().numTensors;
    const masks = layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, () => (r.next() < 0.4 ? 1 : 0)));
    for (const m of [null, masks]) {
      for (const format of TFJS_WEIGHT_FORMATS) {
        const a = quantizedLayersModelArtifacts(layers, m, format);
        const kernelValues = layers.reduce((s, l) => s + l.kernel.length, 0);
        const biasBytes = layers.reduce((s, l) => s + l.bias.length * 4, 0);
        expect(a.weightData.length).toBe(
          kernelValues * { float32: 4, float16: 2, 'int8-layer': 1 }[format] + biasBytes,
        );
        const specs = a.modelJson.weightsManifest[0].weights;
        specs.forEach((s, i) =>
          expect(s.quantization?.dtype).toBe(
            i % 2 || format === 'float32' ? undefined : format === 'float16' ? 'float16' : 'uint8',
          ),
        );
        // Through JSON, as a model.json file would go.
        const viaJson = { ...a, modelJson: JSON.parse(JSON.stringify(a.modelJson)) };
        const want = dequantizedLayers(layers, m, format);
        if (m) want.forEach((l, k) => m[k].forEach((keep, i) => keep || expect(Object.is(l.kernel[i], 0)).toBe(true)));
        await checkLoaded(viaJson, want);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('int8 and float16 lose little against float32, and the arguments are not mutated', async () => {
    const copy = layers.map((l) => Float32Array.from(l.kernel));
    const f32 = dequantizedLayers(layers, null, 'float32');
    for (const [format, tol] of [
      ['float16', 1e-3],
      ['int8-layer', 0.05],
    ] as const) {
      const q = dequantizedLayers(layers, null, format);
      const ref = softmaxRows(forwardLogits(f32, x, N), 10);
      const got = softmaxRows(forwardLogits(q, x, N), 10);
      let d = 0;
      ref.forEach((v, i) => (d = Math.max(d, Math.abs(v - got[i]))));
      expect(d).toBeLessThan(tol);
      quantizedLayersModelArtifacts(layers, null, format);
    }
    layers.forEach((l, k) => expect(Array.from(l.kernel)).toEqual(Array.from(copy[k])));
  });

  it("tfjs' float16 decoder reads every 16-bit pattern as fromFloat16Bits does", () => {
    const bits = Uint16Array.from({ length: 0x10000 }, (_, i) => i);
    const decoded = tf.io.decodeWeights(bits.buffer, [
      { name: 'w', shape: [0x10000], dtype: 'float32', quantization: { dtype: 'float16' } },
    ]);
    const got = decoded.w.dataSync();
    tf.dispose(decoded.w);
    for (let h = 0; h < 0x10000; h++)
      if (!Object.is(got[h], fromFloat16Bits(h)))
        expect.unreachable(`0x${h.toString(16)}: tfjs ${got[h]}, ours ${fromFloat16Bits(h)}`);
  });
});
