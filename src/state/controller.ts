/**
 * The actions the UI calls, composed from the wiring modules: training (the training worker),
 * evaluation (the slider's evaluation worker), curves (the sweep worker) and experiments (fine-tuning).
 * Data flows one way: worker → messages → store → components. The URL hash follows the settings.
 */
import type { DatasetName } from '../core/dataset';
import type { Msg } from '../i18n/catalogue';
import type { EvalPort } from '../eval/client';
import type { TablePort } from '../data/tableClient';
import type { TrainingPort } from '../train/client';
import type { EvalNetwork } from '../eval/protocol';
import type { RunOptions } from '../train/protocol';
import { createCurves } from './curves';
import { afterSettings, autoTableEpochs, chooseData, chosenTableRef, importedData, linkData, linkTableNotice, snapshotData, switchData, withTableEpochs } from './dataChoice';
import { createEvaluation } from './evaluation';
import type { RepairKind } from './repairPlan';
import { createRepairs } from './repairs';
import { AT90_CRITERIA, AT90_SPEC } from './tourNumbers';
import { createExperiments, type Experiments } from './experiments';
import { importedState } from './importRun';
import { withLocale, type Flags } from './flags';
import { hashOf, holdsOwnWork, linkNetwork, readLink, replacePrompt, showsNetwork, type Link, type LinkNetwork } from './links';
import type { Settings } from './settings';
import { settingsChange } from './settingsChange';
import { createSnapshots } from './snapshots';
import { createSpeed, type Speed } from './speed';
import { createUserData, type UserData } from './userData';
import { initialState, Store, type AppState } from './store';
import { createTraining, type Training } from './training';

export interface Controller {
  store: Store<AppState>;
  train(options?: RunOptions): void;
  pause(): void;
  resume(): void;
  reset(): void;
  /** Changes settings. `commit` (default true) also writes the URL hash; a slider drag passes false until release. */
  updateSettings(patch: Partial<Settings>, commit?: boolean): void;
  dismissNotice(index: number): void;
  /** The collapse warning's repairs: work out their outcomes (shown beside the buttons), apply one, undo it. */
  previewRepairs(): void;
  /** Works out the accuracies the tour's repairs step quotes (`tourAt90` in the store), unless known. */
  tourAt90(): void;
  applyRepair(kind: RepairKind): void;
  undoRepair(): void;
  /**
   * The page was hidden (a phone locked, another tab) or shown again: a run in training pauses while
   * hidden and resumes when shown (a run the user paused stays paused).
   */
  pageVisibility(hidden: boolean): void;
  /**
   * Changes page flags (language, tour step, presenter mode) and writes the URL. A new `lang` also
   * sets the page's language.
   */
  updateFlags(patch: Partial<Pick<Flags, 'lang' | 'tour' | 'present'>>): void;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** Fine-tunes the trained network under `masks` (defaults: 2 epochs at a tenth of the learning rate). */
  finetune: Experiments['finetune'];
  /** Prune → fine-tune at 50/80/90/95/98% for one criterion. */
  finetuneCurve: Experiments['finetuneCurve'];
  /** Iterative pruning to `target` (Han et al.). */
  iterative: Experiments['iterative'];
  snip: Experiments['snip'];
  lottery: Experiments['lottery'];
  gradual: Experiments['gradual'];
  movement: Experiments['movement'];
  /** The source article's gradient and pruning steps, run as written (at its T). */
  articleCode: Experiments['articleCode'];
  /** The article's fine-tune (no mask) beside the lab's (mask held), from the same masks. */
  articleFinetune: Experiments['articleFinetune'];
  clearFinetuneLog(): void;
  /** Test hooks for the fault-injection e2e tests. */
  faults: Training['faults'];
  /** Restores an experiment from run.json text; returns null, or why the file was refused (nothing changes then). */
  importRun(text: string): Msg | null;
  /** Measures inference speed (over sparsity) and the size of every export format, for the current settings. */
  measureSpeed: Speed['measure'];
  /** Your own data: read a file (or the Iris example), change its options, train on it. */
  loadTable: UserData['load'];
  loadExampleTable: UserData['loadExample'];
  setTableOptions: UserData['setOptions'];
  /** Makes the loaded table what Train trains, and trains it. */
  trainOnTable(): void;
  /** The Training panel's data: a built-in dataset, or the loaded table (each keeps its own epochs). */
  chooseData(choice: DatasetName | 'table'): void;
  /** The chosen table's epochs back to its default (enough steps for the table). */
  autoTableEpochs(): void;
  /** Stops a running fine-tune, curve or iterative job. */
  cancelFinetune(): void;
  /** Replaces the network on screen with a pre-trained snapshot (its settings too). */
  openSnapshot(name: DatasetName): Promise<void>;
  /**
   * A link pasted into the open tab (hashchange): applied like a fresh visit; when that would replace
   * the user's own network, the page asks first (`pendingLink`).
   */
  openUrl(search: string, hash: string): void;
  /** The answer to that question: replace the network (true), or keep it and take only the link's settings. */
  resolvePendingLink(replace: boolean): void;
}

export interface ControllerEnv {
  search: string;
  hash: string;
  /** The MNIST file's URL, resolved against the page. */
  dataUrl: string;
  /** The shipped example table's URL (Iris), resolved against the page. */
  exampleUrl?: string;
  /** A snapshot file's URL, resolved against the page. */
  snapshotUrl(name: DatasetName): string;
  /** Writes the URL hash (without '#'). */
  writeHash(hash: string): void;
  /** The browser's preferred languages (`navigator.languages`), for the page's language when the URL names none. */
  languages?: readonly string[];
  /** Workers to use instead of new ones (unit tests). */
  ports?: { training?: () => TrainingPort; evaluation?: EvalPort; curves?: EvalPort; table?: () => TablePort };
}

export function createController(env: ControllerEnv): Controller {
  const languages = env.languages ?? [];
  const read = (search: string, hash: string): Link => {
    const link = readLink(search, hash);
    return { ...link, flags: withLocale(link.flags, languages) };
  };
  const first = read(env.search, env.hash);
  const store = new Store<AppState>(initialState(first.settings, first.notices, first.flags));
  // A link that names a table: its data is not in the link, so the page says so (and trains nothing else).
  store.setState((s) => ({ ...linkData(s, first), notices: [...s.notices, ...linkTableNotice(s, first)] }));
  /** The URL hash: every non-default setting, plus the flags. */
  const writeHash = () => env.writeHash(hashOf(store.getState().settings, store.getState().flags));

  const evaluation = createEvaluation(store, env.ports?.evaluation);
  const curves = createCurves(store, env.ports?.curves);
  /**
   * Hands the store's trained network to both evaluation workers (each loads the data itself). A
   * snapshot brings its global, weight-granularity curves: they are not computed again.
   */
  const loadNetwork = () => {
    const s = store.getState();
    if (!s.scoring || !s.runConfig || !s.dataset) return;
    const network: EvalNetwork = { layers: s.scoring.layers, seed: s.runConfig.seed, data: s.dataset, dataUrl: env.dataUrl };
    evaluation.load(network);
    curves.load(network, s.origin?.kind === 'snapshot' ? { scope: 'global', granularity: 'weights' } : undefined);
  };
  let autotrain = first.flags.autotrain;
  let pausedWhileHidden = false;
  /** Trains what the Training panel names: the built-in dataset, or the chosen table (nothing while it is not loaded). */
  const train = (options?: RunOptions) => {
    const s = store.getState();
    const table = s.flags.table !== null ? chosenTableRef(s) : null;
    if (s.flags.table !== null && !table) return;
    writeHash();
    if (table) training.trainOn(table, options);
    else training.train(options);
  };
  const noWebGPU = (new URLSearchParams(env.search).get('simulate') ?? '').includes('no-webgpu');
  const training = createTraining(store, { dataUrl: env.dataUrl, noWebGPU, port: env.ports?.training }, {
    // autotrain=1: start once, as soon as a backend is ready.
    onReady: () => {
      if (!autotrain || store.getState().phase !== 'idle') return;
      autotrain = false;
      train();
    },
    onTrained: loadNetwork,
  });
  const experiments = createExperiments(store, training.client);
  const speed = createSpeed(store, evaluation, training.client);
  const userData = createUserData(store, { exampleUrl: env.exampleUrl ?? 'examples/iris.csv', port: env.ports?.table }, {
    // While a table is chosen, the newest file is the table (it trains once prepared).
    onRead: (name) => {
      if (store.getState().flags.table === null) return;
      store.setState((s) => ({ ...s, flags: { ...s.flags, table: name } }));
      writeHash();
    },
    // A new file, once prepared, is what Train trains; new options or a new split may change its epochs.
    onPrepared: (fresh) => {
      store.setState((s) => (fresh && s.userData.prepared ? switchData(s, s.userData.prepared.table.name) : withTableEpochs(s)));
      writeHash();
    },
  });
  const snapshots = createSnapshots(store, { url: env.snapshotUrl, newRun: () => training.client().stop(), loaded: loadNetwork });
  /** Opens the network a link asks for (its settings and flags are in the store already). */
  const openNetwork = (net: LinkNetwork, link: Link) => {
    if (net.kind === 'snapshot') void snapshots.open(net.name, link.given).then(writeHash);
    else if (net.kind === 'train' && store.getState().backendStatus === 'ready') train();
    else if (net.kind === 'train') autotrain = true; // once the backend is ready
    else if (store.getState().origin || store.getState().phase !== 'idle') training.reset();
  };
  const firstNetwork = linkNetwork(first);
  if (firstNetwork.kind === 'snapshot') openNetwork(firstNetwork, first);
  /** Takes a link's settings, flags and notices into the state (re-evaluating the network on screen). */
  const takeLink = (link: Link) => {
    store.setState((s) => ({ ...s, flags: link.flags, notices: [...s.notices, ...link.notices], pendingLink: null }));
    api.updateSettings(link.settings);
    store.setState((s) => ({ ...linkData(s, link), notices: [...s.notices, ...linkTableNotice(s, link)] }));
  };

  const repairs = createRepairs(store, evaluation, (patch) => api.updateSettings(patch));
  const api: Controller = {
    store,
    train,
    pause: training.pause,
    resume: training.resume,
    reset: training.reset,
    updateSettings(patch, commit = true) {
      const change = settingsChange(store.getState(), patch);
      // One state update: the settings and, evaluated now, what they prune (painted in this frame).
      const view = change.evaluate ? evaluation.request(change.next) : null;
      const seed = store.getState().settings.seed;
      if (change.changed) store.setState((s) => (view ?? ((st: AppState) => st))({ ...s, settings: change.next }));
      if (change.changed) store.setState((s) => afterSettings(s, patch));
      if (change.next.seed !== seed) userData.seedChanged();
      if (commit) writeHash();
      if (change.curves) curves.request(change.next);
      if (change.backend) training.switchBackend();
    },
    updateFlags(patch) {
      store.setState((s) => ({ ...s, flags: { ...s.flags, ...patch, locale: patch.lang ?? s.flags.locale } }));
      writeHash();
    },
    pageVisibility(hidden) {
      if (hidden && store.getState().phase === 'training') {
        pausedWhileHidden = true;
        training.pause();
      } else if (!hidden && pausedWhileHidden) {
        pausedWhileHidden = false;
        training.resume();
      }
    },
    previewRepairs: () => repairs.preview(),
    applyRepair: (kind) => repairs.apply(kind),
    undoRepair: () => repairs.undo(),
    tourAt90() {
      const s = store.getState();
      if (s.pruning.status !== 'ready' || s.tourAt90?.loadId === s.pruning.loadId) return;
      void repairs.probeAll(AT90_CRITERIA.map((criterion) => ({ criterion, spec: AT90_SPEC }))).then((r) => {
        if (r) store.setState((st) => ({ ...st, tourAt90: { loadId: r.loadId, values: Object.fromEntries(AT90_CRITERIA.map((c, i) => [c, r.results[i].accuracy])) } }));
      });
    },
    dismissNotice(index) {
      store.setState((s) => ({ ...s, notices: s.notices.filter((_, i) => i !== index) }));
    },
    memory: training.memory,
    finetune: experiments.finetune,
    finetuneCurve: experiments.finetuneCurve,
    iterative: experiments.iterative,
    snip: experiments.snip,
    lottery: experiments.lottery,
    gradual: experiments.gradual,
    movement: experiments.movement,
    articleCode: experiments.articleCode,
    articleFinetune: experiments.articleFinetune,
    clearFinetuneLog: experiments.clearLog,
    cancelFinetune: experiments.cancel,
    measureSpeed: speed.measure,
    loadTable: userData.load,
    loadExampleTable: userData.loadExample,
    setTableOptions: userData.setOptions,
    trainOnTable() {
      if (store.getState().backendStatus !== 'ready') return;
      store.setState((s) => chooseData(s, 'table'));
      train();
    },
    chooseData(choice) {
      store.setState((s) => chooseData(s, choice));
      writeHash();
    },
    autoTableEpochs() {
      store.setState(autoTableEpochs);
      writeHash();
    },
    faults: training.faults,
    openSnapshot: async (name) => {
      const before = store.getState();
      await snapshots.open(name);
      const s = store.getState();
      if (s.origin?.kind === 'snapshot' && s.runId !== before.runId) store.setState(snapshotData(before, s));
      writeHash();
    },
    openUrl(search, hash) {
      const link = read(search, hash);
      const net = linkNetwork(link);
      const s = store.getState();
      if (showsNetwork(s, net)) return takeLink(link);
      if (holdsOwnWork(s)) return store.setState((st) => ({ ...st, pendingLink: { search, hash, prompt: replacePrompt(net) } }));
      takeLink(link);
      openNetwork(net, link);
    },
    resolvePendingLink(replace) {
      const pending = store.getState().pendingLink;
      if (!pending) return;
      const link = read(pending.search, pending.hash);
      takeLink(link);
      if (replace) openNetwork(linkNetwork(link), link);
      else writeHash();
    },
    importRun(text) {
      // A valid file stops whatever the training worker runs; the import becomes the current run.
      const before = store.getState();
      const result = importedState(before, text, () => training.client().stop());
      if ('error' in result) return result.error;
      store.setState(importedData(before, result.state));
      writeHash();
      loadNetwork();
      return null;
    },
  };
  return api;
}
