/**
 * The sweep's wiring (pairs with `../store/sweepState.ts`): a second evaluation worker computes the accuracy-vs-sparsity curves of every
 * criterion and the per-layer sensitivity, so the curves never delay the slider. They are recomputed
 * for a new network and when the scope or granularity changes.
 */
import { CRITERIA } from '../../core/prune';
import type { DataName } from '../../core/data';
import { sweepLevels } from '../../core/eval';
import { createSweepClient, type EvalPort } from '../../eval/client';
import type { EvalNetwork } from '../../eval/protocol';
import { applySweepMessage, isBusy, startSweep, type AppState, type Settings, type Store } from '../store';

/** Levels of every curve: 51 from 0 to 99%. */
export const CURVE_LEVELS = sweepLevels(51);

export interface SweepWiring {
  /**
   * Hands the worker a new network. With `have` (the curves came with it, e.g. a snapshot's global,
   * weight-granularity curves), nothing is computed, and the worker loads the network only when a sweep
   * is first asked for (loading its data costs a core for a moment).
   */
  load(network: EvalNetwork, have?: Pick<Settings, 'scope' | 'granularity'>): void;
  /** Recomputes every criterion's curves and the sensitivity for the settings' scope and granularity. */
  request(settings: Pick<Settings, 'scope' | 'granularity'>): void;
}

export function createSweep(store: Store<AppState>, port?: EvalPort): SweepWiring {
  const client = createSweepClient((msg) => {
    store.setState((s) => ({ ...s, sweep: applySweepMessage(s.sweep, msg) }));
    // The run's first curves are its last phase: the time it took ends here.
    const t = store.getState().timing;
    if (
      msg.type === 'sweep-done' &&
      msg.id === store.getState().sweep.id &&
      t &&
      t.doneAt !== null &&
      t.curvesAt === null
    )
      store.setState((s) => ({ ...s, timing: { ...t, curvesAt: performance.now() } }));
    // What the curves of this dataset took is the best estimate of what they will take next time, unless
    // they shared the cores with the training worker (starting up, or training).
    if (msg.type === 'sweep-done' && msg.id === store.getState().sweep.id && dataset && !contended) {
      const ds = dataset;
      store.setState((s) => ({
        ...s,
        evalSpeed: { ...s.evalSpeed, [ds]: { val: NaN, train: NaN, ...s.evalSpeed[ds], curvesSec: msg.ms / 1000 } },
      }));
    }
  }, port);
  let pending: EvalNetwork | null = null;
  let dataset: DataName | null = null;
  let contended = false;
  const request: SweepWiring['request'] = ({ scope, granularity }) => {
    if (pending) client.load(pending);
    pending = null;
    const st = store.getState();
    contended = st.backendStatus !== 'ready' || isBusy(st);
    const id = client.sweep({
      criteria: [...CRITERIA],
      scope,
      granularity,
      levels: CURVE_LEVELS,
      sensitivity: [...CRITERIA],
    });
    store.setState((s) => ({ ...s, sweep: startSweep(id, scope, granularity) }));
  };
  return {
    load(network, have) {
      pending = network;
      dataset = network.data.name;
      const { settings } = store.getState();
      if (!have || have.scope !== settings.scope || have.granularity !== settings.granularity) request(settings);
    },
    request,
  };
}
