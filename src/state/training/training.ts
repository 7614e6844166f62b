/**
 * Training wiring: the training worker's client and its life cycle (a crashed or silent worker is
 * replaced by a fresh one), runs and their controls, and the backend. Worker messages go through the
 * reducer (`workerMessages.ts`); the transitions other wiring cares about are explicit hooks called after
 * the state changed (a backend became ready; a run finished with its scoring pass), not store listeners.
 */
import {
  createTrainingClient,
  startLater,
  type LaterPort,
  type TrainingClient,
  type TrainingPort,
} from '../../train/client';
import type { DataRef } from '../../core/data';
import type { FromWorker } from '../../train/protocol';
import type { RunOptions, TrainConfig } from '../../train/runTypes';
import type { LayerParams } from '../../core/base';
import { msg } from '../../i18n/catalogue';
import { initialState, startRun, trainConfigOf, type AppState, type Store } from '../store';
import { applyWorkerMessage, stoppedByFault } from './workerMessages';
import { scheduleChoice } from './choiceTiming';

export interface Training {
  /** The current worker's client (it changes when a crashed worker is replaced). */
  client(): TrainingClient;
  /**
   * Starts the worker made with `startLater` (nothing when it runs already). A run, a job or a request
   * starts it too; until then its messages wait, and the backend says it is starting.
   */
  start(): void;
  train(options?: RunOptions): void;
  /** Trains on a user's table (`data`: name 'user', its split and values) with the form's settings. */
  trainOn(data: DataRef, options?: RunOptions): void;
  /**
   * Starts run `state(runId)` on the given weights (an imported model): 0 epochs, then the scoring pass,
   * ending as a run does ('done' with its scoring); `data`: a table's reference, else the config's dataset.
   */
  score(weights: LayerParams[], config: TrainConfig, data: DataRef | null, state: (runId: number) => AppState): void;
  pause(): void;
  resume(): void;
  reset(): void;
  /** Stops the run and starts the backend the settings name (the current results are cleared). */
  switchBackend(): void;
  /** The worker's tensors and bytes; rejects (`JobError` 'worker-gone') when the worker dies first. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** Test hooks for the fault-injection e2e tests. */
  faults: { loseDevice(): void; crashWorker(): void; closeWorker(): void };
}

export interface TrainingHooks {
  /** A backend is ready (after start-up, a switch, or a restart). */
  onReady(): void;
  /** The current run finished with its scoring pass: its network is in the store. */
  onTrained(): void;
}

export function createTraining(
  store: Store<AppState>,
  env: { dataUrl: string; noWebGPU: boolean; tfjsSteps?: boolean; port?: () => TrainingPort; startLater?: boolean },
  hooks: TrainingHooks,
): Training {
  let client: TrainingClient;
  const init = () =>
    client.init(store.getState().settings.backend, { noWebGPU: env.noWebGPU, tfjsSteps: env.tfjsSteps });
  /** `auto`'s choice by measurement, asked once per backend start: when the page is idle, or at the first Train. */
  let asked = true;
  let cancelChoice = () => {};
  const choose = (batchSize: number) => {
    cancelChoice();
    if (asked || store.getState().backend?.pending !== 'waiting') return;
    asked = true;
    client.chooseBackend(batchSize);
  };
  /**
   * A run's frequent messages are folded in together, once the messages already waiting are in: a small
   * table's epochs (a few batches each) arrive faster than the page can draw each one. Any other message
   * first folds in those waiting, so the order holds.
   */
  let waiting: FromWorker[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const foldWaiting = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    store.setState((s) => batch.reduce(applyWorkerMessage, s));
  };
  const onMessage = (msg: FromWorker) => {
    if (msg.type === 'progress' || msg.type === 'epoch' || msg.type === 'live-grads') {
      waiting.push(msg);
      timer ??= setTimeout(foldWaiting, 0);
      return;
    }
    foldWaiting();
    store.setState((s) => applyWorkerMessage(s, msg));
    const s = store.getState();
    if (msg.type === 'ready' && msg.backend.pending === 'waiting') {
      asked = false;
      cancelChoice();
      cancelChoice = scheduleChoice(
        () => store.getState(),
        () => choose(store.getState().settings.batchSize),
      );
    }
    if (msg.type === 'ready') hooks.onReady();
    else if (msg.type === 'done' && msg.runId === s.runId && s.phase === 'done') {
      store.setState((st) => (st.timing ? { ...st, timing: { ...st.timing, doneAt: performance.now() } } : st));
      if (s.scoring) hooks.onTrained();
    }
  };
  /** The training worker died: start a fresh one, say what happened, offer a restart. */
  const crash = (message: string) => {
    foldWaiting();
    client.terminate();
    connect();
    store.setState((s) => stoppedByFault(s, msg('fault.workerStopped', { detail: message })));
  };
  /**
   * Run ids are the page's: they keep rising across the workers that replace a crashed one, so a new
   * worker's first run never shares an id with a run the store still holds.
   */
  let lastRunId = 0;
  const nextRunId = () => ++lastRunId;
  /** The first worker, when it starts later (a worker that replaces a crashed one starts at once). */
  let later: LaterPort | null = env.startLater ? startLater(env.port) : null;
  const connect = () => {
    client = createTrainingClient(env.dataUrl, onMessage, crash, nextRunId, later ?? env.port?.());
    later = null;
    init();
  };
  const first = later;
  connect();

  return {
    client: () => client,
    start: () => first?.start(),
    train(options) {
      const s = store.getState();
      const config = trainConfigOf(s.settings);
      choose(config.batchSize); // the run waits for the choice
      const runId = client.train(config, options);
      store.setState({
        ...startRun(s, runId, config),
        timing: { startedAt: performance.now(), doneAt: null, curvesAt: null },
      });
    },
    trainOn(data, options = {}) {
      const s = store.getState();
      const config = { ...trainConfigOf(s.settings), dataset: 'user' as const, seed: data.seed };
      choose(config.batchSize);
      const runId = client.train(config, options, data);
      // The page holds the table: the run's reference keeps it (the worker's 'dataset' message does not carry it).
      store.setState({
        ...startRun(s, runId, config),
        dataset: data,
        timing: { startedAt: performance.now(), doneAt: null, curvesAt: null },
      });
    },
    score(weights, config, data, state) {
      const runId = client.train({ ...config, epochs: 0 }, {}, data ?? undefined, weights);
      store.setState({ ...state(runId), timing: { startedAt: performance.now(), doneAt: null, curvesAt: null } });
    },
    pause() {
      if (store.getState().phase === 'training') client.pause();
    },
    resume() {
      if (store.getState().phase === 'paused') client.resume();
    },
    reset() {
      const s = store.getState();
      if (s.phase === 'error' && !s.backend) {
        // The worker never came up: start a fresh one.
        client.terminate();
        // The user's table stays (it is theirs).
        store.setState({ ...initialState(s.settings, s.notices, s.flags), userData: s.userData });
        connect();
        return;
      }
      const runId = client.reset();
      store.setState(startRun(s, runId, null));
    },
    switchBackend() {
      const runId = client.reset();
      store.setState((s) => ({ ...startRun(s, runId, null), backend: null, backendStatus: 'starting' }));
      init();
    },
    memory: () => client.memory(),
    faults: {
      loseDevice: () => client.testFault('device-lost'),
      crashWorker: () => client.testFault('throw'),
      closeWorker: () => client.testFault('close'),
    },
  };
}
