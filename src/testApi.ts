/**
 * A small typed API on `window.__gpl` for e2e tests and the benchmark (tldraw style): read the state,
 * query worker memory, start runs with test-only options. It only calls the same actions as the UI.
 */
import type { Criterion } from './core/criteria';
import type { PruneSpec } from './core/masks';
import type { Controller } from './state/controller';
import { masksFor } from './state/pruning';
import { injectRenderFault } from './ui/renderFault';
import type { AppState } from './state/store';
import type { RunOptions } from './train/protocol';

/** The app state as tests see it: the dataset arrays are summarised (they are large). */
export type TestState = Omit<AppState, 'dataset'> & { dataset: { name: string; inputSize: number; trainN: number; valN: number } | null };

export interface TestApi {
  state(): TestState;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  train(options?: RunOptions): void;
  reset(): void;
  /** Prunes the trained network with the engine and fine-tunes it (the path the UI's button uses). */
  finetune(criterion: Criterion, spec: PruneSpec, options?: { epochs?: number }): boolean;
  /** A from-scratch evaluation of the current pruning settings (to check what the page shows). */
  exactEval(): Promise<ReturnType<typeof import('./state/exactEval').exactEvaluation>>;
  /** True once the numbers on screen belong to the newest slider position, with training accuracy. */
  pruningSettled(): boolean;
  /** Slider latency: synthetic input events → the frame that paints their numbers and heatmaps. */
  benchSlider(moves?: number): Promise<import('./ui/sliderBench').SliderBenchResult>;
  /** Prune → fine-tune at 50/80/90/95/98% for a criterion; resolves when done or cancelled. */
  finetuneCurve(criterion: Criterion): Promise<void>;
  /** Fault injection: lose the GPU device, crash or close the training worker, break a render. */
  faults: Controller['faults'] & { renderError(): void };
  /** Times the masked evaluator and the sweep on the current run (loaded on demand). */
  benchEval(repeats?: number): Promise<import('./state/evalBench').EvalBenchResult>;
}

declare global {
  interface Window {
    __gpl?: TestApi;
  }
}

export function installTestApi(c: Controller): void {
  window.__gpl = {
    state: () => {
      const { dataset: d, pruning, ...rest } = c.store.getState();
      // The sorted score arrays are large and only used internally.
      return { ...rest, pruning: { ...pruning, sorted: null }, dataset: d && { name: d.name, inputSize: d.inputSize, trainN: d.train.n, valN: d.val.n } };
    },
    memory: () => c.memory(),
    train: (options) => c.train(options),
    reset: () => c.reset(),
    exactEval: async () => (await import('./state/exactEval')).exactEvaluation(c.store.getState()),
    pruningSettled: () => {
      const p = c.store.getState().pruning;
      return p.status === 'ready' && !!p.view && p.view.id === p.requested && !!p.view.train;
    },
    benchSlider: async (moves) => (await import('./ui/sliderBench')).benchSlider(c.store, moves),
    finetuneCurve: (criterion) => c.finetuneCurve(criterion),
    faults: { ...c.faults, renderError: () => injectRenderFault() },
    benchEval: async (repeats) => (await import('./state/evalBench')).runEvalBench(c.store.getState(), repeats),
    finetune: (criterion, spec, options) => {
      const s = c.store.getState();
      if (!s.scoring || !s.runConfig) return false;
      c.finetune(masksFor(s.scoring, criterion, spec, s.runConfig.seed).masks, options);
      return true;
    },
  };
}
