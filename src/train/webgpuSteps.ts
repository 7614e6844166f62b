/**
 * The training steps fused in WGSL on tfjs-backend-webgpu's own GPUDevice (`src/train/wgsl/`): a step is
 * 2·layers + 1 dispatches (7 for this network) in one submit — forward per layer (the last with softmax,
 * loss and dZ), backward per layer, Adam over every parameter — on the rows the batch's indices pick from
 * the training set in tfjs's own buffers. Nothing is read back per step: the batch losses wait in a ring on
 * the GPU until `takeLosses`. Used on the WebGPU backend for the plain loop and masked fine-tuning; tfjs
 * (`tfjsSteps.ts`) stays the reference (e2e/webgpu-steps.spec.ts), and the model's variables get the
 * weights back at `finish`.
 */
import * as tf from '@tensorflow/tfjs';
import type { DeviceData } from './data';
import { assignParams, readParams, type Mlp } from './model';
import type { StepsKind } from './runTypes';
import type { Steps } from './steps';
import { LIVE_GRAD_DECAY } from './tfjsSteps';
import { ADAM } from './wgsl/backward';
import { sparseRows } from './wgsl/forward';
import { createGpuMlp, type GpuSplit } from './wgsl/gpuMlp';
import { MAX_CLASSES, MAX_UNITS, netLayout, RING, STAT } from './wgsl/layout';

/** The parts of tfjs-backend-webgpu 4.22 the steps use: its device, its tensors' buffers, its pending work. */
interface WebGPUBackendParts {
  device: GPUDevice;
  commandEncoder: GPUCommandEncoder | null;
  tensorMap: { get(id: object): { resource?: unknown } | undefined };
  uploadToGPU(id: object): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

/**
 * Whether the WGSL steps can train this model here: the webgpu backend, up to 6 hidden layers (2 dispatches
 * a layer and one for Adam: 7 for the default 64, 32), hidden widths in vec4s.
 */
export function webgpuFits(model: Mlp, wanted?: StepsKind): boolean {
  const layers = model.layers;
  return (
    tf.getBackend() === 'webgpu' &&
    (wanted === undefined || wanted === 'fused-webgpu') &&
    layers.length <= 7 &&
    layers.slice(0, -1).every((l) => l.units <= MAX_UNITS && l.units % 4 === 0) &&
    layers[layers.length - 1].units <= MAX_CLASSES
  );
}

let lastDispatches = 0;
/** The dispatchWorkgroups calls the last WGSL step encoded (0 before any). */
export const webgpuDispatchesPerStep = (): number => lastDispatches;

/**
 * WGSL steps on a copy of the model's weights (read now), `batch` rows at most per step. With `masks`
 * (one 0/1 tensor per kernel), pruned weights stay exactly 0 as in `tfjsSteps`.
 */
export async function webgpuSteps(
  model: Mlp,
  data: DeviceData,
  batch: number,
  learningRate: number,
  liveStats: boolean,
  masks?: tf.Tensor2D[],
): Promise<Steps> {
  const backend = tf.backend() as unknown as WebGPUBackendParts;
  const device = backend.device;
  const flushTfjs = () => {
    if (!backend.commandEncoder) return;
    backend.endComputePassEncoder();
    backend.submitQueue();
  };
  /** A tensor's GPUBuffer in tfjs (uploaded first if it is still on the CPU): the data is not copied. */
  const deviceBuffer = (t: tf.Tensor): GPUBuffer => {
    backend.uploadToGPU(t.dataId);
    const resource = backend.tensorMap.get(t.dataId)?.resource;
    if (!(resource instanceof GPUBuffer)) throw new Error('tfjs keeps this tensor outside a GPUBuffer.');
    return resource;
  };
  // The rows' nonzero input groups, listed once for the first layer (from the host copy where there is one).
  const split = async (x: tf.Tensor2D, labels: tf.Tensor1D, host?: Float32Array): Promise<GpuSplit> => ({
    x: deviceBuffer(x),
    labels: deviceBuffer(labels),
    n: x.shape[0],
    nz: sparseRows(host ?? ((await x.data()) as Float32Array), x.shape[0], x.shape[1]),
  });
  const params = await readParams(model);
  const maskValues = masks && (await Promise.all(masks.map((m) => m.data() as Promise<Float32Array>)));
  const layout = netLayout(model.layers);
  const net = await createGpuMlp(
    device,
    layout,
    params,
    maskValues,
    await split(data.trainX, data.trainLabels, data.host?.train.x),
    await split(data.valX, data.valLabels, data.host?.val.x),
    { batch, learningRate, liveDecay: LIVE_GRAD_DECAY, beforeSubmit: flushTfjs },
  );

  // tfjs's AdamOptimizer keeps β1ᵗ and β2ᵗ as float32 variables, multiplied by β each step.
  const beta1 = Math.fround(ADAM.beta1);
  const beta2 = Math.fround(ADAM.beta2);
  let acc1 = beta1;
  let acc2 = beta2;
  let order: Int32Array | null = null;
  let queued = 0;
  let taken = 0;
  const readStats = async () => {
    const raw = await net.readStats();
    return { u: new Uint32Array(raw), f: new Float32Array(raw) };
  };
  return {
    kind: 'fused-webgpu',
    get queued() {
      return queued;
    },
    step(rows, start, size, live) {
      if (size > batch) throw new Error(`A batch of ${size} rows does not fit the WebGPU steps' ${batch}.`);
      if (queued >= RING) throw new Error(`More than ${RING} batch losses were left unread.`);
      // The loop gives each epoch a new order: uploaded once, then steps index into it by `start`.
      if (rows !== order) net.setOrder((order = rows));
      const before = net.dispatches;
      net.step(start, size, live && liveStats, Math.fround(1 - acc1), Math.fround(1 - acc2));
      lastDispatches = net.dispatches - before;
      acc1 = Math.fround(acc1 * beta1);
      acc2 = Math.fround(acc2 * beta2);
      queued++;
    },
    async takeLosses() {
      const n = queued;
      if (n === 0) return new Float32Array(0);
      const { u, f } = await readStats();
      if (u[STAT.count] !== taken + n) throw new Error(`The GPU counted ${u[STAT.count]} steps, not ${taken + n}.`);
      const out = Float32Array.from({ length: n }, (_, i) => f[STAT.ring + ((taken + i) % RING)]);
      taken += n;
      queued -= n;
      return out;
    },
    async liveGrads() {
      const ema = await net.readFlat('ema');
      return layout.layers.map((l) => ema.slice(l.kernel, l.kernel + l.inputs * l.units));
    },
    startEpoch() {
      net.clearSums('epoch');
    },
    async epochSummary(seen) {
      net.clearSums('val');
      net.validate();
      const { u, f } = await readStats();
      const nVal = data.valX.shape[0];
      return [f[STAT.lossSum] / seen, u[STAT.correct] / seen, f[STAT.valLoss] / nVal, u[STAT.valCorrect] / nVal];
    },
    async finish() {
      const w = await net.readFlat('params');
      assignParams(
        model,
        layout.layers.map((at, i) => ({
          kernel: w.subarray(at.kernel, at.kernel + model.layers[i].inputs * model.layers[i].units),
          bias: w.subarray(at.bias, at.bias + model.layers[i].units),
        })),
      );
    },
    dispose() {
      net.dispose();
    },
  };
}
