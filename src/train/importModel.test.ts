// The model reader (src/core/formats/importModel.ts) on what TensorFlow.js itself saves (tfjs 4.22, CPU
// backend, Node): a model built and saved by tfjs-layers reads back with tfjs's own weights, exactly.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLayersModel } from '../core/formats';
import { useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

/** What `model.save` hands an IO handler: the topology, the manifest's weight specs and the weight bytes. */
async function saved(model: tf.LayersModel) {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = artifacts! as tf.io.ModelArtifacts;
  const json = {
    modelTopology: a.modelTopology,
    format: a.format,
    generatedBy: a.generatedBy,
    convertedBy: a.convertedBy,
    weightsManifest: [{ paths: ['./weights.bin'], weights: a.weightSpecs }],
  };
  const data = a.weightData as ArrayBuffer;
  return { json: JSON.parse(JSON.stringify(json)), bin: new Uint8Array(data) };
}

describe('a model TensorFlow.js saves', () => {
  it('reads back with its own weights: an InputLayer, three hidden layers, a linear output', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.inputLayer({ inputShape: [6] }),
        tf.layers.dense({ units: 12, activation: 'relu' }),
        tf.layers.dense({ units: 9, activation: 'relu' }),
        tf.layers.dense({ units: 5, activation: 'relu' }),
        tf.layers.dense({ units: 3 }),
      ],
    });
    const { json, bin } = await saved(model);
    const read = readLayersModel(json, new Map([['weights.bin', bin]]));
    expect([read.inputs, read.classes, read.output]).toEqual([6, 3, 'linear']);
    const weights = model.getWeights().map((w) => w.dataSync());
    read.layers.forEach((l, i) => {
      expect(Array.from(l.kernel)).toEqual(Array.from(weights[2 * i]));
      expect(Array.from(l.bias)).toEqual(Array.from(weights[2 * i + 1]));
    });
    model.dispose();
  });
});
