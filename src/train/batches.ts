/**
 * Batches as gathers of rows by index, never `tf.slice` of a whole split: the WASM backend's slice
 * copies its entire input out of the heap on every call (`readSync` of all 8,000 × 784 floats, ~3–5 ms),
 * which made a training step cost O(dataset) and ran MNIST at a quarter of its speed. A gather of the
 * batch's rows costs O(batch) on every backend and keeps the features on the device.
 */
import * as tf from '@tensorflow/tfjs';

/** The rows `order[start..start+size)` of each tensor (call inside `tf.tidy`). */
export function gatherRows<T extends tf.Tensor[]>(tensors: [...T], order: Int32Array, start: number, size: number): T {
  const idx = tf.tensor1d(order.subarray(start, start + size), 'int32');
  return tensors.map((t) => tf.gather(t, idx)) as T;
}

/** 0, 1, …, n − 1 (the rows in their stored order). */
export const inOrder = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
