/**
 * The pure reducer that folds the training worker's messages into the app state, and the loss curve's
 * smoothing. Messages whose runId is not the current run's are dropped, so a reset or a new run can never
 * be overwritten by a stale one.
 */
import { msg, translate, type Msg } from '../../i18n/catalogue';
import type { FromWorker } from '../../train/protocol';
import { finetuneFailed, isBusy, rateKey, type AppState } from '../store';

export const LOSS_SMOOTHING = 0.9;
/** Above this many loss points, every second point is dropped (memory and drawing stay bounded). */
export const MAX_LOSS_POINTS = 3000;

/** Pure: the loss points after appending a group of batch losses (smoothed, thinned above MAX_LOSS_POINTS). */
export function appendLosses(
  state: Pick<AppState, 'losses' | 'smoothing'>,
  losses: ArrayLike<number>,
  firstBatch: number,
  batchesPerEpoch: number,
): Pick<AppState, 'losses' | 'smoothing'> {
  let { weight, value } = state.smoothing;
  let points = state.losses.slice();
  for (let i = 0; i < losses.length; i++) {
    const loss = losses[i];
    weight = LOSS_SMOOTHING * weight + (1 - LOSS_SMOOTHING);
    value = LOSS_SMOOTHING * value + (1 - LOSS_SMOOTHING) * loss;
    points.push({ x: (firstBatch + i + 1) / batchesPerEpoch, loss, smooth: value / weight });
  }
  if (points.length > MAX_LOSS_POINTS) points = points.filter((_, i) => i % 2 === 1 || i === points.length - 1);
  return { losses: points, smoothing: { weight, value } };
}

/** A worker's own words (raw, technical English) as a message. */
export const workerError = (detail: string): Msg => msg('error.worker', { detail });

/**
 * Pure: the worker's backend went away (device lost, worker crashed): `message` says what happened. A
 * running job stops with an error and a one-click restart; when nothing was running, finished results
 * stay and a notice says so. (A fine-tune's error is text: it gets the English.)
 */
export function stoppedByFault(state: AppState, message: Msg): AppState {
  const base = {
    ...state,
    backend: null,
    backendStatus: 'starting' as const,
    experiments: finetuneFailed(state.experiments, translate('en', message.key, message.params)),
  };
  if (isBusy(state))
    return { ...base, phase: 'error', error: msg('fault.running', { message }), errorAction: 'restart' };
  return { ...base, notices: [...state.notices, msg('fault.idle', { message })] };
}

/** Pure: the state after one worker message. */
export function applyWorkerMessage(state: AppState, msg: FromWorker): AppState {
  if (msg.type === 'ready') return { ...state, backend: msg.backend, backendStatus: 'ready', throughput: null };
  if (msg.type === 'throughput') return { ...state, throughput: msg.throughput };
  if (msg.type === 'choosing')
    return state.backend?.pending ? { ...state, backend: { ...state.backend, pending: 'measuring' } } : state;
  // Answers to requests and jobs go to whoever awaits them (the client), not through the store.
  if (
    msg.type === 'memory' ||
    msg.type === 'predict-timed' ||
    msg.type === 'pong' ||
    msg.type === 'job-progress' ||
    msg.type === 'job-done'
  )
    return state;
  if (msg.type === 'device-lost') return stoppedByFault(state, workerError(msg.message));
  if (msg.type === 'error') {
    if (msg.runId !== null && msg.runId !== state.runId) return state;
    return {
      ...state,
      phase: 'error',
      error: workerError(msg.message),
      backendStatus: state.backend ? state.backendStatus : 'error',
    };
  }
  if (msg.runId !== state.runId) return state;
  switch (msg.type) {
    case 'phase':
      return { ...state, phase: msg.phase };
    case 'dataset':
      // A user's table is not sent back: the run's reference, set when it started, keeps it.
      return {
        ...state,
        dataset:
          msg.data.name === 'user' && state.dataset?.table ? { ...msg.data, table: state.dataset.table } : msg.data,
      };
    case 'progress':
      return {
        ...state,
        progress: msg.progress,
        ...appendLosses(state, msg.losses, msg.firstBatch, msg.progress.batchesPerEpoch),
      };
    case 'epoch':
      return { ...state, epochs: [...state.epochs, msg.metrics] };
    case 'scoring-progress':
      return { ...state, scoringProgress: { done: msg.done, total: msg.total, etaSec: msg.etaSec } };
    case 'live-grads':
      return { ...state, liveGrads: { step: msg.step, layers: msg.layers } };
    case 'done': {
      const cfg = state.runConfig;
      const key = cfg && rateKey(cfg.dataset, cfg.batchSize, state.dataset?.table?.hash, cfg.hidden);
      const runRates = key && msg.samplesPerSec > 0 ? { ...state.runRates, [key]: msg.samplesPerSec } : state.runRates;
      const result = {
        trainSeconds: msg.trainSeconds,
        samplesPerSec: msg.samplesPerSec,
        ...(state.backend && { backend: state.backend.name }),
      };
      return { ...state, phase: 'done', scoring: msg.scoring, result, runRates };
    }
    case 'reset-done':
      return { ...state, phase: 'idle' };
    default:
      return state;
  }
}
