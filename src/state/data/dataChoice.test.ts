import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import {
  afterSettings,
  autoTableEpochs,
  chooseData,
  chosenData,
  chosenTableRef,
  importedData,
  linkData,
  linkTableNotice,
  snapshotData,
  switchData,
  TABLE_MIN_STEPS,
  tableEpochs,
} from './dataChoice';
import { readLink } from '../links/links';
import { initialState, SCHEMA, type AppState } from '../store';
import { tableState, type TableShape } from '../testTable';

const IRIS: TableShape = { train: 120, val: 30, inputs: 4, classes: 3 };
/** A page showing a pre-trained MNIST network (10 epochs), then `shape` loaded: the table is prepared, not chosen yet. */
const withTable = (shape = IRIS) =>
  tableState(shape, false, { ...initialState(), settings: { ...initialState().settings, epochs: 10 } });
const loaded = (shape = IRIS) => switchData(withTable(shape), shape.name ?? 'iris.csv');
const epochsOf = (s: AppState) => s.settings.epochs;

describe('the default epochs of a table', () => {
  it('are the fewest epochs (at least the built-in default) with at least TABLE_MIN_STEPS Adam steps, within the field', () => {
    // Independent: count epochs up until the steps (whole batches, the last one short) reach the target.
    const bySearch = (train: number, batch: number) => {
      let e = SCHEMA.epochs.default;
      while (e * Math.ceil(train / batch) < TABLE_MIN_STEPS && e < SCHEMA.epochs.max) e++;
      return e;
    };
    expect(tableEpochs(120, 32)).toBe(125); // Iris: 4 steps an epoch
    for (const [train, batch] of [
      [120, 32],
      [120, 16],
      [8, 32],
      [8, 1024],
      [121, 32],
      [1000, 7],
      [8000, 32],
      [80_000, 32],
      [10, 1],
    ]) {
      expect(tableEpochs(train, batch), `${train} rows at batch ${batch}`).toBe(bySearch(train, batch));
      expect(tableEpochs(train, batch) * Math.ceil(train / batch)).toBeGreaterThanOrEqual(TABLE_MIN_STEPS);
    }
  });
});

describe('the data choice', () => {
  it('a loaded table becomes what Train trains, with its own epochs; the built-in dataset gets its own back', () => {
    const s = loaded();
    expect(s.flags.table).toBe('iris.csv');
    expect(chosenData(s)).toMatchObject({
      name: 'user',
      table: 'iris.csv',
      ready: true,
      inputs: 4,
      classes: 3,
      trainN: 120,
      valN: 30,
    });
    expect(chosenTableRef(s)).toMatchObject({ name: 'user', seed: 1, table: { name: 'iris.csv' } });
    expect(epochsOf(s)).toBe(125);
    const mnist = chooseData(s, 'mnist');
    expect([mnist.flags.table, mnist.settings.dataset, epochsOf(mnist), chosenData(mnist).name]).toEqual([
      null,
      'mnist',
      10,
      'mnist',
    ]);
    expect(chosenTableRef(mnist)).toBeNull();
    const back = chooseData(mnist, 'table');
    expect([back.flags.table, epochsOf(back)]).toEqual(['iris.csv', 125]);
    // Without a loaded table there is nothing to choose.
    expect(chooseData(initialState(), 'table')).toEqual(initialState());
  });

  it('the table’s default follows the batch size until the user sets the epochs, which are kept (a second table too)', () => {
    let s = loaded();
    s = afterSettings({ ...s, settings: { ...s.settings, batchSize: 16 } }, { batchSize: 16 });
    expect(epochsOf(s)).toBe(63); // 120 rows at batch 16: 8 steps an epoch
    s = afterSettings({ ...s, settings: { ...s.settings, epochs: 40 } }, { epochs: 40 });
    expect(s.userData.epochs.userSet).toBe(true);
    s = afterSettings({ ...s, settings: { ...s.settings, batchSize: 32 } }, { batchSize: 32 });
    expect(epochsOf(s)).toBe(40);
    // A second file, read while the table is chosen (the choice follows it), then prepared.
    s = switchData(tableState({ ...IRIS, name: 'wine.csv', train: 142 }, true, s), 'wine.csv');
    expect([s.flags.table, epochsOf(s)]).toEqual(['wine.csv', 40]);
    // Switching away and back keeps each choice's epochs.
    s = chooseData(s, 'synthetic-32');
    expect(epochsOf(s)).toBe(10);
    s = chooseData(s, 'table');
    expect(epochsOf(s)).toBe(40);
    expect(epochsOf(autoTableEpochs(s))).toBe(tableEpochs(142, 32));
    // Epochs typed for a built-in dataset are its own: the table keeps its default.
    const typed = afterSettings({ ...withTable(), settings: { ...withTable().settings, epochs: 30 } }, { epochs: 30 });
    const table = switchData(typed, 'iris.csv');
    expect([table.userData.epochs.userSet, epochsOf(table), epochsOf(chooseData(table, 'mnist'))]).toEqual([
      false,
      125,
      30,
    ]);
  });

  it('a chosen table that is not loaded, being read or refused cannot train, and says which', () => {
    const named = { ...initialState(), flags: { ...initialState().flags, table: 'iris.csv' } };
    expect(chosenData(named)).toMatchObject({ ready: false, waiting: 'missing', table: 'iris.csv' });
    expect(
      chosenData({ ...named, userData: { ...named.userData, status: 'reading', reading: 'iris.csv' } }).waiting,
    ).toBe('preparing');
    const s = loaded();
    const preparing = { ...s, userData: { ...s.userData, status: 'preparing' as const } };
    expect(chosenData(preparing)).toMatchObject({ ready: false, waiting: 'preparing' });
    const readout = {
      name: 'iris.csv',
      bytes: 1,
      hash: 'f00d',
      rows: 150,
      delimiter: ',' as const,
      headerless: false,
      columns: [],
      preview: [],
    };
    expect(chosenData({ ...s, userData: { ...s.userData, status: 'error', prepared: null, readout } }).waiting).toBe(
      'refused',
    );
    // Another table of the same page is not the chosen one.
    expect(chosenTableRef({ ...s, flags: { ...s.flags, table: 'wine.csv' } })).toBeNull();
  });

  it('a link naming a table: its epochs are the table’s, and a page without that table says so', () => {
    const link = readLink('', '#table=iris.csv&epochs=200&batch=16');
    expect(link.flags.table).toBe('iris.csv');
    const fresh = linkData({ ...initialState(link.settings, [], link.flags) }, link);
    expect(fresh.userData.epochs).toEqual({ userSet: true, stash: null });
    const notice = linkTableNotice(fresh, link);
    expect(notice.map((m) => translate('en', m.key, m.params))).toEqual([
      expect.stringContaining('This link trains your own table “iris.csv”, which is not loaded here'),
    ]);
    expect(linkTableNotice(loaded(), link)).toEqual([]);
    // On a page with the table loaded, the link's epochs stand; a link without them gets the default.
    expect(epochsOf(linkData({ ...loaded(), settings: link.settings }, link))).toBe(200);
    const bare = readLink('', '#table=iris.csv&batch=16');
    expect(epochsOf(linkData({ ...loaded(), settings: bare.settings }, bare))).toBe(63);
    // A link without a table chooses its built-in dataset.
    const mnist = readLink('', '#epochs=20');
    expect(linkData(loaded(), mnist).flags.table).toBeNull();
    expect(linkData(loaded(), mnist).userData.epochs.userSet).toBe(false);
  });

  it('an import chooses the run’s data; a snapshot the user opens chooses its dataset', () => {
    const s = loaded();
    const mnistRun = {
      ...s,
      settings: { ...s.settings, epochs: 5 },
      dataset: { name: 'mnist' as const, seed: 1, trainIndices: new Uint32Array(), valIndices: new Uint32Array() },
    };
    const afterMnist = importedData(s, mnistRun);
    expect([afterMnist.flags.table, epochsOf(afterMnist)]).toEqual([null, 5]);
    expect(epochsOf(chooseData(afterMnist, 'table'))).toBe(125); // the table's own, kept aside
    const tableRun = { ...afterMnist, settings: { ...afterMnist.settings, epochs: 77 }, dataset: chosenTableRef(s) };
    const afterTable = importedData(afterMnist, tableRun);
    expect([afterTable.flags.table, epochsOf(afterTable), afterTable.userData.epochs.userSet]).toEqual([
      'iris.csv',
      77,
      true,
    ]);
    expect(epochsOf(chooseData(afterTable, 'mnist'))).toBe(5);
    const snap = snapshotData(s, { ...s, settings: { ...s.settings, epochs: 10, dataset: 'synthetic-32' } });
    expect([snap.flags.table, epochsOf(snap), epochsOf(chooseData(snap, 'table'))]).toEqual([null, 10, 125]);
  });
});
