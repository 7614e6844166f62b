/**
 * Main-thread side of the worker protocol. Creates the module worker, numbers runs, and hands every
 * message to one listener. Does not import tfjs: tfjs lives in the worker chunk only.
 */
import type { DataRef } from '../core/dataset';
import { Watchdog } from './watchdog';
import { isFromWorker, type WorkerFault, type BackendPreference, type ArticleCodeJob, type InitGradsJob, type GradualJob, type MovementJob, type FinetuneJob, type IterativeJob, type FromWorker, type RunOptions, type ToWorker, type TrainConfig, type LayerParams } from './protocol';

export type PredictTimed = Extract<FromWorker, { type: 'predict-timed' }>;

export interface TrainingClient {
  init(backend: BackendPreference, faults?: { noWebGPU?: boolean }): void;
  /** Starts a new run and returns its id; messages from older runs should be ignored. */
  train(config: TrainConfig, options?: RunOptions, data?: DataRef): number;
  pause(): void;
  resume(): void;
  reset(): number;
  /** Stops whatever runs and returns a new run id for a run the page makes without the worker (an import). */
  stop(): number;
  /** Starts masked fine-tuning (stops any training run) and returns its id. */
  finetune(job: FinetuneJob): number;
  iterative(job: IterativeJob): number;
  articleCode(job: ArticleCodeJob): number;
  /** SNIP's one-batch gradients at the given weights. */
  initGrads(job: InitGradsJob): number;
  /** Gradual pruning during a training from the given weights. */
  gradual(job: GradualJob): number;
  /** Movement pruning's scoring fine-tune. */
  movement(job: MovementJob): number;
  cancel(runId: number): void;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** The dense network's tfjs `predict` time per call at each batch size, on the worker's backend. */
  timePredict(layers: LayerParams[], batches: number[]): Promise<PredictTimed>;
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

const trainingWorker = (): TrainingPort => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' }) as unknown as TrainingPort;

export function createTrainingClient(dataUrl: string, onMessage: (msg: FromWorker) => void, onCrash: (message: string) => void, worker: TrainingPort = trainingWorker()): TrainingClient {
  let runId = 0;
  let requestId = 0;
  const memoryWaiters = new Map<number, (m: { numTensors: number; numBytes: number }) => void>();
  const predictWaiters = new Map<number, (m: PredictTimed) => void>();
  const send = (msg: ToWorker) => worker.postMessage(msg);

  const watchdog = new Watchdog({
    intervalMs: 1000,
    timeoutMs: WATCHDOG_TIMEOUT_MS,
    ping: () => send({ type: 'ping' }),
    onDead: (ms) => {
      clearInterval(timer);
      onCrash(`it stopped responding for ${Math.round(ms / 1000)} s`);
    },
  });
  const timer = setInterval(() => watchdog.tick(), 1000);

  worker.onmessage = (ev: MessageEvent<unknown>) => {
    watchdog.heard();
    const msg = ev.data;
    if (!isFromWorker(msg) || msg.type === 'pong') return;
    if (msg.type === 'memory') {
      memoryWaiters.get(msg.requestId)?.(msg);
      memoryWaiters.delete(msg.requestId);
      return;
    }
    if (msg.type === 'predict-timed') {
      predictWaiters.get(msg.requestId)?.(msg);
      predictWaiters.delete(msg.requestId);
      return;
    }
    onMessage(msg);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    clearInterval(timer);
    onCrash(ev.message || 'The training worker failed to start or crashed.');
  };

  return {
    init: (backend, faults) => send({ type: 'init', backend, dataUrl, faults }),
    train: (config, options, data) => {
      runId++;
      send({ type: 'train', runId, config, options, ...(data ? { data } : {}) });
      return runId;
    },
    pause: () => send({ type: 'pause', runId }),
    resume: () => send({ type: 'resume', runId }),
    reset: () => {
      runId++;
      send({ type: 'reset', runId });
      return runId;
    },
    stop: () => {
      runId++;
      send({ type: 'stop', runId });
      return runId;
    },
    finetune: (job) => {
      runId++;
      send({ type: 'finetune', runId, job });
      return runId;
    },
    iterative: (job) => {
      runId++;
      send({ type: 'iterative', runId, job });
      return runId;
    },
    articleCode: (job) => {
      runId++;
      send({ type: 'article-code', runId, job });
      return runId;
    },
    initGrads: (job) => {
      runId++;
      send({ type: 'init-grads', runId, job });
      return runId;
    },
    gradual: (job) => {
      runId++;
      send({ type: 'gradual', runId, job });
      return runId;
    },
    movement: (job) => {
      runId++;
      send({ type: 'movement', runId, job });
      return runId;
    },
    cancel: (id) => send({ type: 'cancel', runId: id }),
    memory: () =>
      new Promise((resolve) => {
        requestId++;
        memoryWaiters.set(requestId, resolve);
        send({ type: 'memory', requestId });
      }),
    timePredict: (layers, batches) =>
      new Promise((resolve) => {
        requestId++;
        predictWaiters.set(requestId, resolve);
        send({ type: 'time-predict', requestId, layers, batches });
      }),
    terminate: () => {
      clearInterval(timer);
      worker.terminate();
    },
    testFault: (fault) => send({ type: 'test-fault', fault }),
  };
}
