import { describe, expect, it } from 'vitest';
import { describeColumns } from './tableColumns';
import { csv } from './testTables';

describe('describeColumns', () => {
  it('reports kind, missing cells (NA, NaN, null, blank), distinct values up to 101 and a non-numeric example', () => {
    const t = csv(
      'n,c,e,big,inf\n' +
        Array.from(
          { length: 150 },
          (_, i) =>
            `${i % 3 ? i : ['NA', 'nan', ' NULL '][i % 9 === 0 ? 0 : i % 9 === 3 ? 1 : 2]},${i % 2 ? 'red' : 5}, ,${i},${i === 7 ? '-inf' : i}`,
        ).join('\n'),
    );
    expect(describeColumns(t)).toEqual([
      { name: 'n', kind: 'numeric', missing: 50, distinct: 100, nonNumericExample: null },
      { name: 'c', kind: 'categorical', missing: 0, distinct: 2, nonNumericExample: 'red' },
      { name: 'e', kind: 'empty', missing: 150, distinct: 0, nonNumericExample: null },
      { name: 'big', kind: 'numeric', missing: 0, distinct: 101, nonNumericExample: null },
      { name: 'inf', kind: 'numeric', missing: 0, distinct: 101, nonNumericExample: null },
    ]);
  });
});
