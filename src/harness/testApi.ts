/**
 * A small typed API on `window.__gpl` for e2e tests, the benchmark and the scripts (tldraw style): read
 * the state, query worker memory, start runs with test-only options, inject faults, time the evaluator.
 * It only calls the same actions as the UI. Loaded on demand (its own chunk), like everything in
 * `src/harness/`; its heavier parts load when first called.
 */
import type { Criterion, PruneSpec } from '../core/prune';
import { dataShape } from '../core/data';
import { loadDataset } from '../data/load';
import { translate, type Msg } from '../i18n/catalogue';
import type { Controller } from '../state/controller';
import { masksFor } from '../state/experiments';
import { runFile } from '../state/export/exporters';
import type { AppState } from '../state/store';
import type { RunOptions } from '../train/runTypes';
import { injectRenderFault } from './renderFault';

/**
 * The app state as tests see it: the data reference is summarised, and the state's messages (notices,
 * the error, the pasted-link prompt) are given in English, as text.
 */
export type TestState = Omit<AppState, 'dataset' | 'notices' | 'error' | 'pendingLink' | 'pruning'> & {
  /** Without the internal arrays (the sorted scores, the validation split kept for what pruning forgets). */
  pruning: Omit<AppState['pruning'], 'sorted' | 'forget'> & { sorted: null; forget: null };
  dataset: { name: string; inputSize: number; trainN: number; valN: number } | null;
  notices: string[];
  error: string | null;
  pendingLink: { search: string; hash: string; prompt: string } | null;
};

const english = (m: Msg) => translate('en', m.key, m.params);

export interface TestApi {
  state(): TestState;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  train(options?: RunOptions): void;
  reset(): void;
  /** Prunes the trained network with the engine and fine-tunes it (the path the UI's button uses). */
  finetune(criterion: Criterion, spec: PruneSpec, options?: { epochs?: number }): boolean;
  /** A from-scratch evaluation of the current pruning settings (to check what the page shows). */
  exactEval(): Promise<Awaited<ReturnType<typeof import('./exactEval').exactEvaluation>>>;
  /** True once the numbers on screen belong to the newest slider position, with training accuracy (and every panel shows the store). */
  pruningSettled(): boolean;
  /** True when every panel shows the store's newest state (no lagged panel or staggered chart waits for its task). */
  viewsSettled(): boolean;
  /** Slider latency: synthetic input events → the frame that paints their numbers and heatmaps. */
  benchSlider(moves?: number): Promise<import('./sliderBench').SliderBenchResult>;
  /** Prune → fine-tune at 50/80/90/95/98% for a criterion; resolves when done or cancelled. */
  finetuneCurve(criterion: Criterion): Promise<void>;
  /** The panels' experiments, as their buttons start them (`npm run experiment`): iterative pruning, SNIP, lottery tickets, gradual pruning. */
  iterative: Controller['iterative'];
  snip: Controller['snip'];
  lottery: Controller['lottery'];
  gradual: Controller['gradual'];
  movement: Controller['movement'];
  /** Fault injection: lose the GPU device, crash or close the training worker, break a render. */
  faults: Controller['faults'] & { renderError(): void };
  /** Times the masked evaluator and the sweep on the current run. */
  benchEval(repeats?: number): Promise<import('./evalBench').EvalBenchResult>;
  /** The current run as run.json text (what the Export panel downloads). */
  runFile(): string;
  /** Imports run.json text as the Export panel's file picker does; null, or why it was refused (in English). */
  importRun(text: string): string | null;
  /** The page's finished run as a snapshot file, gzip, base64 (`npm run snapshots`). */
  snapshotFile(meta: { appVersion: string; commit: string }): Promise<string>;
  /** tfjs's steps and the fused WebGPU steps on the same batches (webgpu backend): their differences and dispatches. */
  stepsParity(options: import('./stepsParity').StepsParityOptions): Promise<import('./stepsParity').StepsParityReport>;
}

declare global {
  interface Window {
    __gpl?: TestApi;
  }
}

/** The current run's data, loaded here from its source (the page itself never holds it). */
async function currentData(s: AppState, dataUrl: string) {
  if (!s.dataset || !s.scoring || !s.runConfig)
    throw new Error('Train a network first: there is no data or network yet.');
  return loadDataset(s.dataset, dataUrl, { cache: false });
}

/** `pendingViews`: how many panel or chart updates wait for their task (src/ui/kit/taskQueue.ts). */
export function installTestApi(c: Controller, dataUrl: string, pendingViews: () => number = () => 0): void {
  window.__gpl = {
    state: () => {
      const { dataset: d, pruning, notices, error, pendingLink, ...rest } = c.store.getState();
      // The sorted score arrays and the validation split kept for what pruning forgets (~1.3 M numbers on
      // MNIST: 30 MB to serialise, half a second of both processes' time on every call) are internal.
      return {
        ...rest,
        pruning: { ...pruning, sorted: null, forget: null },
        dataset: d && {
          name: d.name,
          inputSize: dataShape(d).inputs,
          trainN: d.trainIndices.length,
          valN: d.valIndices.length,
        },
        notices: notices.map(english),
        error: error && english(error),
        pendingLink: pendingLink && { ...pendingLink, prompt: english(pendingLink.prompt) },
      };
    },
    memory: () => c.memory(),
    train: (options) => c.train(options),
    reset: () => c.reset(),
    exactEval: async () => {
      const s = c.store.getState();
      if (!s.scoring) return null;
      return (await import('./exactEval')).exactEvaluation(s, await currentData(s, dataUrl));
    },
    pruningSettled: () => {
      const p = c.store.getState().pruning;
      return p.status === 'ready' && !!p.view && p.view.id === p.requested && !!p.view.train && pendingViews() === 0;
    },
    viewsSettled: () => pendingViews() === 0,
    benchSlider: async (moves) => (await import('./sliderBench')).benchSlider(c.store, moves),
    finetuneCurve: (criterion) => c.finetuneCurve(criterion),
    iterative: (criterion, target) => c.iterative(criterion, target),
    snip: (sparsity) => c.snip(sparsity),
    lottery: (options) => c.lottery(options),
    gradual: (schedule) => c.gradual(schedule),
    movement: (sparsity) => c.movement(sparsity),
    faults: { ...c.faults, renderError: () => injectRenderFault() },
    benchEval: async (repeats) => {
      const s = c.store.getState();
      return (await import('./evalBench')).runEvalBench(s, await currentData(s, dataUrl), repeats);
    },
    runFile: () => runFile(c.store.getState()).data as string,
    importRun: (text) => {
      const refused = c.importRun(text);
      return refused && english(refused);
    },
    snapshotFile: async (meta) => (await import('./snapshotExport')).snapshotFile(c.store.getState(), meta),
    stepsParity: async (options) => (await import('./stepsParity')).stepsParity(c, dataUrl, options),
    finetune: (criterion, spec, options) => {
      const s = c.store.getState();
      if (!s.scoring || !s.runConfig) return false;
      void c.finetune(masksFor(s, criterion, spec), { ...options, criterion });
      return true;
    },
  };
}
