/**
 * A short throughput probe of the active backend: a few batches of the real training loop (`train`,
 * with its shuffling, Adam steps, running statistics and loss read-backs) on random data of MNIST's
 * shape (784 inputs) at batch 32 and 128 and of synthetic-32's at batch 32, the first batches untimed
 * (JIT, shader compilation). `auto` uses it to pass over a software WebGPU adapter when something
 * faster is there, and the page to estimate how long a run will take before Train. Every tensor is
 * disposed.
 */
import { initParams, createRng, NARROW_INPUTS, type Throughput } from '../core/base';
import { RunControl } from './control';
import { createMlp } from './model';
import { disposeDevice, toDevice } from './data';
import { train } from './trainer';

/**
 * Samples per second at `batch`: `warmup` untimed batches, then `windows` runs of `perWindow` batches,
 * the fastest window reported. The page and the other workers share the cores while this runs (a first
 * visit opens a snapshot meanwhile); the fastest window is the one least disturbed, the speed a run on
 * a quiet page gets.
 */
async function samplesPerSecond(
  inputs: number,
  batch: number,
  warmup: number,
  windows: number,
  perWindow: number,
): Promise<number> {
  const rng = createRng(batch);
  const n = Math.max(warmup, perWindow) * batch;
  const split = {
    x: Float32Array.from({ length: n * inputs }, () => rng.next()),
    y: Uint8Array.from({ length: n }, (_, i) => i % 10),
    indices: Uint32Array.from({ length: n }, (_, i) => i),
    n,
  };
  const data = toDevice({ name: 'mnist', inputSize: inputs, numClasses: 10, train: split, val: split });
  const model = createMlp(initParams(inputs, 7));
  try {
    const noop = () => {};
    const hooks = { onProgress: noop, onEpoch: noop, onLiveGrads: noop };
    const config = { dataset: 'mnist' as const, seed: 1, epochs: 1, batchSize: batch, learningRate: 1e-3 };
    await train(
      model,
      data,
      config,
      { maxBatches: warmup, warmupBatches: warmup, skipScoring: true },
      new RunControl(),
      hooks,
    );
    let best = 0;
    for (let w = 0; w < windows; w++) {
      const out = await train(
        model,
        data,
        config,
        { maxBatches: perWindow, skipScoring: true },
        new RunControl(),
        hooks,
      );
      best = Math.max(best, out.samplesPerSec);
    }
    return best;
  } finally {
    model.dispose();
    disposeDevice(data);
  }
}

/** The active backend's training samples per second at batch 32, 784 inputs (what `auto` chooses by). */
export const probeSpeed = (): Promise<number> => samplesPerSecond(784, 32, 8, 6, 6);

/** The active backend's training throughput at batch 32 and 128 (784 inputs) and at batch 32 (32 inputs). */
export async function probeThroughput(): Promise<Throughput> {
  return {
    batch32: await probeSpeed(),
    batch128: await samplesPerSecond(784, 128, 3, 3, 3),
    narrow32: await samplesPerSecond(NARROW_INPUTS, 32, 16, 8, 24),
  };
}
