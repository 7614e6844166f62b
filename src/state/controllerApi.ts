/**
 * What the controller offers the UI (`Controller`) and what it needs from the page (`ControllerEnv`);
 * `controller.ts` composes the wiring modules into it.
 */
import type { DatasetName } from '../core/data';
import type { Msg } from '../i18n/catalogue';
import type { EvalPort } from '../eval/client';
import type { TablePort } from '../data/tableClient';
import type { TrainingPort } from '../train/client';
import type { JobOf, JobResult } from '../train/jobs';
import type { RunOptions } from '../train/runTypes';
import type { Experiments } from './experiments';
import type { AppState, Flags, RepairKind, Settings, Store } from './store';
import type { Speed } from './speed/speed';
import type { Training } from './training/training';
import type { UserData } from './data/userData';

/** The experiments' actions (`Experiments`: fine-tuning, tickets, gradual, movement, the article's) are the controller's own. */
export interface Controller extends Experiments {
  store: Store<AppState>;
  /** Settles once the network a first visit opens (a snapshot) is in the store or refused; at once when it opens none. */
  firstNetwork: Promise<void>;
  train(options?: RunOptions): void;
  /** Starts the training worker if it waits for a first visit's numbers (the pointer or the focus is on Train). */
  startTraining(): void;
  pause(): void;
  resume(): void;
  reset(): void;
  /** Changes settings. `commit` (default true) also writes the URL hash; a slider drag passes false until release. */
  updateSettings(patch: Partial<Settings>, commit?: boolean): void;
  dismissNotice(index: number): void;
  /** The collapse warning's repairs: work out their outcomes (shown beside the buttons), apply one, undo it. */
  previewRepairs(): void;
  /** What pruning forgets: computes the curves again, with each class's accuracy (a snapshot's curves carry none). */
  classCurves(): void;
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
  /** Test hooks for the fault-injection e2e tests. */
  faults: Training['faults'];
  /** Test hook: tfjs's and the fused WebGPU steps on the same batches (e2e/webgpu-steps.spec.ts). */
  stepsParity(job: Omit<JobOf<'steps-parity'>, 'kind'>): Promise<JobResult<'steps-parity'>>;
  /** Restores an experiment from run.json text; returns null, or why the file was refused (nothing changes then). */
  importRun(text: string): Msg | null;
  /**
   * Brings a trained TF.js layers model (model.json and its weight files) and scores it on the data the
   * Training panel names; resolves with null, or why the files were refused (nothing changes then).
   */
  importModel(files: readonly File[]): Promise<Msg | null>;
  /** Measures inference speed (over sparsity) and the size of every export format, for the current settings. */
  measureSpeed: Speed['measure'];
  /** Your own data: read a file (or the Iris example), change its options, train on it. */
  loadTable: UserData['load'];
  loadExampleTable: UserData['loadExample'];
  readTableHeaderless: UserData['readHeaderless'];
  setTableOptions: UserData['setOptions'];
  /** Makes the loaded table what Train trains, and trains it. */
  trainOnTable(): void;
  /** The Training panel's data: a built-in dataset, or the loaded table (each keeps its own epochs). */
  chooseData(choice: DatasetName | 'table'): void;
  /** The chosen table's epochs back to its default (enough steps for the table). */
  autoTableEpochs(): void;
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
  /** Calls `f` once what the store holds now is painted (the page: a frame, then a task); else after a task. */
  afterPaint?(f: () => void): void;
  /**
   * Runs a job in a task after the current one (default: a message to the page itself); unit tests on
   * fake workers pass `(job) => job()`, so a worker's answer takes effect at once.
   */
  nextTask?: (job: () => void) => void;
  /** Workers to use instead of new ones (unit tests). */
  ports?: { training?: () => TrainingPort; evaluation?: EvalPort; curves?: EvalPort; table?: () => TablePort };
}
