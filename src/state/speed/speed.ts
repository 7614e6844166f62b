/**
 * Wiring of "what pruning buys": one action measures, for the current criterion, scope and
 * granularity, TensorFlow.js `predict` on the training backend (once per network and backend), then the
 * speed curve over sparsity and the size of every export format in the slider's evaluation worker. The
 * two workers take turns, so neither timing runs beside the other on a two-core machine.
 */
import type { TrainingClient } from '../../train/client';
import type { PruningWiring } from '../pruning/pruning';
import {
  curveLevels,
  pruneSpecOf,
  SPEED_BATCHES,
  SPEED_ROUNDS,
  SPEED_SAMPLES,
  startMeasure,
  type AppState,
  type Store,
} from '../store';

export interface Speed {
  /** Measures speed and sizes at the current settings (a newer call supersedes a running one). */
  measure(): Promise<void>;
}

export function createSpeed(store: Store<AppState>, evaluation: PruningWiring, client: () => TrainingClient): Speed {
  let token = 0;
  return {
    async measure() {
      const s = store.getState();
      const scoring = s.scoring;
      if (!scoring || s.pruning.status !== 'ready') return;
      const mine = ++token;
      const { criterion, scope, granularity } = s.settings;
      const spec = pruneSpecOf(s.settings);
      // Placeholder ids (0 matches no answer) until the requests are sent.
      store.setState((st) => ({
        ...st,
        speed: startMeasure(st.speed, { curve: 0, sizes: 0 }, { criterion, scope, granularity }),
      }));
      const backend = s.backend?.name ?? '';
      const tfjs = s.speed.tfjs;
      if (!(tfjs?.status === 'done' && tfjs.backend === backend)) {
        store.setState((st) => ({
          ...st,
          speed: { ...st.speed, tfjs: { status: 'running', backend, timings: null, error: null } },
        }));
        const layers = scoring.layers.map(({ name, inputs, units, kernel, bias }) => ({
          name,
          inputs,
          units,
          kernel,
          bias,
        }));
        // A worker that dies first rejects the request: its words are the error shown.
        const r = await client()
          .timePredict(layers, SPEED_BATCHES)
          .catch((e: unknown) => ({ backend, timings: null, error: e instanceof Error ? e.message : String(e) }));
        if (store.getState().scoring !== scoring) return; // another network since
        store.setState((st) => ({
          ...st,
          speed: {
            ...st.speed,
            tfjs: {
              status: r.timings ? 'done' : 'error',
              backend: r.backend,
              timings: r.timings,
              error: r.error ?? null,
            },
          },
        }));
      }
      if (mine !== token || store.getState().scoring !== scoring) return;
      const curve = evaluation.measure({
        type: 'speed',
        criterion,
        spec,
        levels: curveLevels(granularity),
        batches: SPEED_BATCHES,
        rounds: SPEED_ROUNDS,
        samples: SPEED_SAMPLES,
      });
      const sizes = evaluation.measure({ type: 'sizes', criterion, spec });
      if (curve === null || sizes === null) return;
      store.setState((st) => ({
        ...st,
        speed: startMeasure(st.speed, { curve, sizes }, { criterion, scope, granularity }),
      }));
    },
  };
}
