import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { isFromWorker, transferables, type FromWorker, type ToWorker } from './protocol';

const layer = (name: string, inputs: number, units: number) => ({
  name,
  inputs,
  units,
  kernel: Float32Array.from({ length: inputs * units }, (_, i) => i / 7),
  bias: new Float32Array(units).fill(0.5),
  gradAbsMean: new Float32Array(inputs * units).fill(1e-3),
  gradSqMean: new Float32Array(inputs * units).fill(1e-6),
});

/** Fresh messages each call: a transfer detaches the sender's buffers. */
const samples = (): FromWorker[] => [
  {
    type: 'ready',
    backend: {
      name: 'webgpu',
      requested: 'auto',
      software: true,
      adapter: 'google swiftshader',
      fallbackReason: '',
    },
  },
  {
    type: 'ready',
    backend: {
      name: 'wasm',
      requested: 'auto',
      software: false,
      adapter: 'wasm',
      fallbackReason: '',
      pending: 'waiting',
    },
  },
  { type: 'choosing' },
  {
    type: 'ready',
    backend: {
      name: 'wasm',
      requested: 'auto',
      software: false,
      adapter: 'WebAssembly on the CPU',
      fallbackReason: 'auto measured at batch 32: wasm 21,300 samples/s, webgpu 903',
      measured: [
        { name: 'wasm', software: false, adapter: 'WebAssembly on the CPU', samplesPerSec: 21347 },
        { name: 'webgpu', software: true, adapter: 'google swiftshader', samplesPerSec: 903 },
      ],
      measuredBatch: 32,
    },
  },
  { type: 'phase', runId: 3, phase: 'scoring' },
  {
    type: 'progress',
    runId: 3,
    firstBatch: 8,
    losses: Float32Array.of(2.3, 2.1),
    progress: {
      stage: 'training',
      epoch: 1,
      epochs: 2,
      batch: 10,
      batchesPerEpoch: 250,
      samplesPerSec: 1e3,
      etaSec: 12,
      fraction: 0.02,
    },
  },
  {
    type: 'epoch',
    runId: 3,
    metrics: {
      epoch: 1,
      trainLoss: 1,
      trainAcc: 0.5,
      valLoss: 1.1,
      valAcc: 0.45,
      seconds: 3,
      validationSeconds: 0.1,
      numTensors: 40,
    },
  },
  {
    type: 'live-grads',
    runId: 3,
    step: 40,
    layers: [{ name: 'dense_1', inputs: 2, units: 3, gradAbs: Float32Array.of(1, 2, 3, 4, 5, 6) }],
  },
  {
    type: 'done',
    runId: 3,
    trainSeconds: 4,
    samplesPerSec: 900,
    scoring: { batches: 250, seconds: 1.5, layers: [layer('dense_1', 4, 3), layer('dense_2', 3, 2)] },
  },
  { type: 'reset-done', runId: 4 },
  {
    type: 'job-progress',
    runId: 6,
    kind: 'finetune',
    progress: {
      stage: 'training',
      epoch: 2,
      epochs: 2,
      batch: 1,
      batchesPerEpoch: 250,
      samplesPerSec: 1e3,
      etaSec: 1,
      fraction: 0.5,
    },
  },
  {
    type: 'job-done',
    runId: 6,
    kind: 'finetune',
    result: {
      before: { trainLoss: 1, trainAcc: 0.6, valLoss: 1.1, valAcc: 0.55 },
      after: { trainLoss: 0.5, trainAcc: 0.8, valLoss: 0.6, valAcc: 0.75 },
      layers: [
        { name: 'dense_1', inputs: 2, units: 2, kernel: Float32Array.of(0, 1, 0, 2), bias: Float32Array.of(0, 0) },
      ],
      maskViolations: 0,
      seconds: 2,
    },
  },
  { type: 'error', runId: null, message: 'boom' },
  { type: 'memory', requestId: 1, numTensors: 12, numBytes: 1024 },
];

/** Sends a message through a real MessageChannel with the given transfer list. */
function roundTrip<T>(msg: T, transfer: ArrayBuffer[]): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (m: T) => {
      port1.close();
      port2.close();
      resolve(m);
    });
    port1.postMessage(msg, transfer);
  });
}

describe('worker protocol', () => {
  it.each(samples().map((m) => [m.type, m] as const))('round-trips a %s message unchanged', async (_type, msg) => {
    const copy = structuredClone(msg);
    const received = await roundTrip(msg, transferables(msg));
    expect(received).toEqual(copy);
    expect(isFromWorker(received)).toBe(true);
  });

  it('transfers every Float32Array buffer (the sender keeps detached, empty arrays)', async () => {
    const msg = samples().find((m) => m.type === 'done')!;
    const list = transferables(msg);
    expect(list).toHaveLength(8); // 2 layers × (kernel, bias, gradAbsMean, gradSqMean)
    await roundTrip(msg, list);
    if (msg.type === 'done') expect(msg.scoring!.layers[0].kernel.length).toBe(0);
  });

  it("transfers every typed array of a job's result and progress, whatever its kind", () => {
    const kernel = Float32Array.of(1, 2);
    const bias = Float32Array.of(0);
    const scores = Float32Array.of(3, 4);
    const moved: FromWorker = {
      type: 'job-done',
      runId: 2,
      kind: 'movement',
      result: { scores: [scores], layers: [{ name: 'd', inputs: 2, units: 1, kernel, bias }] },
    };
    expect(transferables(moved)).toEqual([scores.buffer, kernel.buffer, bias.buffer]);
    const masks = [Uint8Array.of(1, 0)];
    const update: FromWorker = {
      type: 'job-progress',
      runId: 2,
      kind: 'gradual',
      progress: { masks: { step: 10, sparsity: 0.5, masks } },
    };
    expect(transferables(update)).toEqual([masks[0].buffer]);
    expect(transferables({ type: 'job-done', runId: 2, kind: 'init-grads', result: { gradAbs: [] } })).toEqual([]);
  });

  it('round-trips main → worker commands', async () => {
    const cmds: ToWorker[] = [
      { type: 'init', backend: 'cpu', dataUrl: 'http://localhost/data/mnist.bin.gz', faults: { noWebGPU: true } },
      {
        type: 'train',
        runId: 1,
        config: { dataset: 'mnist', seed: 1, epochs: 2, batchSize: 32, learningRate: 0.001 },
        options: { maxBatches: 5 },
      },
      { type: 'choose-backend', batchSize: 128 },
      { type: 'pause', runId: 1 },
      { type: 'reset', runId: 2 },
      { type: 'memory', requestId: 9 },
      { type: 'cancel', runId: 3 },
      {
        type: 'job',
        runId: 3,
        job: {
          kind: 'finetune',
          config: { dataset: 'synthetic-32', seed: 2, epochs: 5, batchSize: 64, learningRate: 0.001 },
          data: { name: 'synthetic-32', seed: 2, trainIndices: Uint32Array.of(3, 1), valIndices: Uint32Array.of(0) },
          epochs: 2,
          learningRate: 1e-4,
          layers: [
            { name: 'dense_1', inputs: 1, units: 2, kernel: Float32Array.of(1, 2), bias: Float32Array.of(0, 0) },
          ],
          masks: [Uint8Array.of(1, 0)],
        },
      },
    ];
    for (const c of cmds) expect(await roundTrip(c, [])).toEqual(c);
  });

  it('rejects foreign messages', () => {
    for (const v of [null, 1, 'ready', {}, { type: 'nope' }, { type: '__proto__' }, []])
      expect(isFromWorker(v)).toBe(false);
  });
});

describe('dataset message', () => {
  it('carries where the data came from, not the features, and is copied (the worker keeps its split)', async () => {
    const msg: FromWorker = {
      type: 'dataset',
      runId: 1,
      data: { name: 'mnist', seed: 1, trainIndices: Uint32Array.of(5, 2), valIndices: Uint32Array.of(7) },
    };
    expect(transferables(msg)).toEqual([]);
    expect(Object.keys((msg as Extract<FromWorker, { type: 'dataset' }>).data).sort()).toEqual([
      'name',
      'seed',
      'trainIndices',
      'valIndices',
    ]);
    expect(await roundTrip(msg, [])).toEqual(msg);
  });
});
