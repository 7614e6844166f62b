import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { applyTableMessage, initialUserData, userDataRef } from './userDataState';

const readout = {
  name: 'a.csv',
  bytes: 10,
  hash: 'h',
  rows: 12,
  delimiter: ',' as const,
  headerless: false,
  columns: ['x', 'y', 'label'].map((name) => ({
    name,
    kind: 'numeric' as const,
    missing: 0,
    distinct: 3,
    nonNumericExample: null,
  })),
  preview: [],
};

describe('your own data: state', () => {
  it('a read table defaults its label to the last column; older answers are dropped; a problem clears the table', () => {
    let s = { ...initialUserData(), id: 2 };
    expect(applyTableMessage(s, { type: 'read', id: 1, readout })).toBe(s);
    s = applyTableMessage(s, { type: 'read', id: 2, readout });
    expect(s).toMatchObject({ status: 'preparing', options: { label: 2 } });
    s = applyTableMessage({ ...s, id: 3 }, { type: 'problem', id: 3, problem: { code: 'one-class', label: 'label' } });
    expect(s).toMatchObject({ status: 'error', prepared: null, problem: { key: 'data.problem.one-class' } });
  });

  it('a file refused by the reader names itself and keeps the table before; one refused for its first line can be read without a header', () => {
    const prepared = {
      table: {
        name: 'good.csv',
        hash: 'g',
        rows: 30,
        featureNames: ['x'],
        classNames: ['a', 'b'],
        x: new Float32Array(30),
        y: new Uint8Array(30),
      },
      trainIndices: new Uint32Array(24),
      valIndices: new Uint32Array(6),
      classCounts: [15, 15],
      imputed: [],
    };
    const good = {
      ...initialUserData(),
      id: 4,
      status: 'ready' as const,
      readout: { ...readout, name: 'good.csv' },
      prepared,
    };
    const reading = { ...good, id: 5, status: 'reading' as const, reading: 'iris.data' };
    const refused = applyTableMessage(reading, {
      type: 'problem',
      id: 5,
      problem: { code: 'no-header', first: ['5.1', '3.5', 'setosa'] },
    });
    expect(refused).toMatchObject({
      status: 'ready',
      prepared,
      readout: { name: 'good.csv' },
      reading: null,
      headerless: 'iris.data',
    });
    expect(translate('en', refused.problem!.key, refused.problem!.params)).toBe(
      'iris.data was not loaded: The first line (5.1, 3.5, setosa) reads like data, not like column names: add a header row, or read every line as data.',
    );
    // Any other refusal withdraws the offer; so does the next file read.
    const ragged = applyTableMessage(
      { ...refused, id: 6, status: 'reading', reading: 'bad.csv' },
      { type: 'problem', id: 6, problem: { code: 'ragged', row: 3, expected: 3, got: 2 } },
    );
    expect(ragged).toMatchObject({
      headerless: null,
      prepared,
      problem: { key: 'data.refused', params: { name: 'bad.csv' } },
    });
    expect(
      applyTableMessage({ ...refused, id: 7 }, { type: 'read', id: 7, readout: { ...readout, headerless: true } })
        .headerless,
    ).toBeNull();
  });

  it('a prepared JSON table names its rows as records, a CSV as lines', () => {
    const json = { ...initialUserData(), id: 3, readout: { ...readout, delimiter: 'json' as ',' | 'json' } };
    const words = (s: typeof json) => {
      const p = applyTableMessage(s, { type: 'problem', id: 3, problem: { code: 'missing-label', row: 6 } }).problem!;
      return translate('en', p.key, p.params);
    };
    expect(words(json)).toBe('The label is missing on record 6.');
    expect(words({ ...json, readout })).toBe('The label is missing on line 6.');
  });

  it('the run’s data reference: name user, the split, the table, the seed', () => {
    const table = {
      name: 'a.csv',
      hash: 'h',
      rows: 2,
      featureNames: ['x'],
      classNames: ['a', 'b'],
      x: new Float32Array(2),
      y: new Uint8Array(2),
    };
    const ref = userDataRef(
      {
        table,
        trainIndices: Uint32Array.from([1]),
        valIndices: Uint32Array.from([0]),
        classCounts: [1, 1],
        imputed: [],
      },
      7,
    );
    expect(ref).toEqual({
      name: 'user',
      seed: 7,
      trainIndices: Uint32Array.from([1]),
      valIndices: Uint32Array.from([0]),
      table,
    });
  });
});
