/**
 * A short throughput probe of the active backend: a few batches of the real training loop (`train`,
 * with its shuffling, Adam steps, running statistics and loss read-backs) on random data of MNIST's
 * shape (784 inputs) at batch 32 and 128 and of synthetic-32's at batch 32, the first batches untimed
 * (JIT, shader compilation): the page estimates from it how long a run will take before Train. And
 * `auto`'s measurement of each candidate backend at the run's batch size, within a budget
 * (`measureSpeed`). Every tensor is disposed.
 */
import { initParams, createRng, NARROW_INPUTS, type Throughput } from '../core/base';
import { RunControl } from './control';
import { createMlp } from './model';
import { disposeDevice, toDevice } from './data';
import { train } from './trainer';

type Hooks = Parameters<typeof train>[5];
const HOOKS: Hooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };

/**
 * Runs `measure` with a fresh model and `batches` batches of random data of `inputs` wide at `batch` on
 * the active backend; `run(maxBatches, warmup)` trains that many batches and resolves with their samples
 * per second. Every tensor is disposed.
 */
async function onRandomData<T>(
  inputs: number,
  batch: number,
  batches: number,
  measure: (run: (maxBatches: number, warmup?: number) => Promise<number>) => Promise<T>,
): Promise<T> {
  const rng = createRng(batch);
  const n = batches * batch;
  const split = {
    x: Float32Array.from({ length: n * inputs }, () => rng.next()),
    y: Uint8Array.from({ length: n }, (_, i) => i % 10),
    indices: Uint32Array.from({ length: n }, (_, i) => i),
    n,
  };
  const data = toDevice({ name: 'mnist', inputSize: inputs, numClasses: 10, train: split, val: split });
  const model = createMlp(initParams(inputs, 7));
  const config = { dataset: 'mnist' as const, seed: 1, epochs: 1, batchSize: batch, learningRate: 1e-3 };
  try {
    return await measure(async (maxBatches, warmup = 0) => {
      const options = { maxBatches, warmupBatches: warmup, skipScoring: true };
      return (await train(model, data, config, options, new RunControl(), HOOKS)).samplesPerSec;
    });
  } finally {
    model.dispose();
    disposeDevice(data);
  }
}

/**
 * Samples per second at `batch`: `warmup` untimed batches, then `windows` runs of `perWindow` batches,
 * the fastest window reported. The page and the other workers share the cores while this runs; the
 * fastest window is the one least disturbed, the speed a run on a quiet page gets.
 */
const samplesPerSecond = (inputs: number, batch: number, warmup: number, windows: number, perWindow: number) =>
  onRandomData(inputs, batch, Math.max(warmup, perWindow), async (run) => {
    await run(warmup, warmup);
    let best = 0;
    for (let w = 0; w < windows; w++) best = Math.max(best, await run(perWindow));
    return best;
  });

/**
 * `auto`'s measurement of one candidate, within about `budgetMs`: one untimed batch (JIT, shader
 * compilation), one timed batch, then timed windows of `perWindow` batches until the budget is spent
 * (at least one), the fastest reported. A candidate whose timed batch is already under a quarter of
 * `toBeat` (the fastest so far) stops there: it cannot win, and a slow one would spend the budget many
 * times over on its windows.
 */
export const measureSpeed = (batch: number, budgetMs = 800, toBeat = 0, perWindow = 4): Promise<number> =>
  onRandomData(784, batch, perWindow, async (run) => {
    const t0 = performance.now();
    await run(1);
    let best = await run(1);
    if (best < toBeat / 4) return best;
    do best = Math.max(best, await run(perWindow));
    while (performance.now() - t0 < budgetMs);
    return best;
  });

/** The active backend's training samples per second at batch 32, 784 inputs. */
export const probeSpeed = (): Promise<number> => samplesPerSecond(784, 32, 8, 6, 6);

/** The active backend's training throughput at batch 32 and 128 (784 inputs) and at batch 32 (32 inputs). */
export async function probeThroughput(): Promise<Throughput> {
  return {
    batch32: await probeSpeed(),
    batch128: await samplesPerSecond(784, 128, 3, 3, 3),
    narrow32: await samplesPerSecond(NARROW_INPUTS, 32, 16, 8, 24),
  };
}
