/**
 * Fine-tuning experiments driven from the page: one fine-tune of the current mask, a fine-tune curve
 * (prune → fine-tune at 50/80/90/95/98% for one criterion, one job after another, cancellable), and
 * iterative pruning (a worker job). Results land in the store's fine-tune log, which the chart draws.
 */
import type { Criterion } from '../core/criteria';
import type { TrainingClient } from '../train/client';
import { FINETUNE_EPOCHS, FINETUNE_LR_FACTOR } from '../train/finetuneDefaults';
import { masksFor } from './pruning';
import type { AppState, FinetuneRecord, Store } from './store';

export const CURVE_SPARSITIES = [0.5, 0.8, 0.9, 0.95, 0.98];
export const ITERATIVE_STEPS = 3;
export const ITERATIVE_EPOCHS_PER_STEP = 1;

export interface ExperimentState {
  kind: 'curve' | 'iterative';
  criterion: Criterion;
  status: 'running' | 'done' | 'cancelled' | 'error';
  step: number;
  total: number;
}

export interface Experiments {
  finetune(masks: Uint8Array[], options?: { epochs?: number; learningRateFactor?: number; kind?: FinetuneRecord['kind']; criterion?: string }): void;
  finetuneCurve(criterion: Criterion): Promise<void>;
  iterative(criterion: Criterion, target: number): void;
  cancel(): void;
  clearLog(): void;
}

export function createExperiments(store: Store<AppState>, client: () => TrainingClient): Experiments {
  let curveToken = 0;
  const sparsityOf = (masks: Uint8Array[]) => {
    let live = 0;
    let total = 0;
    masks.forEach((m) => m.forEach((v) => ((live += v), total++)));
    return total ? 1 - live / total : 0;
  };
  const layersOf = (s: AppState) => s.scoring!.layers.map(({ name, inputs, units, kernel, bias }) => ({ name, inputs, units, kernel, bias }));
  const ready = (s: AppState) => !!s.scoring && !!s.runConfig && s.phase === 'done';

  const finetune: Experiments['finetune'] = (masks, options = {}) => {
    const s = store.getState();
    if (!ready(s)) return;
    const runId = client().finetune({
      config: s.runConfig!,
      epochs: options.epochs ?? FINETUNE_EPOCHS,
      learningRate: s.runConfig!.learningRate * (options.learningRateFactor ?? FINETUNE_LR_FACTOR),
      layers: layersOf(s),
      masks,
    });
    const ft = { runId, kind: options.kind ?? 'one-shot', criterion: options.criterion ?? s.settings.criterion, status: 'running' as const, sparsity: sparsityOf(masks), progress: null, result: null, error: null };
    store.setState((st) => ({ ...st, finetune: ft }));
  };

  /** Resolves when the current fine-tune job is no longer running. */
  const finished = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (store.getState().finetune?.status !== 'running') {
          off();
          resolve();
        }
      };
      const off = store.subscribe(check);
      check();
    });
  const setExperiment = (e: ExperimentState | null) => store.setState((st) => ({ ...st, experiment: e }));

  return {
    finetune,
    async finetuneCurve(criterion) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      const total = CURVE_SPARSITIES.length;
      for (let k = 0; k < total; k++) {
        // Stop when cancelled, or when the network is gone (reset, backend switch, a new run).
        const now = store.getState();
        if (token !== curveToken || now.runId !== s.runId || !now.scoring) return;
        setExperiment({ kind: 'curve', criterion, status: 'running', step: k, total });
        const st = store.getState();
        const spec = { mode: 'sparsity' as const, value: CURVE_SPARSITIES[k], scope: st.settings.scope, granularity: 'weights' as const };
        finetune(masksFor(st.scoring!, criterion, spec, st.runConfig!.seed).masks, { kind: 'curve', criterion });
        await finished();
        if (store.getState().finetune?.status === 'error') return setExperiment({ kind: 'curve', criterion, status: 'error', step: k, total });
      }
      if (token === curveToken) setExperiment({ kind: 'curve', criterion, status: 'done', step: total, total });
    },
    iterative(criterion, target) {
      const s = store.getState();
      if (!ready(s)) return;
      curveToken++;
      const runId = client().iterative({
        config: s.runConfig!,
        layers: layersOf(s),
        criterion,
        target,
        steps: ITERATIVE_STEPS,
        epochsPerStep: ITERATIVE_EPOCHS_PER_STEP,
        learningRate: s.runConfig!.learningRate * FINETUNE_LR_FACTOR,
      });
      const ft = { runId, kind: 'iterative' as const, criterion, status: 'running' as const, sparsity: target, progress: null, result: null, error: null };
      store.setState((st) => ({ ...st, finetune: ft, experiment: { kind: 'iterative', criterion, status: 'running', step: 0, total: 1 } }));
      void finished().then(() => {
        const e = store.getState().experiment;
        if (e?.kind === 'iterative' && e.status === 'running') setExperiment({ ...e, status: store.getState().finetune?.status === 'done' ? 'done' : 'error', step: 1 });
      });
    },
    cancel() {
      curveToken++;
      const ft = store.getState().finetune;
      if (ft?.status === 'running') client().cancel(ft.runId);
      const e = store.getState().experiment;
      store.setState((st) => ({ ...st, finetune: ft?.status === 'running' ? null : st.finetune, experiment: e?.status === 'running' ? { ...e, status: 'cancelled' } : e }));
    },
    clearLog: () => store.setState((st) => ({ ...st, finetuneLog: [] })),
  };
}
