/**
 * A small typed API on `window.__gpl` for e2e tests and the benchmark (tldraw style): read the state,
 * query worker memory, start runs with test-only options. It only calls the same actions as the UI.
 */
import type { Criterion } from './core/criteria';
import type { PruneSpec } from './core/masks';
import type { Controller } from './state/controller';
import { masksFor } from './state/pruning';
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
      const { dataset: d, ...rest } = c.store.getState();
      return { ...rest, dataset: d && { name: d.name, inputSize: d.inputSize, trainN: d.train.n, valN: d.val.n } };
    },
    memory: () => c.memory(),
    train: (options) => c.train(options),
    reset: () => c.reset(),
    benchEval: async (repeats) => (await import('./state/evalBench')).runEvalBench(c.store.getState(), repeats),
    finetune: (criterion, spec, options) => {
      const s = c.store.getState();
      if (!s.scoring || !s.runConfig) return false;
      c.finetune(masksFor(s.scoring, criterion, spec, s.runConfig.seed).masks, options);
      return true;
    },
  };
}
