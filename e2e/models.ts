import * as tf from '@tensorflow/tfjs';

/** The one downloaded file whose name ends with `suffix` (`.json`, `.weights.bin`). */
export function fileEnding(files: Record<string, Buffer>, suffix: string): Buffer {
  const hits = Object.keys(files).filter((f) => f.endsWith(suffix));
  if (hits.length !== 1)
    throw new Error(`one file ending in ${suffix} expected among ${Object.keys(files).join(', ')}`);
  return files[hits[0]];
}

type ModelJson = { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };

/**
 * A TF.js Layers model the lab exported (its model.json text and weights file), loaded in Node with
 * `tf.loadLayersModel` on the CPU backend, as a user's own code would load it. Dispose it after use.
 */
export async function loadExported(modelJson: ModelJson, bin: Buffer): Promise<tf.LayersModel> {
  await tf.setBackend('cpu');
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData,
    }),
  );
}
