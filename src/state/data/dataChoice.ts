/**
 * What Train trains: the built-in dataset of the settings, or the user's table once one is loaded
 * (`flags.table`, its file name, so a link names it; its data is never in a link). Its shape, as the
 * Training panel, the estimate and the progress name it; and the epochs a table gets: enough Adam steps
 * for a small table unless the user set them. Each choice keeps its own epochs (switching swaps them).
 * Pure.
 */
import { dataShape, TRAIN_SIZE, VAL_SIZE, type DataName, type DataRef, type DatasetName } from '../../core/data';
import type { TablePrepared } from '../../data/tableProtocol';
import { msg, type Msg } from '../../i18n/catalogue';
import { SCHEMA, userDataRef, type AppState, type Flags, type Settings, type UserDataState } from '../store';

/** What a data choice reads of a link (`Link`, read by `readLink` in links/links.ts): its flags, and the settings it sets itself. */
type LinkChoice = { flags: Flags; given: (keyof Settings)[] };

/** By default a table trains for at least this many Adam steps (Iris: 120 training rows at batch 32 → 125 epochs). */
export const TABLE_MIN_STEPS = 500;
/** …and for at least the built-in default epochs (a large table has its steps in fewer). */
export const TABLE_MIN_EPOCHS = SCHEMA.epochs.default;

/** Adam steps of one epoch: the training split in batches (the last one may be short). */
export const stepsPerEpoch = (trainRows: number, batch: number) => Math.ceil(trainRows / batch);

/** The epochs a table of `trainRows` training rows trains for by default at batch `batch` (within the field's limits). */
export function tableEpochs(trainRows: number, batch: number): number {
  const per = Math.max(1, stepsPerEpoch(trainRows, batch));
  return Math.min(SCHEMA.epochs.max, Math.max(TABLE_MIN_EPOCHS, Math.ceil(TABLE_MIN_STEPS / per)));
}

/** The parts of the state the choice is read from (a component can subscribe to just these). */
export interface ChoiceState {
  settings: Pick<Settings, 'dataset' | 'seed'>;
  flags: Pick<Flags, 'table'>;
  userData: UserDataState;
}

/** The table Train trains: chosen, loaded under that name and prepared with the current options; else null. */
export function chosenTable(s: ChoiceState): TablePrepared | null {
  const p = s.userData.prepared;
  return s.flags.table !== null && p && s.userData.status === 'ready' && p.table.name === s.flags.table ? p : null;
}

/** The data reference of the chosen table (the split of the seed it was prepared with), or null. */
export function chosenTableRef(s: ChoiceState): DataRef | null {
  const p = chosenTable(s);
  return p && userDataRef(p, s.settings.seed);
}

/** What Train trains, described: the same figures for the Training panel, the estimate and the progress. */
export interface RunData {
  name: DataName;
  /** The table's file name; null for a built-in dataset. */
  table: string | null;
  /** Train can train it now: a table a link names may not be loaded here, or still be preparing. */
  ready: boolean;
  /** Why a chosen table is not ready: being read or prepared, refused (see Your own data), or not loaded. */
  waiting: 'preparing' | 'refused' | 'missing' | null;
  inputs: number;
  classes: number;
  trainN: number;
  valN: number;
  /** The table's SHA-256 (runs on different tables train at different rates). */
  hash?: string;
}

/** The shape of a run's data reference (a built-in dataset's splits are fixed). */
export function runDataOf(ref: DataRef): RunData {
  const { inputs, classes } = dataShape(ref);
  const table = ref.name === 'user' ? ref.table : undefined;
  return {
    name: ref.name,
    table: table?.name ?? null,
    ready: true,
    waiting: null,
    inputs,
    classes,
    trainN: ref.trainIndices.length,
    valN: ref.valIndices.length,
    hash: table?.hash,
  };
}

export function chosenData(s: ChoiceState): RunData {
  const name = s.flags.table;
  if (name === null) {
    const d: DatasetName = s.settings.dataset;
    return {
      name: d,
      table: null,
      ready: true,
      waiting: null,
      ...dataShape({ name: d }),
      trainN: TRAIN_SIZE,
      valN: VAL_SIZE,
    };
  }
  const ref = chosenTableRef(s);
  if (ref) return runDataOf(ref);
  const u = s.userData;
  const mine = u.reading === name || u.readout?.name === name || u.prepared?.table.name === name;
  const waiting =
    mine && (u.status === 'reading' || u.status === 'preparing')
      ? 'preparing'
      : u.status === 'error' && u.readout?.name === name
        ? 'refused'
        : 'missing';
  return { name: 'user', table: name, ready: false, waiting, inputs: 0, classes: 0, trainN: 0, valN: 0 };
}

/** The chosen table's epochs by default, unless the user set them: at least TABLE_MIN_STEPS steps at the current batch size. */
export function withTableEpochs(s: AppState): AppState {
  const p = chosenTable(s);
  if (!p || s.userData.epochs.userSet) return s;
  const epochs = tableEpochs(p.trainIndices.length, s.settings.batchSize);
  return epochs === s.settings.epochs ? s : { ...s, settings: { ...s.settings, epochs } };
}

/**
 * Makes `table` (a file name) or the built-in dataset (null) what Train trains. Each choice keeps its
 * own epochs: switching swaps them (a built-in dataset the page never had gets the default).
 */
export function switchData(s: AppState, table: string | null): AppState {
  const wasTable = s.flags.table !== null;
  let next: AppState = { ...s, flags: { ...s.flags, table } };
  if (wasTable !== (table !== null)) {
    const other = s.userData.epochs.stash ?? (table === null ? SCHEMA.epochs.default : s.settings.epochs);
    next = {
      ...next,
      settings: { ...s.settings, epochs: other },
      userData: { ...s.userData, epochs: { ...s.userData.epochs, stash: s.settings.epochs } },
    };
  }
  return withTableEpochs(next);
}

/** The Training panel's data choice: a built-in dataset, or the loaded table (nothing changes when there is none). */
export function chooseData(s: AppState, choice: DatasetName | 'table'): AppState {
  if (choice !== 'table') return switchData({ ...s, settings: { ...s.settings, dataset: choice } }, null);
  const p = s.userData.status === 'ready' ? s.userData.prepared : null;
  return p ? switchData(s, p.table.name) : s;
}

/** The table's epochs back to its default (the user's own are dropped). */
export function autoTableEpochs(s: AppState): AppState {
  return withTableEpochs({ ...s, userData: { ...s.userData, epochs: { ...s.userData.epochs, userSet: false } } });
}

/**
 * After the settings changed: epochs the user typed while the table is chosen are theirs (kept from now
 * on); a new batch size changes the table's default epochs.
 */
export function afterSettings(s: AppState, patch: Partial<AppState['settings']>): AppState {
  if (patch.epochs !== undefined && s.flags.table !== null)
    return { ...s, userData: { ...s.userData, epochs: { ...s.userData.epochs, userSet: true } } };
  return patch.batchSize !== undefined ? withTableEpochs(s) : s;
}

/**
 * A link's data choice, taken (on a visit, or pasted): the link's epochs are the table's own when it
 * names a table (it was made with it), else the built-in dataset's.
 */
export function linkData(s: AppState, link: LinkChoice): AppState {
  const userSet = link.flags.table !== null && link.given.includes('epochs');
  return withTableEpochs({
    ...s,
    flags: { ...s.flags, table: link.flags.table },
    userData: { ...s.userData, epochs: { userSet, stash: null } },
  });
}

/** The notice of a link that names a table this page does not have loaded (it never trains something else instead). */
export function linkTableNotice(s: ChoiceState, link: Pick<LinkChoice, 'flags'>): Msg[] {
  const name = link.flags.table;
  return name !== null && s.userData.prepared?.table.name !== name ? [msg('link.table', { name })] : [];
}

/** After a run.json was imported: its data is what Train trains; a table run's epochs count as the user's. */
export function importedData(before: AppState, after: AppState): AppState {
  const table = after.dataset?.name === 'user' ? (after.dataset.table?.name ?? null) : null;
  const stash =
    (before.flags.table !== null) !== (table !== null) ? before.settings.epochs : before.userData.epochs.stash;
  const userSet = table !== null || before.userData.epochs.userSet;
  return { ...after, flags: { ...after.flags, table }, userData: { ...after.userData, epochs: { userSet, stash } } };
}

/** After a pre-trained network was opened by the user: its dataset is what Train trains (the table keeps its epochs). */
export function snapshotData(before: AppState, after: AppState): AppState {
  if (before.flags.table === null) return after;
  return {
    ...after,
    flags: { ...after.flags, table: null },
    userData: { ...after.userData, epochs: { ...after.userData.epochs, stash: before.settings.epochs } },
  };
}
