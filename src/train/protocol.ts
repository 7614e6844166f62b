/**
 * Typed messages between the main thread and the training worker (discriminated unions on `type`).
 * Every message about a run carries its `runId`; the main thread drops messages from older runs.
 * Float32Arrays in worker → main messages are transferred, not copied (see `transferables`).
 */
import type { LayerParams, Throughput } from '../core/base';
import type { DataRef } from '../core/data';
import type { Timing } from '../core/infer';
import type { Job, JobDoneMessage, JobProgressMessage } from './jobs';
import type {
  BackendInfo,
  BackendPreference,
  EpochMetrics,
  LiveGradLayer,
  ProgressInfo,
  RunOptions,
  ScoringResult,
  TrainConfig,
} from './runTypes';

export type ToWorker =
  | { type: 'init'; backend: BackendPreference; dataUrl: string; faults?: { noWebGPU?: boolean; tfjsSteps?: boolean } }
  | {
      type: 'train';
      runId: number;
      config: TrainConfig;
      options?: RunOptions;
      /** The user's table and its split (config.dataset 'user'). */ data?: DataRef;
      /** The network to start from (an imported model), shaped for the data; absent: the seed's initial weights. */
      weights?: LayerParams[];
    }
  /**
   * `auto`'s choice by measurement (the page asks when idle, or at the first Train, before its 'train'):
   * measures the candidates at `batchSize`, switches to the fastest, reports it ('choosing', then 'ready'
   * and 'throughput'). Ignored for a forced backend and once chosen.
   */
  | { type: 'choose-backend'; batchSize: number }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'reset'; runId: number }
  /** Stops whatever runs, silently: the page starts run `runId` without the worker (an imported run). */
  | { type: 'stop'; runId: number }
  /** A job of the table `Jobs` (one run of the worker, like training): stops whatever runs, then runs it. */
  | { type: 'job'; runId: number; job: Job }
  | { type: 'cancel'; runId: number }
  | { type: 'memory'; requestId: number }
  /** Times the dense network's `predict` on the backend at each batch size (refused while a run or job is busy). */
  | { type: 'time-predict'; requestId: number; layers: LayerParams[]; batches: number[] }
  /** Liveness check, answered at once (outside the job queue) with a 'pong'. */
  | { type: 'ping' }
  /** Test hooks: lose the GPU device, crash the worker with an uncaught error, or close it silently. */
  | { type: 'test-fault'; fault: WorkerFault };

export type WorkerFault = 'device-lost' | 'throw' | 'close';

export type FromWorker =
  | { type: 'ready'; backend: BackendInfo }
  /** `auto`'s measurement started (a 'ready' with the chosen backend follows). */
  | { type: 'choosing' }
  /** The backend's training throughput (784 inputs), measured once it is ready (or while choosing it). */
  | { type: 'throughput'; throughput: Throughput }
  | { type: 'phase'; runId: number; phase: 'loading' | 'training' | 'paused' | 'scoring' }
  /** Where the run's data came from (dataset, seed, split): the evaluation workers load it from there. */
  | { type: 'dataset'; runId: number; data: DataRef }
  | { type: 'progress'; runId: number; progress: ProgressInfo; losses: Float32Array; firstBatch: number }
  | { type: 'epoch'; runId: number; metrics: EpochMetrics }
  /** The scoring pass: batches done of all, and the seconds it is expected to take still. */
  | { type: 'scoring-progress'; runId: number; done: number; total: number; etaSec: number }
  | { type: 'live-grads'; runId: number; step: number; layers: LiveGradLayer[] }
  | { type: 'done'; runId: number; scoring: ScoringResult | null; trainSeconds: number; samplesPerSec: number }
  | { type: 'reset-done'; runId: number }
  /** A job's progress and its result, in the shapes its row of `Jobs` gives. */
  | JobProgressMessage
  | JobDoneMessage
  | { type: 'error'; runId: number | null; message: string }
  /** The GPU device was lost; the current run stopped and the backend is being started again. */
  | { type: 'device-lost'; message: string }
  | { type: 'memory'; requestId: number; numTensors: number; numBytes: number }
  /** `predict` + read per call at each batch size, on `backend`; `error` when it could not be timed. */
  | {
      type: 'predict-timed';
      requestId: number;
      backend: string;
      timings: Record<number, Timing> | null;
      error?: string;
    }
  | { type: 'pong' };

/** The ArrayBuffers a worker → main message should transfer. */
export function transferables(msg: FromWorker): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  if (msg.type === 'progress') arrays.push(msg.losses);
  if (msg.type === 'live-grads') msg.layers.forEach((l) => arrays.push(l.gradAbs));
  if (msg.type === 'done' && msg.scoring)
    msg.scoring.layers.forEach((l) => arrays.push(l.kernel, l.bias, l.gradAbsMean, l.gradSqMean));
  if (msg.type === 'job-progress') arrays.push(...typedArraysIn(msg.progress));
  if (msg.type === 'job-done') arrays.push(...typedArraysIn(msg.result));
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const FROM_WORKER_TYPES = new Set<FromWorker['type']>([
  'ready',
  'choosing',
  'throughput',
  'phase',
  'dataset',
  'progress',
  'epoch',
  'live-grads',
  'scoring-progress',
  'done',
  'reset-done',
  'job-progress',
  'job-done',
  'error',
  'device-lost',
  'memory',
  'predict-timed',
  'pong',
]);

/** Every typed array inside a job's plain-object result or progress (what its message transfers). */
function typedArraysIn(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(typedArraysIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(typedArraysIn);
  return [];
}

/** Narrow check that an incoming value looks like a worker message (guards against foreign messages). */
export function isFromWorker(value: unknown): value is FromWorker {
  return (
    typeof value === 'object' && value !== null && FROM_WORKER_TYPES.has((value as { type: FromWorker['type'] }).type)
  );
}
