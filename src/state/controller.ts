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
import { createEvaluation } from './evaluation';
import { createExperiments, type Experiments } from './experiments';
import { importedState } from './importRun';
import { withLocale, type Flags } from './flags';
import { hashOf, holdsOwnWork, keptSettings, linkNetwork, linkSettings, readLink, replacePrompt, showsNetwork, type Link, type LinkNetwork } from './links';
import type { Settings } from './settings';
import { settingsChange } from './settingsChange';
import { createSnapshots } from './snapshots';
import { createSpeed, type Speed } from './speed';
import { applyStep } from './tour';
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
  trainOnTable(): void;
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
  /** The URL hash: every non-default setting, plus the flags. */
  const writeHash = () => env.writeHash(hashOf(store.getState().settings, store.getState().flags, store.getState().origin));

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
  const train = (options?: RunOptions) => {
    writeHash();
    training.train(options);
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
  const userData = createUserData(store, { exampleUrl: env.exampleUrl ?? 'examples/iris.csv', port: env.ports?.table });
  const snapshots = createSnapshots(store, { url: env.snapshotUrl, newRun: () => training.client().stop(), loaded: loadNetwork });
  /** Opens the network a link asks for (its settings and flags are in the store already). */
  const openNetwork = (net: LinkNetwork, link: Link) => {
    if (net.kind === 'snapshot') void snapshots.open(net.name, link.given).then(writeHash);
    else if (net.kind === 'train' && store.getState().backendStatus === 'ready') train();
    else if (net.kind === 'train') autotrain = true; // once the backend is ready
  };
  const firstNetwork = linkNetwork(first);
  if (firstNetwork.kind === 'snapshot') openNetwork(firstNetwork, first);
  /**
   * Takes a link's flags, notices and `settings` as they are (re-evaluating the network on screen); a
   * tour step the link names applies its settings on a ready network, as opening it does.
   */
  const takeLink = (link: Link, settings: Settings) => {
    store.setState((s) => ({ ...s, flags: link.flags, notices: [...s.notices, ...link.notices], pendingLink: null }));
    applySettings(settings, true, true);
    if (link.flags.tour !== null && store.getState().pruning.status === 'ready') applyStep(api, link.flags.tour);
  };
  /**
   * A link that replaces the network: the lab is emptied first, so that it takes the link on the same
   * state a fresh visit does (nothing of the old network changes its settings), then opens the link's.
   */
  const replaceWith = (link: Link) => {
    const s = store.getState();
    if (s.origin || s.phase !== 'idle') training.reset();
    takeLink(link, link.settings);
    openNetwork(linkNetwork(link), link);
  };
  /** Changes settings; `asGiven`: a link's, taken as they are (see `settingsChange`). */
  const applySettings = (patch: Partial<Settings>, commit: boolean, asGiven: boolean) => {
    const change = settingsChange(store.getState(), patch, asGiven);
    // One state update: the settings and, evaluated now, what they prune (painted in this frame).
    const view = change.evaluate ? evaluation.request(change.next) : null;
    const seed = store.getState().settings.seed;
    if (change.changed) store.setState((s) => (view ?? ((st: AppState) => st))({ ...s, settings: change.next }));
    if (change.next.seed !== seed) userData.seedChanged();
    if (commit) writeHash();
    if (change.curves) curves.request(change.next);
    if (change.backend) training.switchBackend();
  };

  const api: Controller = {
    store,
    train,
    pause: training.pause,
    resume: training.resume,
    reset: training.reset,
    updateSettings: (patch, commit = true) => applySettings(patch, commit, false),
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
      const data = userData.dataRef();
      if (!data || store.getState().backendStatus !== 'ready') return;
      writeHash();
      training.trainOn(data);
    },
    faults: training.faults,
    openSnapshot: (name) => snapshots.open(name).then(writeHash),
    openUrl(search, hash) {
      const link = read(search, hash);
      const net = linkNetwork(link);
      const s = store.getState();
      // A new backend restarts the worker, which clears the network: then the link's opens again.
      if (showsNetwork(s, net) && link.settings.backend === s.settings.backend) return takeLink(link, linkSettings(s, link));
      if (holdsOwnWork(s)) return store.setState((st) => ({ ...st, pendingLink: { search, hash, prompt: replacePrompt(net) } }));
      replaceWith(link);
    },
    resolvePendingLink(replace) {
      const pending = store.getState().pendingLink;
      if (!pending) return;
      const link = read(pending.search, pending.hash);
      if (replace) replaceWith(link);
      else takeLink(link, keptSettings(store.getState(), link));
    },
    importRun(text) {
      // A valid file stops whatever the training worker runs; the import becomes the current run.
      const result = importedState(store.getState(), text, () => training.client().stop());
      if ('error' in result) return result.error;
      store.setState(result.state);
      writeHash();
      loadNetwork();
      return null;
    },
  };
  return api;
}
