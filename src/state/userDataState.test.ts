import { describe, expect, it } from 'vitest';
import type { TableProblem } from '../core/tabular';
import type { PrepProblem } from '../core/tabularPrep';
import { translate } from '../i18n/catalogue';
import { applyTableMessage, initialUserData, problemMsg, userDataRef } from './userDataState';

const en = (p: TableProblem | PrepProblem) => {
  const m = problemMsg(p);
  return translate('en', m.key, m.params);
};
const readout = { name: 'a.csv', bytes: 10, hash: 'h', rows: 12, delimiter: ',' as const, columns: ['x', 'y', 'label'].map((name) => ({ name, kind: 'numeric' as const, missing: 0, distinct: 3, nonNumericExample: null })), preview: [] };

describe('your own data: state', () => {
  it('every problem has its own sentence, with its numbers and names', () => {
    expect(en({ code: 'too-large', bytes: 60 * 2 ** 20, max: 50 * 2 ** 20 })).toBe('The file is 60.0 MB; the limit is 50.0 MB. It was not read.');
    expect(en({ code: 'ragged', row: 7, expected: 3, got: 1 })).toBe('Line 7 has 1 cell; the header has 3.');
    expect(en({ code: 'missing', columns: [{ name: 'a', count: 2 }, { name: 'b', count: 1 }] })).toContain('a (2), b (1)');
    expect(en({ code: 'non-numeric', column: 'colour', example: 'red', row: 4 })).toContain('Column “colour” holds text (“red”, line 4)');
    expect(en({ code: 'too-many-classes', label: 'id', classes: 101, max: 100 })).toContain('“id” has 101 distinct values');
    const codes: (TableProblem | PrepProblem)[] = [
      { code: 'binary' }, { code: 'empty' }, { code: 'no-header' }, { code: 'no-features' }, { code: 'one-class', label: 'y' }, { code: 'missing-label', row: 3 },
      { code: 'non-finite', column: 'x', row: 2, value: 'Infinity' }, { code: 'class-too-small', label: 'y', klass: 'z', count: 1 }, { code: 'duplicate-column', column: 'x' },
      { code: 'json-shape', detail: 'not-array' }, { code: 'too-few-rows', rows: 3, min: 10 }, { code: 'too-many-rows', rows: 100001, max: 100000 }, { code: 'too-many-features', features: 1001, max: 1000 },
    ];
    const texts = codes.map(en);
    expect(new Set(texts).size).toBe(codes.length);
    for (const t of texts) expect(t).not.toMatch(/\{|data\.problem/);
  });

  it('a read table defaults its label to the last column; older answers are dropped; a problem clears the table', () => {
    let s = { ...initialUserData(), id: 2 };
    expect(applyTableMessage(s, { type: 'read', id: 1, readout })).toBe(s);
    s = applyTableMessage(s, { type: 'read', id: 2, readout });
    expect(s).toMatchObject({ status: 'preparing', options: { label: 2 } });
    s = applyTableMessage({ ...s, id: 3 }, { type: 'problem', id: 3, problem: { code: 'one-class', label: 'label' } });
    expect(s).toMatchObject({ status: 'error', prepared: null, problem: { key: 'data.problem.one-class' } });
  });

  it('the run’s data reference: name user, the split, the table, the seed', () => {
    const table = { name: 'a.csv', hash: 'h', rows: 2, featureNames: ['x'], classNames: ['a', 'b'], x: new Float32Array(2), y: new Uint8Array(2) };
    const ref = userDataRef({ table, trainIndices: Uint32Array.from([1]), valIndices: Uint32Array.from([0]), classCounts: [1, 1], imputed: [] }, 7);
    expect(ref).toEqual({ name: 'user', seed: 7, trainIndices: Uint32Array.from([1]), valIndices: Uint32Array.from([0]), table });
  });
});
