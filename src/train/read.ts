import type * as tf from '@tensorflow/tfjs';

/**
 * Reads a tensor asynchronously (never `dataSync`: it would stall the WebGPU queue) and disposes it,
 * also when the read fails (a lost GPU device rejects pending reads).
 */
export async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}
