/**
 * A small typed API on `window.__gpl` for e2e tests and the benchmark (tldraw style): read the state,
 * query worker memory, start runs with test-only options. It only calls the same actions as the UI.
 */
import type { Controller } from './state/controller';
import type { AppState } from './state/store';
import type { RunOptions } from './train/protocol';

export interface TestApi {
  state(): AppState;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  train(options?: RunOptions): void;
  reset(): void;
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
  };
}
