/**
 * Test hook (the 'steps-parity' job, e2e/webgpu-steps.spec.ts): the same initial weights and batches on
 * tfjs's steps (`tfjsSteps.ts`) and on the fused WGSL steps (`webgpuSteps.ts`), on the webgpu backend,
 * one after the other; each side's dispatches per step counted by wrapping
 * `GPUComputePassEncoder.prototype.dispatchWorkgroups` while its steps are encoded.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed, permutation } from '../core/base';
import type { DeviceData } from './data';
import type { StepsParityJob, StepsRun } from './jobs';
import { createMlp, readParams } from './model';
import type { StepsKind } from './runTypes';
import type { Steps } from './steps';
import { tfjsSteps } from './tfjsSteps';
import { LIVE_GRAD_STRIDE } from './trainer';
import { webgpuDispatchesPerStep, webgpuSteps } from './webgpuSteps';

/** Losses are read in groups of this many steps, so the GPU's ring is read across several reads. */
const READ_EVERY = 16;

/** Counts the compute dispatches encoded while `f` runs. */
function countDispatches(f: () => void): number {
  const proto = GPUComputePassEncoder.prototype;
  const original = proto.dispatchWorkgroups;
  let n = 0;
  proto.dispatchWorkgroups = function (this: GPUComputePassEncoder, ...args: Parameters<typeof original>) {
    n++;
    return original.apply(this, args);
  };
  try {
    f();
  } finally {
    proto.dispatchWorkgroups = original;
  }
  return n;
}

async function run(kind: StepsKind, job: StepsParityJob, data: DeviceData, order: Int32Array): Promise<StepsRun> {
  const { config } = job;
  const bs = config.batchSize;
  const model = createMlp(job.layers);
  const masks =
    job.masks &&
    tf.tidy(() =>
      job.masks!.map((m, l) => tf.tensor2d(Float32Array.from(m), [job.layers[l].inputs, job.layers[l].units])),
    );
  // As finetune.ts starts a masked run: the pruned weights are 0 from the first step.
  if (masks) tf.tidy(() => model.layers.forEach((l, i) => l.kernel.assign(tf.mul(l.kernel, masks[i]))));
  let steps: Steps | null = null;
  try {
    steps =
      kind === 'tfjs'
        ? tfjsSteps(model, data, config.learningRate, true, undefined, masks)
        : await webgpuSteps(model, data, bs, config.learningRate, true, masks);
    const losses: number[] = [];
    let dispatches = 0;
    steps.startEpoch();
    for (let b = 0; b < job.steps; b++) {
      dispatches += countDispatches(() => steps!.step(order, b * bs, bs, b % LIVE_GRAD_STRIDE === 0));
      if (steps.queued >= READ_EVERY) losses.push(...(await steps.takeLosses()));
    }
    losses.push(...(await steps.takeLosses()));
    const summary = await steps.epochSummary(job.steps * bs);
    const live = await steps.liveGrads();
    await steps.finish();
    return {
      layers: await readParams(model),
      losses: Float32Array.from(losses),
      live,
      summary,
      dispatchesPerStep: dispatches / job.steps,
      leakedTensors: 0,
    };
  } finally {
    steps?.dispose();
    model.dispose();
    tf.dispose(masks);
  }
}

/** Both sides on the trainer's shuffled order of `job.config.seed`; `counted`: the WGSL steps' own count. */
export async function stepsParity(job: StepsParityJob, data: DeviceData) {
  if (tf.getBackend() !== 'webgpu')
    throw new Error(`The steps-parity job needs the webgpu backend, not ${tf.getBackend()}.`);
  const n = data.trainX.shape[0];
  if (job.steps * job.config.batchSize > n) throw new Error(`${job.steps} batches need more than ${n} training rows.`);
  const order = Int32Array.from(permutation(n, createRng(deriveSeed(job.config.seed, 'shuffle'))));
  const measured = async (kind: StepsKind) => {
    const before = tf.memory().numTensors;
    const out = await run(kind, job, data, order);
    return { ...out, leakedTensors: tf.memory().numTensors - before };
  };
  const tfjs = await measured('tfjs');
  const webgpu = await measured('fused-webgpu');
  return { tfjs, webgpu, counted: webgpuDispatchesPerStep() };
}
