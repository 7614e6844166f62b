/**
 * Wires the training worker to the store and offers the actions the UI calls. Data flows one way:
 * worker → messages → store → components.
 */
import { createTrainingClient, type TrainingClient } from '../train/client';
import { createExperiments, type Experiments } from './experiments';
import { joinHash, parseFlags, serializeFlags } from './flags';
import { importRun } from './importRun';
import type { RunOptions } from '../train/protocol';
import { applyWorkerMessage, initialState, startRun, stoppedByFault, Store, type AppState } from './store';
import { parseSettings, serializeSettings, trainConfigOf, type Settings } from './settings';
import { createEvalClient, createSweepClient } from './evalClient';
import { applySweepMessage, startSweep } from './sweepState';
import { CRITERIA } from '../core/criteria';
import { sweepLevels } from '../core/sweep';
import { applyEvalMessage } from './pruningState';
import { pruneSpecOf, thresholdKeepingSparsity } from './pruneSpec';

export interface Controller {
  store: Store<AppState>;
  train(options?: RunOptions): void;
  pause(): void;
  resume(): void;
  reset(): void;
  /** Changes settings. `commit` (default true) also writes the URL hash; a slider drag passes false until release. */
  updateSettings(patch: Partial<Settings>, commit?: boolean): void;
  dismissNotice(index: number): void;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** Fine-tunes the trained network under `masks` (defaults: 2 epochs at a tenth of the learning rate). */
  finetune: Experiments['finetune'];
  /** Prune → fine-tune at 50/80/90/95/98% for one criterion. */
  finetuneCurve: Experiments['finetuneCurve'];
  /** Iterative pruning to `target` (Han et al.). */
  iterative: Experiments['iterative'];
  clearFinetuneLog(): void;
  /** Test hooks for the fault-injection e2e tests. */
  faults: { loseDevice(): void; crashWorker(): void; closeWorker(): void };
  /** Restores an experiment from run.json text; returns null, or why the file was refused (nothing changes then). */
  importRun(text: string): string | null;
  /** Stops a running fine-tune, curve or iterative job. */
  cancelFinetune(): void;
}

export interface ControllerEnv {
  search: string;
  hash: string;
  dataUrl: string;
  /** Writes the URL hash (without '#'). */
  writeHash(hash: string): void;
}

const PRUNING_KEYS: (keyof Settings)[] = ['criterion', 'scope', 'granularity', 'mode', 'threshold', 'sparsity'];

export function createController(env: ControllerEnv): Controller {
  const { settings, notices: settingNotices } = parseSettings(env.search, env.hash);
  const { flags, notices: flagNotices } = parseFlags(env.search, env.hash);
  const notices = [...settingNotices, ...flagNotices];
  /** The URL hash: every non-default setting, plus the flags the page was opened with. */
  const hashOf = (s: Settings) => joinHash(serializeSettings(s), serializeFlags(flags));
  const simulate = new URLSearchParams(env.search).get('simulate') ?? '';
  const store = new Store<AppState>(initialState(settings, notices, flags));
  let client: TrainingClient;

  /** The training worker died: start a fresh one, say what happened, offer a restart. */
  const crash = (message: string) => {
    client.terminate();
    connect();
    store.setState((s) => stoppedByFault(s, `The training worker stopped (${message}); a new one has been started.`));
  };
  const connect = () => {
    client = createTrainingClient(env.dataUrl, (msg) => store.setState((s) => applyWorkerMessage(s, msg)), crash);
    client.init(store.getState().settings.backend, { noWebGPU: simulate.includes('no-webgpu') });
  };
  connect();
  const experiments = createExperiments(store, () => client);

  const evaluator = createEvalClient((msg) => store.setState((s) => ({ ...s, pruning: applyEvalMessage(s.pruning, msg) })));
  /** Returns the request id (the caller records it in the store), or null when nothing is loaded. */
  const requestEvaluate = (settings: Settings): number | null => {
    const p = store.getState().pruning;
    if (p.status === 'idle' || p.status === 'error') return null;
    return evaluator.evaluate(settings.criterion, pruneSpecOf(settings));
  };
  const requested = (id: number | null) => (st: AppState): AppState => (id === null ? st : { ...st, pruning: { ...st.pruning, requested: id } });
  const sweeper = createSweepClient((msg) => store.setState((s) => ({ ...s, sweep: applySweepMessage(s.sweep, msg) })));
  /** Recomputes every criterion's curves (and the per-layer sensitivity) for the current scope and granularity. */
  const requestSweep = (settings: Settings) => {
    const id = sweeper.sweep({ criteria: [...CRITERIA], scope: settings.scope, granularity: settings.granularity, levels: sweepLevels(51), sensitivity: [...CRITERIA] });
    store.setState((st) => ({ ...st, sweep: startSweep(id, settings.scope, settings.granularity) }));
  };
  // autotrain=1: start once, as soon as a backend is ready.
  if (flags.autotrain) {
    const off = store.subscribe(() => {
      const s = store.getState();
      if (s.backendStatus !== 'ready' || s.phase !== 'idle') return;
      off();
      queueMicrotask(() => api.train());
    });
  }
  // When a run finishes with its scoring pass, hand the network and data to the evaluation workers.
  store.subscribe(() => {
    const s = store.getState();
    if (s.phase !== 'done' || !s.scoring || !s.dataset || !s.runConfig || s.pruning.status !== 'idle') return;
    // Mark the slice as loading first: the setState calls below re-enter this listener.
    const loadId = evaluator.load(s.dataset, s.scoring.layers, s.runConfig.seed);
    store.setState((st) => ({ ...st, pruning: { ...st.pruning, status: 'loading', loadId, requested: loadId } }));
    store.setState(requested(requestEvaluate(s.settings)));
    sweeper.load(s.dataset, s.scoring.layers, s.runConfig.seed);
    requestSweep(s.settings);
  });

  const api: Controller = {
    store,
    train(options) {
      const s = store.getState();
      const config = trainConfigOf(s.settings);
      env.writeHash(hashOf(s.settings));
      const runId = client.train(config, options);
      store.setState(startRun(s, runId, config));
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
        store.setState({ ...initialState(s.settings, s.notices, s.flags) });
        connect();
        return;
      }
      const runId = client.reset();
      store.setState(startRun(s, runId, null));
    },
    updateSettings(patch, commit = true) {
      const state = store.getState();
      const before = state.settings;
      const next = { ...before, ...patch };
      // A new criterion keeps the sparsity in threshold mode, where T has no common meaning across criteria.
      if (patch.criterion && patch.criterion !== before.criterion && next.mode === 'threshold' && state.pruning.sorted && patch.threshold === undefined) {
        next.threshold = thresholdKeepingSparsity(state.pruning.sorted, before, patch.criterion);
      }
      // The request goes out before React re-renders, so the worker computes while the page renders.
      const id = PRUNING_KEYS.some((k) => next[k] !== before[k]) ? requestEvaluate(next) : null;
      store.setState((s) => requested(id)({ ...s, settings: next }));
      if (commit) env.writeHash(hashOf(next));
      if ((next.scope !== before.scope || next.granularity !== before.granularity) && store.getState().pruning.status !== 'idle') requestSweep(next);
      if (patch.backend !== undefined && patch.backend !== before.backend) {
        const runId = client.reset();
        store.setState((s) => ({ ...startRun(s, runId, null), backend: null, backendStatus: 'starting' }));
        client.init(next.backend, { noWebGPU: simulate.includes('no-webgpu') });
      }
    },
    dismissNotice(index) {
      store.setState((s) => ({ ...s, notices: s.notices.filter((_, i) => i !== index) }));
    },
    memory: () => client.memory(),
    finetune: (masks, options) => experiments.finetune(masks, options),
    finetuneCurve: (criterion) => experiments.finetuneCurve(criterion),
    iterative: (criterion, target) => experiments.iterative(criterion, target),
    clearFinetuneLog: () => experiments.clearLog(),
    cancelFinetune: () => experiments.cancel(),
    faults: {
      loseDevice: () => client.testFault('device-lost'),
      crashWorker: () => client.testFault('throw'),
      closeWorker: () => client.testFault('close'),
    },
    importRun: (text) => {
      const error = importRun(text, store, client);
      if (!error) env.writeHash(hashOf(store.getState().settings));
      return error;
    },
  };
  return api;
}
