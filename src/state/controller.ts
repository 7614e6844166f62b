/**
 * Wires the training worker to the store and offers the actions the UI calls. Data flows one way:
 * worker → messages → store → components.
 */
import { createTrainingClient, type TrainingClient } from '../train/client';
import { FINETUNE_EPOCHS, FINETUNE_LR_FACTOR } from '../train/finetuneDefaults';
import type { RunOptions } from '../train/protocol';
import { applyWorkerMessage, initialState, startRun, Store, type AppState } from './store';
import { parseSettings, serializeSettings, trainConfigOf, type Settings } from './settings';
import { createEvalClient } from './evalClient';
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
  finetune(masks: Uint8Array[], options?: { epochs?: number; learningRateFactor?: number }): void;
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
  const { settings, notices } = parseSettings(env.search, env.hash);
  const simulate = new URLSearchParams(env.search).get('simulate') ?? '';
  const store = new Store<AppState>(initialState(settings, notices));
  let client: TrainingClient;

  const crash = (message: string) => store.setState((s) => ({ ...s, phase: 'error', error: `Training worker: ${message}` }));
  const connect = () => {
    client = createTrainingClient(env.dataUrl, (msg) => store.setState((s) => applyWorkerMessage(s, msg)), crash);
    client.init(store.getState().settings.backend, { noWebGPU: simulate.includes('no-webgpu') });
  };
  connect();

  const evaluator = createEvalClient((msg) => store.setState((s) => ({ ...s, pruning: applyEvalMessage(s.pruning, msg) })));
  /** Returns the request id (the caller records it in the store), or null when nothing is loaded. */
  const requestEvaluate = (settings: Settings): number | null => {
    const p = store.getState().pruning;
    if (p.status === 'idle' || p.status === 'error') return null;
    return evaluator.evaluate(settings.criterion, pruneSpecOf(settings));
  };
  const requested = (id: number | null) => (st: AppState): AppState => (id === null ? st : { ...st, pruning: { ...st.pruning, requested: id } });
  // When a run finishes with its scoring pass, hand the network and data to the evaluation worker.
  store.subscribe(() => {
    const s = store.getState();
    if (s.phase !== 'done' || !s.scoring || !s.dataset || !s.runConfig || s.pruning.status !== 'idle') return;
    const loadId = evaluator.load(s.dataset, s.scoring.layers, s.runConfig.seed);
    store.setState((st) => ({ ...st, pruning: { ...st.pruning, status: 'loading', loadId, requested: loadId } }));
    store.setState(requested(requestEvaluate(s.settings)));
  });

  return {
    store,
    train(options) {
      const s = store.getState();
      const config = trainConfigOf(s.settings);
      env.writeHash(serializeSettings(s.settings));
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
        store.setState({ ...initialState(s.settings, s.notices) });
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
      if (commit) env.writeHash(serializeSettings(next));
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
    finetune(masks, options = {}) {
      const s = store.getState();
      if (!s.scoring || !s.runConfig || s.phase !== 'done') return;
      const layers = s.scoring.layers.map(({ name, inputs, units, kernel, bias }) => ({ name, inputs, units, kernel, bias }));
      let live = 0;
      let total = 0;
      masks.forEach((m) => m.forEach((v) => ((live += v), total++)));
      const runId = client.finetune({
        config: s.runConfig,
        epochs: options.epochs ?? FINETUNE_EPOCHS,
        learningRate: s.runConfig.learningRate * (options.learningRateFactor ?? FINETUNE_LR_FACTOR),
        layers,
        masks,
      });
      store.setState((st) => ({ ...st, finetune: { runId, status: 'running', sparsity: total ? 1 - live / total : 0, progress: null, result: null, error: null } }));
    },
    cancelFinetune() {
      const ft = store.getState().finetune;
      if (ft?.status !== 'running') return;
      client.cancel(ft.runId);
      store.setState((st) => ({ ...st, finetune: null }));
    },
  };
}
