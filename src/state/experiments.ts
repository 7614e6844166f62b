/**
 * Fine-tuning wiring, driven from the page: one fine-tune of a mask, a fine-tune curve (prune →
 * fine-tune at each of CURVE_SPARSITIES for one criterion, one job after another, cancellable), and
 * iterative pruning (one worker job), SNIP at initialisation with its shuffled-mask check, and a lottery
 * ticket search (a series of jobs, each a point on the chart). The jobs run in the training worker;
 * their state is the experiments slice (`experimentsState.ts`), whose log the chart draws.
 */
import type { LayerParams } from '../core/arch';
import type { Criterion } from '../core/criteria';
import type { GradualSchedule } from '../core/gradual';
import { initParams } from '../core/init';
import { buildPruneIndex, criterionIndex, computeMasks, type PruneSpec } from '../core/masks';
import { deriveSeed } from '../core/rng';
import { shuffleWithinLayers, snipMasks, ticketMask } from '../core/tickets';
import type { TrainingClient } from '../train/client';
import { cancelled, CURVE_SPARSITIES, FINETUNE_EPOCHS, FINETUNE_LR_FACTOR, ITERATIVE_EPOCHS_PER_STEP, ITERATIVE_STEPS, startFinetune, type FinetuneKind, type LotteryOptions, type SeriesState } from './experimentsState';
import type { AppState, Store } from './store';

export interface Experiments {
  finetune(masks: Uint8Array[], options?: { epochs?: number; learningRateFactor?: number; kind?: FinetuneKind; criterion?: string; layers?: LayerParams[] }): void;
  /** SNIP: prune the initial weights to `sparsity` by one batch's |g·w|, train with the mask, then with it shuffled within layers. */
  snip(sparsity: number): Promise<void>;
  /** Lottery tickets: rounds of magnitude pruning, the survivors rewound and retrained, each against a fresh random initialisation. */
  lottery(options: LotteryOptions): Promise<void>;
  /** Gradual pruning (Zhu & Gupta 2017): train from the initial weights while `schedule` (in steps) raises each layer's sparsity. */
  gradual(schedule: GradualSchedule): void;
  /** Movement pruning (Sanh et al. 2020): fine-tune accumulating −Σ w·g, prune to `sparsity` by it (the scope setting's), fine-tune with the mask. */
  movement(sparsity: number): Promise<void>;
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
/** The run's initial weights (the training worker starts from the same: core's seeded Glorot init). */
const initialOf = (s: AppState, seed = s.runConfig!.seed) => initParams(s.scoring!.layers[0].inputs, seed, s.scoring!.layers.map(({ name, inputs, units }) => ({ name, inputs, units })));
/** The slider's weight sparsity (at most 99 %), the target of the panels' experiments; 90 % before any. */
export const sliderTarget = (s: AppState) => (s.pruning.view ? Math.min(0.99, s.pruning.view.report.sparsity) : 0.9);
/** The same to whole percents: what the panels' labels show, so that a slider move re-renders them only when that changes. */
export const sliderTargetLabel = (s: AppState) => Math.round(sliderTarget(s) * 100) / 100;
/** Mini-batches of the run's training: what a gradual schedule counts. */
export const trainingSteps = (s: AppState) => (s.runConfig && s.dataset ? s.runConfig.epochs * Math.ceil(s.dataset.trainIndices.length / s.runConfig.batchSize) : 0);
const ones = (layers: LayerParams[]) => layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));
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
      layers: options.layers ?? layersOf(s),
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

  /** Runs one job of a series and waits for it; false when it failed, was cancelled, or the network is gone. */
  const step = async (token: number, runId: number, start: () => void) => {
    start();
    await finished();
    const now = store.getState();
    return token === curveToken && now.runId === runId && now.experiments.finetune?.status === 'done';
  };
  const endSeries = (token: number, ok: boolean) => {
    const e = store.getState().experiments;
    if (token === curveToken && e.series?.status === 'running') setSeries({ ...e.series, status: ok ? 'done' : 'error', step: ok ? e.series.total : e.series.step });
  };

  return {
    finetune,
    async snip(sparsity) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      const init = initialOf(s);
      const epochs = s.runConfig!.epochs;
      const series = (k: number) => setSeries({ kind: 'snip', criterion: 'taylor', status: 'running', step: k, total: 3 });
      series(0);
      const gotGrads = await step(token, s.runId, () => {
        const runId = client().initGrads({ data: s.dataset!, layers: init });
        update((e) => startFinetune(e, { runId, kind: 'init-grads', criterion: 'taylor', sparsity: 0 }));
      });
      const gradAbs = store.getState().experiments.finetune?.gradAbs;
      if (!gotGrads || !gradAbs) return endSeries(token, false);
      const masks = snipMasks(init, gradAbs, sparsity);
      series(1);
      if (!(await step(token, s.runId, () => finetune(masks, { kind: 'snip', criterion: 'taylor', layers: init, epochs, learningRateFactor: 1 })))) return endSeries(token, false);
      series(2);
      const shuffled = shuffleWithinLayers(masks, deriveSeed(s.runConfig!.seed, 'snip-shuffle'));
      endSeries(token, await step(token, s.runId, () => finetune(shuffled, { kind: 'snip-shuffled', criterion: 'taylor', layers: init, epochs, learningRateFactor: 1 })));
    },
    async lottery({ rounds, rate, rewind, epochs }) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      const init = initialOf(s);
      const reinit = initialOf(s, deriveSeed(s.runConfig!.seed, 'lottery-reinit'));
      const total = 2 * rounds + (rewind > 0 ? 1 : 0);
      let k = 0;
      const series = () => setSeries({ kind: 'lottery', criterion: 'magnitude', status: 'running', step: k++, total });
      let start = init;
      if (rewind > 0) {
        series();
        if (!(await step(token, s.runId, () => finetune(ones(init), { kind: 'rewind', criterion: 'magnitude', layers: init, epochs: rewind, learningRateFactor: 1 })))) return endSeries(token, false);
        start = store.getState().experiments.finetune!.result!.layers;
      }
      let trained = layersOf(s);
      let masks: Uint8Array[] | null = null;
      for (let r = 1; r <= rounds; r++) {
        const m = (masks = ticketMask(trained, masks, rate, r));
        series();
        if (!(await step(token, s.runId, () => finetune(m, { kind: 'ticket', criterion: 'magnitude', layers: start, epochs, learningRateFactor: 1 })))) return endSeries(token, false);
        trained = store.getState().experiments.finetune!.result!.layers;
        series();
        if (!(await step(token, s.runId, () => finetune(m, { kind: 'reinit', criterion: 'magnitude', layers: reinit, epochs, learningRateFactor: 1 })))) return endSeries(token, false);
      }
      endSeries(token, true);
    },
    async movement(sparsity) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      const series = (k: number) => setSeries({ kind: 'movement', criterion: 'magnitude', status: 'running', step: k, total: 2 });
      series(0);
      const scored = await step(token, s.runId, () => {
        const runId = client().movement({ config: s.runConfig!, data: s.dataset!, layers: layersOf(s), epochs: FINETUNE_EPOCHS, learningRate: s.runConfig!.learningRate * FINETUNE_LR_FACTOR });
        update((e) => startFinetune(e, { runId, kind: 'movement-scores', criterion: 'movement', sparsity: 0 }));
      });
      const moved = store.getState().experiments.finetune?.movement;
      if (!scored || !moved) return endSeries(token, false);
      const spec = { mode: 'sparsity' as const, value: sparsity, scope: s.settings.scope, granularity: 'weights' as const };
      const masks = computeMasks(buildPruneIndex(moved.scores, moved.layers, 'weights'), spec).masks;
      series(1);
      endSeries(token, await step(token, s.runId, () => finetune(masks, { kind: 'movement', criterion: 'movement', layers: moved.layers })));
    },
    gradual(schedule) {
      const s = store.getState();
      if (!ready(s)) return;
      const token = ++curveToken;
      const runId = client().gradual({ config: s.runConfig!, data: s.dataset!, layers: initialOf(s), schedule });
      const totalSteps = trainingSteps(s);
      update((e) => ({ ...startFinetune(e, { runId, kind: 'gradual', criterion: 'magnitude', sparsity: schedule.final }), gradual: { runId, schedule, totalSteps, step: -1, sparsity: 0, masks: null } }));
      setSeries({ kind: 'gradual', criterion: 'magnitude', status: 'running', step: 0, total: 1 });
      void finished().then(() => endSeries(token, store.getState().experiments.finetune?.status === 'done'));
    },
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
