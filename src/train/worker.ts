/// <reference lib="webworker" />
/**
 * The training worker: owns tfjs, the backend, the model and the data. Talks to the main thread only
 * through the typed messages of protocol.ts. One run at a time; a new train/reset/init stops the old
 * run and waits for it to release its tensors before going on.
 */
import * as tf from '@tensorflow/tfjs';
import { HIDDEN_UNITS, layerShapes, initParams, SCORING_PER_EPOCH, type LayerArrays } from '../core/base';
import { chooseByMeasurement, selectBackend, type BackendFaults } from './backend';
import { probeThroughput } from './probe';
import { destroyDeviceForTest, failedFromDeviceLoss, onDeviceLost, resetWebGPU } from './webgpuDevice';
import { RunControl } from './control';
import { dataRefOf, type DataRef } from '../core/data';
import { loadDataset } from '../data/load';
import { disposeDevice, toDevice } from './data';
import { createMlp, readParams } from './model';
import { RUNNERS, type Runner } from './runners';
import { scoreRun } from './fusedScoring';
import { predictTimed } from './predictTiming';
import { stepsForTests, train, type DeviceData } from './trainer';
import { transferables, type FromWorker, type ToWorker } from './protocol';
import type { JobDoneMessage, JobKind, JobOf, JobProgressMessage } from './jobs';
import type { BackendInfo, BackendPreference, RunOptions, TrainConfig } from './runTypes';

declare const self: DedicatedWorkerGlobalScope;

function post(msg: FromWorker): void {
  self.postMessage(msg, transferables(msg));
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

let backendReady: Promise<BackendInfo> | null = null;
let requested: { backend: BackendPreference; faults: BackendFaults } = { backend: 'auto', faults: {} };

/**
 * Starts (or restarts) the requested backend and reports it, then its throughput (for run estimates). A
 * run waits for both: the probe trains on the same backend. `auto` starts on WASM and reports no
 * throughput: its measurement (`choose`) comes later, when the page asks.
 */
async function initBackend(): Promise<void> {
  backendReady = selectBackend(requested.backend, requested.faults).then(async (info) => {
    post({ type: 'ready', backend: info });
    if (!info.pending) await postThroughput();
    return info;
  });
  try {
    await backendReady;
  } catch (e) {
    post({ type: 'error', runId: null, message: errorText(e) });
  }
}

// Without a throughput the page only shows no estimate; the backend itself passed its checks.
const postThroughput = () =>
  probeThroughput().then(
    (throughput) => post({ type: 'throughput', throughput }),
    () => {},
  );

/** `auto`'s choice by measurement at `batchSize` (once; nothing for a forced backend). */
async function choose(batchSize: number): Promise<void> {
  const started = await backendReady?.catch(() => null);
  if (!started?.pending) return;
  post({ type: 'choosing' });
  backendReady = chooseByMeasurement(batchSize, requested.faults).then(async (info) => {
    post({ type: 'ready', backend: info });
    await postThroughput();
    return info;
  });
  await backendReady.catch((e) => post({ type: 'error', runId: null, message: errorText(e) }));
}

// A lost GPU device stops the run, then the backend starts again (a new device, or the next backend).
onDeviceLost((loss) => {
  // A device `auto` measured and left: nothing runs on it.
  if (tf.getBackend() !== 'webgpu') return resetWebGPU();
  post({ type: 'device-lost', message: `The GPU device was lost (${loss.reason}: ${loss.message}).` });
  queue = queue.then(async () => {
    await stopCurrent();
    resetWebGPU();
    await initBackend();
  });
});
let dataUrl = '';
let current: { runId: number; control: RunControl; finished: Promise<void>; busy: boolean } | null = null;

async function stopCurrent(): Promise<void> {
  const run = current;
  if (!run) return;
  run.control.stop();
  await run.finished;
  if (current === run) current = null;
}

async function runTraining(
  runId: number,
  config: TrainConfig,
  options: RunOptions,
  control: RunControl,
  source?: DataRef,
): Promise<void> {
  post({ type: 'phase', runId, phase: 'loading' });
  const ds = await loadDataset(source ?? { name: config.dataset, seed: config.seed }, dataUrl);
  await backendReady;
  if (control.stopped) return;
  const data = toDevice(ds);
  // The page learns where the data came from; the evaluation workers load it from there themselves.
  post({ type: 'dataset', runId, data: dataRefOf(ds, config.seed) });
  const model = createMlp(
    initParams(ds.inputSize, config.seed, layerShapes(ds.inputSize, config.hidden ?? HIDDEN_UNITS, ds.numClasses)),
  );
  try {
    post({ type: 'phase', runId, phase: 'training' });
    // Test hook: a learning rate beyond the form's range, to force a diverging loss.
    const cfg = options.testLearningRate ? { ...config, learningRate: options.testLearningRate } : config;
    const outcome = await train(model, data, cfg, options, control, {
      onProgress: (progress, losses, firstBatch) => post({ type: 'progress', runId, progress, losses, firstBatch }),
      onEpoch: (metrics) => post({ type: 'epoch', runId, metrics }),
      onPauseChange: (paused) => post({ type: 'phase', runId, phase: paused ? 'paused' : 'training' }),
      onLiveGrads: (step, grads) =>
        post({
          type: 'live-grads',
          runId,
          step,
          layers: model.layers.map((l, i) => ({ name: l.name, inputs: l.inputs, units: l.units, gradAbs: grads[i] })),
        }),
    });
    if (!outcome.completed) return;
    let scoring = null;
    if (!options.skipScoring) {
      post({ type: 'phase', runId, phase: 'scoring' });
      const t0 = performance.now();
      // Expected from the run's training rate at first, then from the pass's own pace.
      const expected = (SCORING_PER_EPOCH * ds.train.n) / Math.max(1, outcome.samplesPerSec);
      let lastPost = 0;
      const onScoring = (done: number, total: number) => {
        const elapsed = (performance.now() - t0) / 1000;
        if (performance.now() - lastPost < 150 && done < total) return;
        lastPost = performance.now();
        post({
          type: 'scoring-progress',
          runId,
          done,
          total,
          etaSec: done > total / 4 ? (elapsed * (total - done)) / done : Math.max(0, expected - elapsed),
        });
      };
      post({
        type: 'scoring-progress',
        runId,
        done: 0,
        total: Math.ceil(ds.train.n / config.batchSize),
        etaSec: expected,
      });
      const stats = await scoreRun(
        model,
        data,
        config.batchSize,
        () => control.stopped,
        onScoring,
        outcome.steps === 'tfjs',
      );
      if (!stats) return;
      const params = await readParams(model);
      const layers: LayerArrays[] = params.map((p, i) => ({
        ...p,
        gradAbsMean: stats.gradAbsMean[i],
        gradSqMean: stats.gradSqMean[i],
      }));
      scoring = { layers, batches: stats.batches, seconds: (performance.now() - t0) / 1000 };
    }
    post({ type: 'done', runId, scoring, trainSeconds: outcome.seconds, samplesPerSec: outcome.samplesPerSec });
  } finally {
    model.dispose();
    disposeDevice(data);
  }
}

/** Loads the run's data onto the device for a job, and releases it afterwards (null: stopped before). */
async function withData<T>(
  ref: DataRef,
  control: RunControl,
  job: (data: DeviceData) => Promise<T>,
): Promise<T | null> {
  const ds = await loadDataset(ref, dataUrl);
  await backendReady;
  if (control.stopped) return null;
  const data = toDevice(ds);
  try {
    return await job(data);
  } finally {
    disposeDevice(data);
  }
}

/** Runs `job` with its kind's runner; posts its progress, then its result unless it was stopped. */
async function runJob<K extends JobKind>(runId: number, job: JobOf<K>, control: RunControl): Promise<void> {
  const runner = RUNNERS[job.kind] as Runner<K>;
  const kind: JobKind = job.kind;
  const result = await runner(job, {
    control,
    progress: (progress) => post({ type: 'job-progress', runId, kind, progress } as JobProgressMessage),
    withData: (ref, f) => withData(ref, control, f),
  });
  if (result !== null && !control.stopped) post({ type: 'job-done', runId, kind, result } as JobDoneMessage);
}

/** Stops whatever runs, then starts `job` as the current run; its errors are reported under `runId`. */
async function start(runId: number, job: (control: RunControl) => Promise<void>): Promise<void> {
  await stopCurrent();
  const control = new RunControl();
  const run = { runId, control, finished: Promise.resolve(), busy: true };
  run.finished = job(control)
    .catch(async (e) => {
      if (control.stopped) return;
      // A lost GPU device fails the job first; the 'device-lost' message explains it instead.
      if (tf.getBackend() === 'webgpu' && (await failedFromDeviceLoss())) return;
      if (!control.stopped) post({ type: 'error', runId, message: errorText(e) });
    })
    .finally(() => (run.busy = false));
  current = run;
}

async function handle(msg: ToWorker): Promise<void> {
  switch (msg.type) {
    case 'init':
      await stopCurrent();
      dataUrl = msg.dataUrl;
      requested = { backend: msg.backend, faults: msg.faults ?? {} };
      stepsForTests(msg.faults?.tfjsSteps ? 'tfjs' : undefined);
      return initBackend();
    case 'choose-backend':
      return choose(msg.batchSize);
    case 'test-fault':
      if (msg.fault === 'throw') {
        setTimeout(() => {
          throw new Error('injected worker failure (test hook)');
        });
      } else if (msg.fault === 'close') {
        self.close(); // gone without an error event, as a worker killed by the browser would be
      } else if (!destroyDeviceForTest()) {
        post({ type: 'error', runId: null, message: 'There is no WebGPU device to lose (test hook).' });
      }
      return;
    case 'train':
      return start(msg.runId, (control) => runTraining(msg.runId, msg.config, msg.options ?? {}, control, msg.data));
    case 'job':
      return start(msg.runId, (control) => runJob(msg.runId, msg.job, control));
    case 'cancel':
      if (current?.runId === msg.runId) await stopCurrent();
      return;
    case 'pause':
      // The loop reports 'paused' itself once it has actually stopped between batches.
      if (current?.runId === msg.runId && !current.control.stopped) current.control.pause();
      return;
    case 'resume':
      if (current?.runId === msg.runId) current.control.resume();
      return;
    case 'reset':
      await stopCurrent();
      post({ type: 'reset-done', runId: msg.runId });
      return;
    case 'stop':
      return stopCurrent();
    case 'ping':
      return;
    case 'time-predict':
      // Timed only on a quiet backend: a training run on it would slow both and make the figure meaningless.
      return post(
        current?.busy
          ? { type: 'predict-timed', requestId: msg.requestId, backend: tf.getBackend(), timings: null, error: 'busy' }
          : await predictTimed(msg, backendReady),
      );
    case 'memory': {
      const m = tf.memory();
      post({ type: 'memory', requestId: msg.requestId, numTensors: m.numTensors, numBytes: m.numBytes });
      return;
    }
  }
}

// Messages are handled one after another (a train arriving during backend selection waits for it);
// a running training loop is not part of this chain, so pause/reset reach it between batches.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'ping') {
    post({ type: 'pong' });
    return;
  }
  if (msg.type === 'pause' || msg.type === 'resume') {
    void handle(msg);
    return;
  }
  queue = queue.then(() => handle(msg)).catch((e) => post({ type: 'error', runId: null, message: errorText(e) }));
};
