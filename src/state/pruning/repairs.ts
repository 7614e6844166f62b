/**
 * The collapse warning's repairs, wired: their plans (`../store/repairPlan.ts`) are worked out on the page with a
 * second validation evaluator (the slider's stays incremental), one evaluation per task once the settings
 * have rested, so a collapsed slider position shows each repair's outcome beside its button without a
 * long task; a click applies the plan (computing what is not known yet at once), remembers what it
 * changed from, and Undo restores exactly that.
 */
import { yieldToEventLoop } from '../../core/base';
import type { PruningWiring } from './pruning';
import {
  fractionPruned,
  itemsOf,
  planRepair,
  previewKey,
  pruneSpecOf,
  pruningSettingsOf,
  repairPatch,
  repairsFor,
  runPlan,
  settingsChange,
  shownRepair,
  withPreview,
  type AppState,
  type Probe,
  type ProbeResult,
  type RepairContext,
  type RepairKind,
  type RepairPlan,
  type Settings,
  type Store,
} from '../store';

export interface Repairs {
  /** Works out the offered repairs' plans for the settings on screen, after PREVIEW_QUIET_MS of rest (a newer call supersedes). */
  preview(): void;
  /** Applies a repair's plan. */
  apply(kind: RepairKind): void;
  /** Restores the settings the last repair changed. */
  undo(): void;
  /**
   * Answers probes on the network on screen with the same second evaluator (cached per network), one
   * evaluation per task; null when there is no network or it changed meanwhile. The tour's numbers of
   * other settings come from here, so they equal what the pruning panel shows for those settings.
   */
  probeAll(probes: Probe[]): Promise<{ loadId: number; results: ProbeResult[] } | null>;
}

/** The previews wait for the settings to rest this long: a drag through collapsed positions costs nothing. */
export const PREVIEW_QUIET_MS = 150;

/** Pure: where the repairs start from on screen, or null when there is no evaluated network. */
export function repairContext(s: AppState): (RepairContext & { key: string; loadId: number }) | null {
  const p = s.pruning;
  if (p.status !== 'ready' || !p.view || !p.dense || !p.sorted) return null;
  const settings = s.settings;
  const current =
    settings.mode === 'sparsity'
      ? settings.sparsity
      : fractionPruned(itemsOf(p.sorted, settings.criterion, settings), settings.threshold);
  const keep = (kind: RepairKind): Probe => {
    const next = settingsChange(s, repairPatch(kind)).next;
    return { criterion: next.criterion, spec: pruneSpecOf(next) };
  };
  return {
    settings,
    current,
    dense: p.dense.val.accuracy,
    keep,
    key: previewKey(p.loadId, settings),
    loadId: p.loadId,
  };
}

export function createRepairs(
  store: Store<AppState>,
  evaluation: PruningWiring,
  update: (patch: Partial<Settings>) => void,
): Repairs {
  let job = 0;
  /** Evaluations already made on this network (a level's answer does not depend on where the slider is). */
  let cache: { loadId: number; results: Map<string, ProbeResult> } = { loadId: -1, results: new Map() };
  /** The answer to a probe, and whether it took an evaluation (else it came from the cache); null without a network. */
  const probe = (p: Probe): { result: ProbeResult; fresh: boolean } | null => {
    const planner = evaluation.planner();
    if (!planner) return null;
    if (cache.loadId !== planner.loadId) cache = { loadId: planner.loadId, results: new Map() };
    const key = `${p.criterion}|${p.spec.mode}|${p.spec.value}|${p.spec.scope}|${p.spec.granularity}`;
    const known = cache.results.get(key);
    if (known) return { result: known, fresh: false };
    const a = planner.evaluator.evaluate(p.criterion, p.spec);
    const result = { sparsity: a.report.sparsity, accuracy: a.val.accuracy };
    cache.results.set(key, result);
    return { result, fresh: true };
  };

  const previews = async (id: number) => {
    const start = repairContext(store.getState());
    if (!start) return;
    const current = () => id === job && repairContext(store.getState())?.key === start.key;
    for (const kind of repairsFor(start.settings)) {
      if (store.getState().repair.previews?.key === start.key && store.getState().repair.previews?.plans[kind])
        continue;
      const plan = planRepair(kind, start);
      let step = plan.next();
      while (!step.done) {
        const answer = probe(step.value);
        if (!answer) return;
        // One evaluation per task: the page stays responsive while the plans fill in.
        if (answer.fresh) await yieldToEventLoop();
        if (!current()) return;
        step = plan.next(answer.result);
      }
      const done: RepairPlan = step.value;
      store.setState((s) => ({ ...s, repair: withPreview(s.repair, start.key, done) }));
    }
  };

  return {
    preview() {
      const id = ++job;
      setTimeout(() => void (id === job && previews(id)), PREVIEW_QUIET_MS);
    },
    apply(kind) {
      const s = store.getState();
      const at = repairContext(s);
      const view = s.pruning.view;
      if (!at || !view || !repairsFor(s.settings).includes(kind)) return;
      job++; // the previews of these settings are no longer needed
      const known = s.repair.previews?.key === at.key ? s.repair.previews.plans[kind] : undefined;
      const plan = known ?? runPlan(planRepair(kind, at), (p) => probe(p)!.result);
      const before = {
        settings: pruningSettingsOf(s.settings),
        sparsity: view.report.sparsity,
        accuracy: view.val.accuracy,
      };
      update(plan.patch);
      const after = pruningSettingsOf(store.getState().settings);
      store.setState((st) => ({
        ...st,
        repair: { ...st.repair, applied: { plan, loadId: at.loadId, before, after } },
      }));
    },
    async probeAll(probes) {
      const loadId = store.getState().pruning.loadId;
      const results: ProbeResult[] = [];
      for (const p of probes) {
        const answer = probe(p);
        if (!answer || store.getState().pruning.loadId !== loadId) return null;
        results.push(answer.result);
        if (answer.fresh) await yieldToEventLoop();
      }
      return { loadId, results };
    },
    undo() {
      const applied = shownRepair(store.getState());
      if (!applied) return;
      store.setState((st) => ({ ...st, repair: { ...st.repair, applied: null } }));
      update(applied.before.settings);
    },
  };
}
