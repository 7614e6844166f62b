/**
 * Main-thread side of the worker protocol. Creates the module worker, numbers runs, and hands every
 * message to one listener. Does not import tfjs: tfjs lives in the worker chunk only.
 */
import type { LayerParams } from '../core/base';
import type { DataRef } from '../core/data';
import { Watchdog } from './watchdog';
import { isFromWorker, type FromWorker, type ToWorker, type WorkerFault } from './protocol';
import type { Job, JobKind, JobOf, JobProgress, JobResult } from './jobs';
import type { BackendPreference, RunOptions, TrainConfig } from './runTypes';

export type PredictTimed = Extract<FromWorker, { type: 'predict-timed' }>;
export type Memory = { numTensors: number; numBytes: number };

/**
 * Why a job's promise (or a request's) was rejected: cancelled by its signal, superseded by a newer run
 * (the worker stops whatever runs when another starts), the worker gone (crashed, closed, its GPU device
 * lost), or failed in the worker (`message`: its own words).
 */
export type JobStop = 'cancelled' | 'superseded' | 'worker-gone' | 'failed';
export class JobError extends Error {
  constructor(
    readonly reason: JobStop,
    message: string,
  ) {
    super(message);
    this.name = 'JobError';
  }
}
export const isJobError = (e: unknown, ...reasons: JobStop[]): e is JobError =>
  e instanceof JobError && (reasons.length === 0 || reasons.includes(e.reason));

export interface RunJobOptions<K extends JobKind> {
  /** Aborting it cancels the job in the worker; the promise rejects with a `JobError` 'cancelled'. */
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress<K>) => void;
}

export interface TrainingClient {
  init(backend: BackendPreference, faults?: { noWebGPU?: boolean; tfjsSteps?: boolean }): void;
  /** Asks `auto` to choose its backend by measurement at `batchSize` (ignored by the worker once chosen, or when forced). */
  chooseBackend(batchSize: number): void;
  /** Starts a new run and returns its id; messages from older runs should be ignored. */
  /** `weights`: start from these instead of the seed's initial ones (an imported model: 0 epochs, then the scoring pass). */
  train(config: TrainConfig, options?: RunOptions, data?: DataRef, weights?: LayerParams[]): number;
  pause(): void;
  resume(): void;
  reset(): number;
  /** Stops whatever runs and returns a new run id for a run the page makes without the worker (an import). */
  stop(): number;
  /**
   * Runs a job of the table `Jobs` (stopping whatever runs) and resolves with its result; rejects with a
   * `JobError` when cancelled, superseded by a newer run, failed, or when the worker dies.
   */
  run<K extends JobKind>(job: JobOf<K>, options?: RunJobOptions<K>): Promise<JobResult<K>>;
  memory(): Promise<Memory>;
  /** The dense network's tfjs `predict` time per call at each batch size, on the worker's backend. */
  timePredict(layers: LayerParams[], batches: number[]): Promise<PredictTimed>;
  /** Stops the worker; every pending promise rejects ('worker-gone'). */
  terminate(): void;
  /** Test hook: inject a fault in the worker. */
  testFault(fault: WorkerFault): void;
}

/** A worker silent this long (it answers pings between batches) is taken to be gone. */
export const WATCHDOG_TIMEOUT_MS = 15_000;

/** What the client needs of the training worker (a fake in unit tests). */
export interface TrainingPort {
  postMessage(msg: ToWorker): void;
  onmessage: ((ev: MessageEvent<unknown>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

const trainingWorker = (): TrainingPort =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' }) as unknown as TrainingPort;

/** A port whose worker is made later (`startLater`): until then it holds the messages sent to it. */
export interface LaterPort extends TrainingPort {
  readonly started: boolean;
  /** Makes the worker (once) and hands it the messages held, in order. */
  start(): void;
}

/** What can wait for the worker: its start-up and the controls of runs it cannot have yet. */
const CAN_WAIT: ReadonlySet<ToWorker['type']> = new Set(['init', 'stop', 'reset', 'cancel', 'pause', 'resume']);

/**
 * A training port whose worker (tfjs: megabytes of script to compile, a WebAssembly backend) is made
 * only at `start()` or when a message that needs it is sent (a run, a job, a request), so that a first
 * visit's snapshot gets both cores. Pings are dropped until then (the watchdog waits: `waiting`).
 */
export function startLater(make: () => TrainingPort = trainingWorker): LaterPort {
  let worker: TrainingPort | null = null;
  let ended = false;
  const held: ToWorker[] = [];
  const port: LaterPort = {
    onmessage: null,
    onerror: null,
    get started() {
      return worker !== null;
    },
    start() {
      if (worker || ended) return;
      const w = make();
      worker = w;
      w.onmessage = (ev) => port.onmessage?.(ev);
      w.onerror = (ev) => port.onerror?.(ev);
      for (const msg of held.splice(0)) w.postMessage(msg);
    },
    postMessage(msg) {
      if (worker) return worker.postMessage(msg);
      if (ended || msg.type === 'ping') return;
      held.push(msg);
      if (!CAN_WAIT.has(msg.type)) port.start();
    },
    terminate() {
      ended = true;
      held.length = 0;
      worker?.terminate();
    },
  };
  return port;
}

/** A port that has not made its worker yet: nothing to hear from. */
const waiting = (port: TrainingPort) => 'started' in port && !(port as LaterPort).started;

/** A pending job or request: how it ends. */
interface Waiter {
  resolve(value: never): void;
  reject(e: JobError): void;
  onProgress?: (p: never) => void;
  /** Whether a new run stops it (jobs; not memory or timing requests). */
  job: boolean;
}

/**
 * The client of one worker. `nextRunId` numbers runs: it belongs to the page, so that ids keep rising
 * when a crashed worker is replaced by a fresh client.
 */
export function createTrainingClient(
  dataUrl: string,
  onMessage: (msg: FromWorker) => void,
  onCrash: (message: string) => void,
  nextRunId: () => number,
  worker: TrainingPort = trainingWorker(),
): TrainingClient {
  let runId = 0;
  let requestId = 0;
  /** Jobs by run id, memory and timing requests by request id (negative keys). */
  const pending = new Map<number, Waiter>();
  const send = (msg: ToWorker) => worker.postMessage(msg);
  const settle = (key: number) => {
    const w = pending.get(key);
    pending.delete(key);
    return w;
  };
  const rejectAll = (reason: JobStop, message: string, jobsOnly = false) => {
    for (const [key, w] of [...pending]) if (w.job || !jobsOnly) settle(key)?.reject(new JobError(reason, message));
  };
  /** A new run: the worker stops whatever ran, so a pending job's answer will never come. */
  const newRun = () => {
    rejectAll('superseded', 'A newer run replaced the job.', true);
    runId = nextRunId();
    return runId;
  };
  const gone = (message: string) => {
    clearInterval(timer);
    rejectAll('worker-gone', message);
    onCrash(message);
  };

  const watchdog = new Watchdog({
    intervalMs: 1000,
    timeoutMs: WATCHDOG_TIMEOUT_MS,
    ping: () => send({ type: 'ping' }),
    onDead: (ms) => gone(`it stopped responding for ${Math.round(ms / 1000)} s`),
  });
  const timer = setInterval(() => (waiting(worker) ? watchdog.heard() : watchdog.tick()), 1000);

  worker.onmessage = (ev: MessageEvent<unknown>) => {
    watchdog.heard();
    const msg = ev.data;
    if (!isFromWorker(msg) || msg.type === 'pong') return;
    if (msg.type === 'memory' || msg.type === 'predict-timed') return settle(-msg.requestId)?.resolve(msg as never);
    if (msg.type === 'job-progress') return pending.get(msg.runId)?.onProgress?.(msg.progress as never);
    if (msg.type === 'job-done') return settle(msg.runId)?.resolve(msg.result as never);
    if (msg.type === 'error' && msg.runId !== null && pending.get(msg.runId)?.job) {
      return settle(msg.runId)?.reject(new JobError('failed', msg.message));
    }
    // The run stopped with the device; the worker starts the backend again (the store says why).
    if (msg.type === 'device-lost') rejectAll('worker-gone', msg.message, true);
    onMessage(msg);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    gone(ev.message || 'The training worker failed to start or crashed.');
  };
  const request = <T>(send: (id: number) => void) =>
    new Promise<T>((resolve, reject) => {
      requestId++;
      pending.set(-requestId, { resolve: resolve as (v: never) => void, reject, job: false });
      send(requestId);
    });

  return {
    init: (backend, faults) => send({ type: 'init', backend, dataUrl, faults }),
    chooseBackend: (batchSize) => send({ type: 'choose-backend', batchSize }),
    train: (config, options, data, weights) => {
      send({
        type: 'train',
        runId: newRun(),
        config,
        options,
        ...(data ? { data } : {}),
        ...(weights ? { weights } : {}),
      });
      return runId;
    },
    pause: () => send({ type: 'pause', runId }),
    resume: () => send({ type: 'resume', runId }),
    reset: () => {
      send({ type: 'reset', runId: newRun() });
      return runId;
    },
    stop: () => {
      send({ type: 'stop', runId: newRun() });
      return runId;
    },
    run: <K extends JobKind>(job: JobOf<K>, options: RunJobOptions<K> = {}) =>
      new Promise<JobResult<K>>((resolve, reject) => {
        const { signal, onProgress } = options;
        if (signal?.aborted) return reject(new JobError('cancelled', 'The job was cancelled.'));
        const id = newRun();
        pending.set(id, {
          resolve: resolve as (v: never) => void,
          reject,
          onProgress: onProgress as (p: never) => void,
          job: true,
        });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.has(id)) return;
            send({ type: 'cancel', runId: id });
            settle(id)?.reject(new JobError('cancelled', 'The job was cancelled.'));
          },
          { once: true },
        );
        send({ type: 'job', runId: id, job: job as unknown as Job });
      }),
    memory: () => request<Memory>((id) => send({ type: 'memory', requestId: id })),
    timePredict: (layers, batches) =>
      request<PredictTimed>((id) => send({ type: 'time-predict', requestId: id, layers, batches })),
    terminate: () => {
      clearInterval(timer);
      rejectAll('worker-gone', 'The training worker was stopped.');
      worker.terminate();
    },
    testFault: (fault) => send({ type: 'test-fault', fault }),
  };
}
