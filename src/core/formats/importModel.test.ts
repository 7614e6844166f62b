import { describe, expect, it } from 'vitest';
import { createRng, layerShapes } from '../base';
import { layersModelArtifacts } from './exportFormat';
import { quantizedLayersModelArtifacts } from './exportQuantized';
import { readLayersModel } from './importModel';
import { dequantizedLayers, toFloat16Bits } from './quantize';
import { randomLayers } from './testRun';

const files = (entries: Record<string, Uint8Array>) => new Map(Object.entries(entries));
/** A 4-hidden-layer network of odd widths, with a mask pruning every third weight. */
const net = () => randomLayers(layerShapes(7, [5, 8, 3, 6], 4), createRng(3));
const masks = (layers: ReturnType<typeof net>) =>
  layers.map((l) => Uint8Array.from({ length: l.inputs * l.units }, (_, i) => (i % 3 === 0 ? 0 : 1)));

describe('reading a TensorFlow.js layers model', () => {
  it('reads the lab’s own export back exactly (4 hidden layers, pruned weights zero)', () => {
    const layers = net();
    const m = masks(layers);
    const { modelJson, weightData } = layersModelArtifacts(layers, m);
    const read = readLayersModel(JSON.parse(JSON.stringify(modelJson)), files({ 'weights.bin': weightData }));
    expect([read.inputs, read.classes, read.output, read.layers.length]).toEqual([7, 4, 'softmax', 5]);
    read.layers.forEach((l, i) => {
      expect([l.name, l.inputs, l.units]).toEqual([layers[i].name, layers[i].inputs, layers[i].units]);
      const expected = layers[i].kernel.map((v, k) => (m[i][k] ? v : 0));
      expect(Array.from(l.kernel)).toEqual(Array.from(expected));
      expect(Array.from(l.bias)).toEqual(Array.from(layers[i].bias));
    });
  });

  it('decodes the quantised exports to what tfjs loads (float16, 8-bit per tensor)', () => {
    const layers = net();
    const m = masks(layers);
    for (const [format, weightFormat] of [
      ['float16', 'float16'],
      ['int8-layer', 'int8-layer'],
    ] as const) {
      const { modelJson, weightData } = quantizedLayersModelArtifacts(layers, m, format);
      const read = readLayersModel(modelJson, files({ 'weights.bin': weightData }));
      const expected = dequantizedLayers(layers, m, weightFormat);
      read.layers.forEach((l, i) => {
        expect(Array.from(l.kernel), `${format} layer ${i}`).toEqual(Array.from(expected[i].kernel));
        expect(Array.from(l.bias)).toEqual(Array.from(expected[i].bias));
      });
    }
  });

  it('reads a converter-style file by hand: model_config, an InputLayer, other names, two shards split mid-weight, logits', () => {
    // Keras: Sequential([Input((3,)), Dense(2, relu, name="hidden"), Dense(2, name="out")]) → tensorflowjs_converter.
    const values = {
      hk: [1, -2, 0.5, 3, -1, 2], // [3, 2]
      hb: [0.25, -0.5],
      ok: [2, -1, 0.75, 4], // [2, 2], stored as float16
      ob: [0, 1],
    };
    const bytes = new Uint8Array((6 + 2) * 4 + 4 * 2 + 2 * 4);
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const v of [...values.hk, ...values.hb]) (view.setFloat32(at, v, true), (at += 4));
    for (const v of values.ok) (view.setUint16(at, toFloat16Bits(v), true), (at += 2));
    for (const v of values.ob) (view.setFloat32(at, v, true), (at += 4));
    const modelJson = {
      format: 'layers-model',
      generatedBy: 'keras v2.15.0',
      convertedBy: 'TensorFlow.js Converter v4.22.0',
      modelTopology: {
        keras_version: '2.15.0',
        backend: 'tensorflow',
        model_config: {
          class_name: 'Sequential',
          config: {
            name: 'my_net',
            layers: [
              { class_name: 'InputLayer', config: { batch_input_shape: [null, 3], dtype: 'float32', name: 'input_1' } },
              { class_name: 'Dense', config: { name: 'hidden', units: 2, activation: 'relu', use_bias: true } },
              { class_name: 'Dense', config: { name: 'out', units: 2, activation: 'linear', use_bias: true } },
            ],
          },
        },
      },
      weightsManifest: [
        {
          paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
          weights: [
            { name: 'hidden/kernel', shape: [3, 2], dtype: 'float32' },
            { name: 'hidden/bias', shape: [2], dtype: 'float32' },
            { name: 'sequential/out/kernel', shape: [2, 2], dtype: 'float32', quantization: { dtype: 'float16' } },
            { name: 'out/bias', shape: [2], dtype: 'float32' },
          ],
        },
      ],
    };
    const read = readLayersModel(
      modelJson,
      files({ 'group1-shard1of2.bin': bytes.subarray(0, 10), 'group1-shard2of2.bin': bytes.subarray(10) }),
    );
    expect([read.name, read.inputs, read.classes, read.output]).toEqual(['my_net', 3, 2, 'linear']);
    expect(read.layers.map((l) => [l.name, l.inputs, l.units])).toEqual([
      ['dense_1', 3, 2],
      ['dense_2', 2, 2],
    ]);
    expect(Array.from(read.layers[0].kernel)).toEqual(values.hk);
    expect(Array.from(read.layers[0].bias)).toEqual(values.hb);
    expect(Array.from(read.layers[1].kernel)).toEqual(values.ok);
    expect(Array.from(read.layers[1].bias)).toEqual(values.ob);
  });

  describe('refuses, naming what it found', () => {
    const good = () => {
      const { modelJson, weightData } = layersModelArtifacts(net(), null);
      return { json: JSON.parse(JSON.stringify(modelJson)), bin: weightData };
    };
    const refuse = (change: (json: any) => void, bin?: (b: Uint8Array) => Uint8Array) => {
      const { json, bin: b } = good();
      change(json);
      return () => readLayersModel(json, files({ 'weights.bin': bin ? bin(b) : b }));
    };
    const layersOf = (json: any) => json.modelTopology.config.layers;
    it.each([
      ['a graph model', (j: any) => (j.format = 'graph-model'), /graph models/],
      ['a functional model', (j: any) => (j.modelTopology.class_name = 'Functional'), /"Functional", not a Sequential/],
      ['a convolution', (j: any) => (layersOf(j)[1].class_name = 'Conv2D'), /layer 2 is a "Conv2D" layer/],
      [
        'a sigmoid hidden layer',
        (j: any) => (layersOf(j)[0].config.activation = 'sigmoid'),
        /hidden layer 1 .* uses "sigmoid"/,
      ],
      ['a tanh output', (j: any) => (layersOf(j)[4].config.activation = 'tanh'), /output layer .* uses "tanh"/],
      ['image input', (j: any) => (layersOf(j)[0].config.batch_input_shape = [null, 28, 28, 1]), /flat rows/],
      ['one layer only', (j: any) => layersOf(j).splice(1), /1 Dense layer: .* hidden layer/],
      ['no bias', (j: any) => (layersOf(j)[2].config.use_bias = false), /has no bias/],
      [
        'int32 weights',
        (j: any) => (j.weightsManifest[0].weights[0].dtype = 'int32'),
        /"int32": the lab reads float32/,
      ],
      [
        'a kernel of another shape',
        (j: any) => (j.weightsManifest[0].weights[2].shape = [8, 5]),
        /dense_2\/kernel has shape \[8, 5\], expected \[5, 8\]/,
      ],
      [
        'a missing weight',
        (j: any) => (j.weightsManifest[0].weights[1].name = 'other/bias'),
        /no weight named "dense_1\/bias"/,
      ],
      [
        'a missing file',
        (j: any) => (j.weightsManifest[0].paths = ['group1-shard1of1.bin']),
        /"group1-shard1of1.bin" .* is missing/,
      ],
    ])('%s', (_, change, message) => {
      expect(refuse(change)).toThrow(message);
    });
    it('weight files too short or too long, or holding a NaN', () => {
      expect(
        refuse(
          () => {},
          (b) => b.subarray(0, b.length - 4),
        ),
      ).toThrow(/too few for dense_5\/bias/);
      expect(
        refuse(
          () => {},
          (b) => Uint8Array.from([...b, 0, 0, 0, 0]),
        ),
      ).toThrow(/hold \d+ bytes, the manifest describes/);
      expect(
        refuse(
          () => {},
          (b) => {
            const c = b.slice();
            new DataView(c.buffer).setFloat32(8, NaN, true);
            return c;
          },
        ),
      ).toThrow(/dense_1\/kernel holds a value that is not finite/);
    });
  });
});
