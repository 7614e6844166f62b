/**
 * The pruning slider's wiring (pairs with `../store/pruningState.ts`). A slider move is evaluated here, on the
 * page, synchronously in the input's event: the masks, their report and the validation figures
 * (~1–2 ms with the WebAssembly engine), so React paints them in the frame of the input — a worker round trip cannot: pointer input
 * arrives at the start of a frame, and any answer lands in a later one. The slider's evaluation worker
 * loads the network's data, hands over every criterion's prune index and the validation split, and
 * computes the training-set figures (4× larger) once the slider rests.
 */
import { PruneEvaluator, type PruneAnswer } from '../../core/eval';
import { CRITERIA, GRANULARITIES, type Criterion, type Granularity } from '../../core/prune';
import { createEvalClient, type EvalClient, type EvalPort } from '../../eval/client';
import type { CriterionIndexes, EvalNetwork, FromEval } from '../../eval/protocol';
import {
  applyEvalMessage,
  applySpeedMessage,
  pruneSpecOf,
  withView,
  type AppState,
  type Settings,
  type Store,
} from '../store';

export interface PruningWiring {
  /** The worker fetches and decodes the MNIST file now, for the network the page is about to open. */
  prefetch(dataUrl: string): void;
  load(network: EvalNetwork): void;
  /**
   * Evaluates the pruning settings now, asks the worker for their training figures, and returns the
   * state update that shows them (to apply with the settings, in one update); the identity when no
   * network is ready.
   */
  request(settings: Settings): (s: AppState) => AppState;
  /** Sends a speed or size measurement of the loaded network; its id, or null when none is ready. */
  measure(request: Parameters<EvalClient['measure']>[0]): number | null;
  /**
   * A second evaluator of the validation split, for settings other than the slider's (the collapse
   * warning's repairs), so the slider's stays incremental; made on first use. Null when no network is ready.
   */
  planner(): { loadId: number; evaluator: PruneEvaluator } | null;
}

const same = (s: AppState) => s;

/**
 * Every criterion's sorted scores (the slider's threshold maths), read from the page's evaluator: the
 * indexes the worker sent, or, for a criterion asked for before its indexes arrived, built then.
 */
function sortedOf(evaluator: PruneEvaluator): NonNullable<AppState['pruning']['sorted']> {
  const byGranularity = (c: Criterion) => {
    const out = {} as Record<Granularity, Float32Array>;
    for (const g of GRANULARITIES)
      Object.defineProperty(out, g, { enumerable: true, get: () => evaluator.index(c, g).global.values });
    return out;
  };
  return Object.fromEntries(CRITERIA.map((c) => [c, byGranularity(c)])) as Record<
    Criterion,
    Record<Granularity, Float32Array>
  >;
}
/** Runs `job` in a task of its own, after the current one (a message: no timer clamping). */
function afterThisTask(job: () => void) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    job();
  };
  channel.port2.postMessage(null);
}

/** `onShown`: called when a network's first pruned numbers are in the store (or its load failed). */
export function createPruning(
  store: Store<AppState>,
  port?: EvalPort,
  nextTask: (job: () => void) => void = afterThisTask,
  onShown: () => void = () => {},
): PruningWiring {
  let network: EvalNetwork | null = null;
  /** The other criteria's indexes, when they come ('indexes'), go to the newest load's evaluators. */
  let later: { loadId: number; add(indexes: Partial<CriterionIndexes>): void; dense?: FromEval } | null = null;
  let local: { loadId: number; evaluator: PruneEvaluator; planner: () => PruneEvaluator } | null = null;
  /** `early`: the answer for some settings, evaluated in an earlier task (used when they are these). */
  const request = (
    settings: Settings,
    p = store.getState().pruning,
    early?: { settings: Settings; answer: PruneAnswer },
  ): ((s: AppState) => AppState) => {
    if (!local || p.status !== 'ready' || local.loadId !== p.loadId) return same;
    const spec = pruneSpecOf(settings);
    const id = client.train(settings.criterion, spec);
    const answer = early?.settings === settings ? early.answer : local.evaluator.evaluate(settings.criterion, spec);
    return (s) => ({ ...s, pruning: withView(s.pruning, id, answer) });
  };
  const client = createEvalClient((msg) => {
    if (msg.type === 'loaded' && network && msg.id === store.getState().pruning.loadId) {
      const net = network;
      // Three tasks, so none blocks the page long on a slow laptop (a run's end, 4× throttled: ~200 ms
      // in one task, ~150 ms in two): this one sets up the page's evaluator (its WebAssembly memory, the
      // validation rows), the next evaluates the page's settings (a full pass), the last shows the network
      // and its numbers in one update (the panels' render). The page's criterion's indexes came with it,
      // the others follow ('indexes'); either evaluator builds one needed before that itself.
      const known = { ...msg.indexes };
      const evaluator = new PruneEvaluator(net.layers, net.seed, msg.val, known);
      let planner: PruneEvaluator | null = null;
      later = {
        loadId: msg.id,
        add: (indexes) => {
          Object.assign(known, indexes);
          evaluator.addIndexes(indexes);
          planner?.addIndexes(indexes);
        },
      };
      const current = () => network === net && msg.id === store.getState().pruning.loadId; // else a newer network came
      nextTask(() => {
        if (!current()) return;
        const settings = store.getState().settings;
        const early = { settings, answer: evaluator.evaluate(settings.criterion, pruneSpecOf(settings)) };
        const sorted = sortedOf(evaluator);
        nextTask(() => {
          if (!current()) return;
          local = {
            loadId: msg.id,
            evaluator,
            planner: () => (planner ??= new PruneEvaluator(net.layers, net.seed, msg.val, known)),
          };
          const loaded = (s: AppState): AppState => ({
            ...s,
            pruning: applyEvalMessage(s.pruning, msg, evaluator.engineKind, sorted),
          });
          // `request` reads the pruning status: evaluate against the loaded state (the settings evaluated
          // in the task before, unless they changed since), then apply both at once.
          const shown = request(store.getState().settings, loaded(store.getState()).pruning, early);
          store.setState((s) => shown(loaded(s)));
          // The dense training figures, if they came before this task.
          const dense = later?.loadId === msg.id ? later.dense : undefined;
          if (dense) store.setState((s) => ({ ...s, pruning: applyEvalMessage(s.pruning, dense) }));
          onShown();
        });
      });
      return;
    }
    if (msg.type === 'train-dense' && local?.loadId !== msg.id && later?.loadId === msg.id) {
      later.dense = msg; // the network is shown in a task still to come: taken there
      return;
    }
    if (msg.type === 'indexes') {
      if (later?.loadId === msg.id) later.add(msg.indexes);
      return;
    }
    if (msg.type === 'timed') {
      const dataset = network && msg.id === store.getState().pruning.loadId ? network.data.name : null;
      if (dataset) store.setState((s) => ({ ...s, evalSpeed: { ...s.evalSpeed, [dataset]: msg.fullPassMs } }));
      return;
    }
    if (MEASURE_MESSAGES.has(msg.type)) {
      store.setState((s) => ({ ...s, speed: applySpeedMessage(s.speed, msg) }));
      return;
    }
    store.setState((s) => ({ ...s, pruning: applyEvalMessage(s.pruning, msg) }));
    if (msg.type === 'error' && msg.id === store.getState().pruning.loadId) onShown();
  }, port);
  return {
    prefetch: (dataUrl) => client.prefetch(dataUrl),
    load(net) {
      network = net;
      local = null;
      const loadId = client.load(net, store.getState().settings.criterion);
      store.setState((s) => ({ ...s, pruning: { ...s.pruning, status: 'loading', loadId, requested: loadId } }));
    },
    request,
    measure: (req) => (local && store.getState().pruning.status === 'ready' ? client.measure(req) : null),
    planner: () =>
      local && store.getState().pruning.status === 'ready' && local.loadId === store.getState().pruning.loadId
        ? { loadId: local.loadId, evaluator: local.planner() }
        : null,
  };
}

const MEASURE_MESSAGES = new Set<FromEval['type']>([
  'speed-current',
  'speed-points',
  'speed-done',
  'sizes-done',
  'measure-error',
]);
