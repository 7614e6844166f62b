/**
 * How long `predict` takes on the training backend: the third line of the lab's speed chart, what a
 * user gets by exporting the dense model and running it with TensorFlow.js. A Sequential of Dense
 * layers (relu, relu, softmax) built from the network's weights, timed at each batch size from the
 * call to the read of its result (`await data()`: on WebGPU and WebGL that includes the read-back a
 * web page pays for). Samples are interleaved across the batch sizes like `timeInterleaved` in core.
 */
import * as tf from '@tensorflow/tfjs';
import { type LayerParams, median, percentile } from '../core/base';
import type { Timing } from '../core/infer';
import type { FromWorker, ToWorker } from './protocol';

/** The dense network as a tfjs model (its weights copied); the caller disposes it. */
export function predictModel(layers: readonly LayerParams[]): tf.Sequential {
  const model = tf.sequential();
  layers.forEach((l, i) =>
    model.add(
      tf.layers.dense({
        units: l.units,
        activation: i === layers.length - 1 ? 'softmax' : 'relu',
        ...(i === 0 ? { inputShape: [l.inputs] } : {}),
      }),
    ),
  );
  const weights = tf.tidy(() =>
    layers.flatMap((l) => [tf.tensor2d(l.kernel, [l.inputs, l.units]), tf.tensor1d(l.bias)]),
  );
  model.setWeights(weights); // the variables take their own reference
  weights.forEach((w) => w.dispose());
  return model;
}

export interface PredictTimingOptions {
  samples?: number;
  /** Each sample repeats `predict` until it lasts this long (timers are coarse in a browser). */
  minSampleMs?: number;
  now?: () => number;
}

/**
 * Per-call milliseconds of `predict` + read at each batch size (rows of x: seeded uniform noise in
 * [0, 1), the shape of the data; the time of a dense network does not depend on the values).
 * Leaves no tensors behind.
 */
export async function timePredict(
  layers: readonly LayerParams[],
  batches: readonly number[],
  opts: PredictTimingOptions = {},
): Promise<Record<number, Timing>> {
  const { samples = 11, minSampleMs = 4, now = () => performance.now() } = opts;
  const model = predictModel(layers);
  const inputs = layers[0].inputs;
  const xs = batches.map((b) => tf.tidy(() => tf.randomUniform([b, inputs], 0, 1, 'float32', 7)));
  const once = async (x: tf.Tensor) => {
    const y = model.predict(x) as tf.Tensor;
    await y.data();
    y.dispose();
  };
  try {
    // Warm-up (shader compilation on WebGPU/WebGL), then how many calls make a sample last minSampleMs.
    const reps: number[] = [];
    for (const x of xs) {
      await once(x);
      let n = 1;
      for (;;) {
        const t0 = now();
        for (let i = 0; i < n; i++) await once(x);
        if (now() - t0 >= minSampleMs || n >= 1 << 12) break;
        n *= 2;
      }
      reps.push(n);
    }
    const ms: number[][] = batches.map(() => []);
    for (let s = 0; s < samples; s++) {
      for (let k = 0; k < xs.length; k++) {
        const t0 = now();
        for (let i = 0; i < reps[k]; i++) await once(xs[k]);
        ms[k].push((now() - t0) / reps[k]);
      }
    }
    return Object.fromEntries(
      batches.map((b, k) => [
        b,
        {
          medianMs: median(ms[k]),
          p10Ms: percentile(ms[k], 0.1),
          p90Ms: percentile(ms[k], 0.9),
          samples,
          repsPerSample: reps[k],
        },
      ]),
    );
  } finally {
    xs.forEach((x) => x.dispose());
    model.dispose();
  }
}

/** The worker's answer to a 'time-predict' request, once the backend is ready; its error in words if it fails. */
export async function predictTimed(
  msg: Extract<ToWorker, { type: 'time-predict' }>,
  ready: Promise<unknown> | null,
): Promise<Extract<FromWorker, { type: 'predict-timed' }>> {
  const reply = { type: 'predict-timed', requestId: msg.requestId } as const;
  try {
    await ready;
    const timings = await timePredict(msg.layers, msg.batches);
    return { ...reply, backend: tf.getBackend(), timings };
  } catch (e) {
    return { ...reply, backend: tf.getBackend(), timings: null, error: e instanceof Error ? e.message : String(e) };
  }
}
