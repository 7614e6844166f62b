/**
 * Fine-tuning wiring, driven from the page: one fine-tune of a mask, a fine-tune curve (prune →
 * fine-tune at each of CURVE_SPARSITIES for one criterion, one job after another, cancellable), and
 * iterative pruning (one worker job). The jobs run in the training worker; their state is the
 * experiments slice (`experimentsState.ts`), whose log the chart draws.
 */
import type { Criterion } from '../core/criteria';
import { criterionIndex, computeMasks, type PruneSpec } from '../core/masks';
import type { TrainingClient } from '../train/client';
import { cancelled, CURVE_SPARSITIES, FINETUNE_EPOCHS, FINETUNE_LR_FACTOR, ITERATIVE_EPOCHS_PER_STEP, ITERATIVE_STEPS, startFinetune, type FinetuneKind, type SeriesState } from './experimentsState';
import type { AppState, Store } from './store';

export interface Experiments {
  finetune(masks: Uint8Array[], options?: { epochs?: number; learningRateFactor?: number; kind?: FinetuneKind; criterion?: string }): void;
  finetuneCurve(criterion: Criterion): Promise<void>;
  iterative(criterion: Criterion, target: number): void;
  /** The source article's gradient and pruning steps on this network, at threshold `t`. */
  articleCode(t: number): void;
  /** The article's fine-tune (no mask) of `masks`, then the lab's (mask held), one after the other. */
  articleFinetune(masks: Uint8Array[]): Promise<void>;
  cancel(): void;
  clearLog(): void;
}

/** The masks of a pruning spec on the trained network in the store. */
export function masksFor(s: AppState, criterion: Criterion, spec: PruneSpec): Uint8Array[] {
  return computeMasks(criterionIndex(criterion, s.scoring!.layers, spec.granularity, s.runConfig!.seed), spec).masks;
}

const sparsityOf = (masks: Uint8Array[]) => {
  let live = 0;
  let total = 0;
  masks.forEach((m) => m.forEach((v) => ((live += v), total++)));
  return total ? 1 - live / total : 0;
};
const layersOf = (s: AppState) => s.scoring!.layers.map(({ name, inputs, units, kernel, bias }) => ({ name, inputs, units, kernel, bias }));
const ready = (s: AppState) => !!s.scoring && !!s.runConfig && !!s.dataset && s.phase === 'done';

export function createExperiments(store: Store<AppState>, client: () => TrainingClient): Experiments {
  let curveToken = 0;
  const update = (f: (e: AppState['experiments']) => AppState['experiments']) => store.setState((st) => ({ ...st, experiments: f(st.experiments) }));
  const setSeries = (series: SeriesState | null) => update((e) => ({ ...e, series }));

  const finetune = (masks: Uint8Array[], options: Parameters<Experiments['finetune']>[1] & { masked?: boolean } = {}) => {
    const s = store.getState();
    if (!ready(s)) return;
    const runId = client().finetune({
      masked: options.masked ?? true,
      config: s.runConfig!,
      data: s.dataset!,
      epochs: options.epochs ?? FINETUNE_EPOCHS,
      learningRate: s.runConfig!.learningRate * (options.learningRateFactor ?? FINETUNE_LR_FACTOR),
      layers: layersOf(s),
      masks,
    });
    update((e) => startFinetune(e, { runId, kind: options.kind ?? 'one-shot', criterion: options.criterion ?? s.settings.criterion, sparsity: sparsityOf(masks) }));
  };

  /** Resolves when the current fine-tune job is no longer running. */
  const finished = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (store.getState().experiments.finetune?.status !== 'running') {
          off();
          resolve();
        }
      };
      const off = store.subscribe(check);
      check();
    });

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
        setSeries({ kind: 'curve', criterion, status: 'running', step: k, total });
        const spec = { mode: 'sparsity' as const, value: CURVE_SPARSITIES[k], scope: now.settings.scope, granularity: 'weights' as const };
        finetune(masksFor(now, criterion, spec), { kind: 'curve', criterion });
        await finished();
        if (store.getState().experiments.finetune?.status === 'error') return setSeries({ kind: 'curve', criterion, status: 'error', step: k, total });
      }
      if (token === curveToken) setSeries({ kind: 'curve', criterion, status: 'done', step: total, total });
    },
    iterative(criterion, target) {
      const s = store.getState();
      if (!ready(s)) return;
      curveToken++;
      const runId = client().iterative({
        config: s.runConfig!,
        data: s.dataset!,
        layers: layersOf(s),
        criterion,
        target,
        steps: ITERATIVE_STEPS,
        epochsPerStep: ITERATIVE_EPOCHS_PER_STEP,
        learningRate: s.runConfig!.learningRate * FINETUNE_LR_FACTOR,
      });
      update((e) => ({ ...startFinetune(e, { runId, kind: 'iterative', criterion, sparsity: target }), series: { kind: 'iterative', criterion, status: 'running', step: 0, total: 1 } }));
      void finished().then(() => {
        const e = store.getState().experiments;
        if (e.series?.kind === 'iterative' && e.series.status === 'running') setSeries({ ...e.series, status: e.finetune?.status === 'done' ? 'done' : 'error', step: 1 });
      });
    },
    articleCode(t) {
      const s = store.getState();
      if (!ready(s)) return;
      curveToken++;
      const runId = client().articleCode({ data: s.dataset!, layers: layersOf(s), t });
      update((e) => startFinetune(e, { runId, kind: 'article', criterion: 'gradient', sparsity: 0 }));
    },
    async articleFinetune(masks) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      update((e) => ({ ...e, article: { ...e.article, unmasked: null, masked: null, sparsity: null } }));
      finetune(masks, { kind: 'unmasked', masked: false });
      await finished();
      const now = store.getState();
      if (token !== curveToken || now.runId !== s.runId || now.experiments.finetune?.status !== 'done') return;
      finetune(masks, { kind: 'one-shot' });
      await finished();
      const ft = store.getState().experiments.finetune;
      if (token === curveToken && ft?.status === 'done') update((e) => ({ ...e, article: { ...e.article, masked: ft.result } }));
    },
    cancel() {
      curveToken++;
      const ft = store.getState().experiments.finetune;
      if (ft?.status === 'running') client().cancel(ft.runId);
      update(cancelled);
    },
    clearLog: () => update((e) => ({ ...e, log: [] })),
  };
}
