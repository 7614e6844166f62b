import { describe, expect, it } from 'vitest';
import { prepareTable } from './tabularPrep';
import { csv, cycling, meta, opts, problem, rawTable } from './testTables';

describe('prepareTable: refusals', () => {
  it('one class only', () => {
    expect(problem(cycling(12, ['yes']))).toEqual({ code: 'one-class', label: 'label' });
  });

  it('a label column with more than 100 distinct values, checked before missing labels', () => {
    const t = cycling(
      300,
      Array.from({ length: 150 }, (_, i) => `c${i}`),
    );
    t.rows[5][0] = '';
    expect(problem(t)).toEqual({ code: 'too-many-classes', label: 'label', classes: 150, max: 100 });
    expect(
      problem(
        cycling(
          200,
          Array.from({ length: 100 }, (_, i) => `c${i}`),
        ),
      ),
    ).toBeNull();
  });

  it('a missing label, with its file line', () => {
    expect(problem(csv('label,f\n' + 'a,1\nb,2\n'.repeat(5) + 'NA,3\n'))).toEqual({ code: 'missing-label', row: 12 });
    expect(
      problem(
        rawTable(
          ['label', 'f'],
          [
            ['a', 1],
            ['a', 2],
            ['', 3],
            ['b', 4],
            ['b', 5],
          ],
        ),
      ),
    ).toEqual({ code: 'missing-label', row: 3 });
  });

  it('a class with fewer than 2 rows', () => {
    expect(
      problem(
        rawTable(
          ['label', 'f'],
          [
            ['a', 1],
            ['a', 2],
            ['b', 3],
            ['c', 4],
            ['c', 5],
          ],
        ),
      ),
    ).toEqual({ code: 'class-too-small', label: 'label', klass: 'b', count: 1 });
  });

  it('non-numeric feature values without one-hot: the first one, with its line', () => {
    const t = csv('label,x,colour\n' + 'a,1,1\nb,2,2\n'.repeat(5) + 'a,3, dark red \nb,4,blue\n');
    expect(problem(t, { label: 0 })).toEqual({ code: 'non-numeric', column: 'colour', example: 'dark red', row: 12 });
    expect(problem(t, { oneHot: true })).toBeNull();
  });

  it('NaN is missing; Infinity, -inf and overflowing values are non-finite, refused even with imputation', () => {
    const t = (v: string) => csv('label,f\n' + 'a,1\nb,2\n'.repeat(5) + `a,${v}\n`);
    for (const v of ['Infinity', '-inf', '1e999', '4e38'])
      for (const missing of ['refuse', 'impute'] as const)
        expect(problem(t(v), { missing })).toEqual({
          code: 'non-finite',
          column: 'f',
          row: 12,
          value: v,
          overflow: v === '4e38',
        });
    expect(problem(t('NaN'))).toEqual({ code: 'missing', columns: [{ name: 'f', count: 1 }] });
    expect(problem(t('NaN'), { missing: 'impute' })).toBeNull();
  });

  it('missing feature values when refused: every column with its count', () => {
    const t = rawTable(
      ['a', 'label', 'b', 'c'],
      Array.from({ length: 10 }, (_, i) => [i === 3 ? 'NA' : i, i % 2, i < 3 ? '' : i, i]),
    );
    expect(problem(t, { label: 1 })).toEqual({
      code: 'missing',
      columns: [
        { name: 'a', count: 1 },
        { name: 'b', count: 3 },
      ],
    });
  });

  it('no feature column (only the label, or every other column empty)', () => {
    expect(problem(rawTable(['label'], [['a'], ['a'], ['b'], ['b']]))).toEqual({ code: 'no-features' });
    expect(
      problem(
        rawTable(
          ['label', 'e'],
          [
            ['a', ''],
            ['a', 'NA'],
            ['b', ''],
            ['b', 'null'],
          ],
        ),
      ),
    ).toEqual({ code: 'no-features' });
  });

  it('too many features once one-hot encoded', () => {
    expect(
      problem(
        cycling(1001, ['a', 'b'], (i) => `v${i}`),
        { oneHot: true },
      ),
    ).toEqual({ code: 'too-many-features', features: 1001, max: 1000 });
  });

  it('throws on a label index that is no column, or a validation share outside (0, 1)', () => {
    expect(() => prepareTable(cycling(10, ['a', 'b']), opts({ label: 2 }), meta)).toThrow(RangeError);
    expect(() => prepareTable(cycling(10, ['a', 'b']), opts({ valFraction: 1 }), meta)).toThrow(RangeError);
  });
});
