/**
 * The actions the UI calls, composed from the rooms' wiring: training (the training worker), pruning
 * (the slider's evaluation worker), the sweep (the curves' worker), repairs, speed, the user's data, and
 * the experiments (each a module awaiting its jobs).
 * Data flows one way: worker → messages → store → components. The URL hash follows the settings.
 */
import type { EvalNetwork } from '../eval/protocol';
import type { RunOptions } from '../train/runTypes';
import { createSweep } from './pruning/sweep';
import {
  afterSettings,
  autoTableEpochs,
  chooseData,
  chosenTableRef,
  linkData,
  linkTableNotice,
  snapshotData,
  switchData,
  withTableEpochs,
} from './data/dataChoice';
import { createPruning } from './pruning/pruning';
import { createRepairs } from './pruning/repairs';
import { AT90_CRITERIA, AT90_SPEC } from './tour/tourNumbers';
import { createExperiments } from './experiments';
import { createImports } from './export/imports';
import { initialState, settingsChange, Store, withLocale, type AppState, type Settings } from './store';
import {
  hashOf,
  holdsOwnWork,
  keptSettings,
  linkNetwork,
  linkSettings,
  readLink,
  replacePrompt,
  showsNetwork,
  type Link,
  type LinkNetwork,
} from './links/links';
import { createSnapshots } from './training/snapshots';
import { createSpeed } from './speed/speed';
import { applyStep } from './tour/tour';
import { createUserData } from './data/userData';
import { createTraining } from './training/training';

export type { Controller, ControllerEnv } from './controllerApi';
import type { Controller, ControllerEnv } from './controllerApi';

/** The longest a first visit's training worker waits for the snapshot's numbers to be painted. */
export const TRAINING_START_MAX_MS = 8000;

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
  const writeHash = () =>
    env.writeHash(hashOf(store.getState().settings, store.getState().flags, store.getState().origin));

  const firstNetwork = linkNetwork(first);
  // A first visit that opens a snapshot starts the training worker once its pruned numbers are painted
  // (or at the first Train, a pointer or focus on it): until then the two cores are the snapshot's.
  const startTrainingLater = firstNetwork.kind === 'snapshot';
  const afterPaint = env.afterPaint ?? ((f: () => void) => setTimeout(f, 0));
  const startTraining = () => afterPaint(() => training.start());
  /** The curves' load of the newest network, waiting for the page to show its first pruned numbers. */
  let curvesLoad = () => {};
  const evaluation = createPruning(store, env.ports?.evaluation, env.nextTask, () => {
    startTraining();
    curvesLoad();
    curvesLoad = () => {};
  });
  const curves = createSweep(store, env.ports?.curves);
  /**
   * Hands the store's network to both evaluation workers (each loads the data itself): the slider's at once,
   * the curves' once the page shows its first pruned numbers (or why not): the page's evaluation then shares
   * two cores with one worker, not two (docs/benchmarks.md). A snapshot's curves are not computed again.
   */
  const loadNetwork = () => {
    const s = store.getState();
    if (!s.scoring || !s.runConfig || !s.dataset) return;
    const network: EvalNetwork = {
      layers: s.scoring.layers,
      seed: s.runConfig.seed,
      data: s.dataset,
      dataUrl: env.dataUrl,
    };
    evaluation.load(network);
    const have = s.origin?.kind === 'snapshot' ? ({ scope: 'global', granularity: 'weights' } as const) : undefined;
    curvesLoad = () => curves.load(network, have);
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
  // Test hook: `?steps=tfjs` trains with the tfjs steps where the fused ones would run (see `stepsForTests`).
  const tfjsSteps = new URLSearchParams(env.search).get('steps') === 'tfjs';
  const training = createTraining(
    store,
    { dataUrl: env.dataUrl, noWebGPU, tfjsSteps, port: env.ports?.training, startLater: startTrainingLater },
    {
      // autotrain=1: start once, as soon as a backend is ready.
      onReady: () => {
        if (!autotrain || store.getState().phase !== 'idle') return;
        autotrain = false;
        train();
      },
      onTrained: loadNetwork,
    },
  );
  const experiments = createExperiments(store, training.client);
  const speed = createSpeed(store, evaluation, training.client);
  const userData = createUserData(
    store,
    { exampleUrl: env.exampleUrl ?? 'examples/iris.csv', port: env.ports?.table },
    {
      // While a table is chosen, the newest file is the table (it trains once prepared).
      onRead: (name) => {
        if (store.getState().flags.table === null) return;
        store.setState((s) => ({ ...s, flags: { ...s.flags, table: name } }));
        writeHash();
      },
      // A new file, once prepared, is what Train trains; new options or a new split may change its epochs.
      onPrepared: (fresh) => {
        store.setState((s) =>
          fresh && s.userData.prepared ? switchData(s, s.userData.prepared.table.name) : withTableEpochs(s),
        );
        writeHash();
      },
    },
  );
  const snapshots = createSnapshots(store, {
    url: env.snapshotUrl,
    newRun: () => training.client().stop(),
    loaded: loadNetwork,
  });
  /** Opens the network a link asks for (its settings and flags are in the store already). */
  const openNetwork = (net: LinkNetwork, link: Link): Promise<void> => {
    // The slider's worker fetches the data while the page fetches the snapshot: both are on the way to its numbers.
    if (net.kind === 'snapshot' && net.name === 'mnist') evaluation.prefetch(env.dataUrl);
    if (net.kind === 'snapshot')
      return snapshots.open(net.name, link.given).then(() => {
        writeHash();
        if (!store.getState().origin) training.start(); // not opened: no numbers to wait for
      });
    else if (net.kind === 'train' && store.getState().backendStatus === 'ready') train();
    else if (net.kind === 'train') {
      autotrain = true; // once the backend is ready
      training.start();
    }
    return Promise.resolve();
  };
  const firstOpened = firstNetwork.kind === 'snapshot' ? openNetwork(firstNetwork, first) : Promise.resolve();
  // Whatever happens to the snapshot's numbers, the worker does not wait longer than this.
  if (startTrainingLater) setTimeout(() => training.start(), TRAINING_START_MAX_MS);
  /**
   * Takes a link's flags, notices and `settings` as they are (re-evaluating the network on screen); a
   * tour step the link names applies its settings on a ready network, as opening it does.
   */
  const takeLink = (link: Link, settings: Settings) => {
    store.setState((s) => ({ ...s, flags: link.flags, notices: [...s.notices, ...link.notices], pendingLink: null }));
    applySettings(settings, true, true);
    store.setState((s) => ({ ...linkData(s, link), notices: [...s.notices, ...linkTableNotice(s, link)] }));
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
    void openNetwork(linkNetwork(link), link);
  };
  /** Changes settings; `asGiven`: a link's, taken as they are (see `settingsChange`). */
  const applySettings = (patch: Partial<Settings>, commit: boolean, asGiven: boolean) => {
    const change = settingsChange(store.getState(), patch, asGiven);
    // One state update: the settings and, evaluated now, what they prune (painted in this frame).
    const view = change.evaluate ? evaluation.request(change.next) : null;
    const seed = store.getState().settings.seed;
    if (change.changed) store.setState((s) => (view ?? ((st: AppState) => st))({ ...s, settings: change.next }));
    if (change.changed) store.setState((s) => afterSettings(s, patch));
    if (change.next.seed !== seed) userData.seedChanged();
    if (commit) writeHash();
    if (change.curves) curves.request(change.next);
    if (change.backend) training.switchBackend();
  };

  const repairs = createRepairs(store, evaluation, (patch) => api.updateSettings(patch));
  const api: Controller = {
    ...experiments,
    store,
    firstNetwork: firstOpened,
    train,
    startTraining: () => training.start(),
    pause: training.pause,
    resume: training.resume,
    reset: training.reset,
    updateSettings: (patch, commit = true) => applySettings(patch, commit, false),
    classCurves: () => {
      if (store.getState().pruning.status === 'ready' && store.getState().sweep.status !== 'running')
        curves.request(store.getState().settings);
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
        if (r)
          store.setState((st) => ({
            ...st,
            tourAt90: {
              loadId: r.loadId,
              values: Object.fromEntries(AT90_CRITERIA.map((c, i) => [c, r.results[i].accuracy])),
            },
          }));
      });
    },
    dismissNotice(index) {
      store.setState((s) => ({ ...s, notices: s.notices.filter((_, i) => i !== index) }));
    },
    memory: training.memory,
    measureSpeed: speed.measure,
    loadTable: userData.load,
    loadExampleTable: userData.loadExample,
    readTableHeaderless: userData.readHeaderless,
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
    stepsParity: (job) => training.client().run({ kind: 'steps-parity', ...job }),
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
      // A new backend restarts the worker, which clears the network: then the link's opens again.
      if (showsNetwork(s, net) && link.settings.backend === s.settings.backend)
        return takeLink(link, linkSettings(s, link));
      if (holdsOwnWork(s))
        return store.setState((st) => ({ ...st, pendingLink: { search, hash, prompt: replacePrompt(net) } }));
      replaceWith(link);
    },
    resolvePendingLink(replace) {
      const pending = store.getState().pendingLink;
      if (!pending) return;
      const link = read(pending.search, pending.hash);
      if (replace) replaceWith(link);
      else takeLink(link, keptSettings(store.getState(), link));
    },
    ...createImports(store, training, { writeHash, loadNetwork }),
  };
  return api;
}
