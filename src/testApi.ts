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

export interface TestApi {
  state(): AppState;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  train(options?: RunOptions): void;
  reset(): void;
  /** Prunes the trained network with the engine and fine-tunes it (the path the UI's button uses). */
  finetune(criterion: Criterion, spec: PruneSpec, options?: { epochs?: number }): boolean;
}

declare global {
  interface Window {
    __gpl?: TestApi;
  }
}

export function installTestApi(c: Controller): void {
  window.__gpl = {
    state: () => c.store.getState(),
    memory: () => c.memory(),
    train: (options) => c.train(options),
    reset: () => c.reset(),
    finetune: (criterion, spec, options) => {
      const s = c.store.getState();
      if (!s.scoring || !s.runConfig) return false;
      c.finetune(masksFor(s.scoring, criterion, spec, s.runConfig.seed).masks, options);
      return true;
    },
  };
}
