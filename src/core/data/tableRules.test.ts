import { describe, expect, it } from 'vitest';
import { cellKind } from './tableRules';

describe('cellKind', () => {
  it('tells missing, finite numbers, non-finite numbers and text apart', () => {
    for (const c of ['', 'NA', 'na', 'NaN', 'nan', 'NULL', 'null']) expect(cellKind(c), c).toBe('missing');
    for (const c of ['0', '-3', '+4.', '.5', '1e-3', '2.5E+10', '3.4e38']) expect(cellKind(c), c).toBe('number');
    for (const c of ['Infinity', '-inf', '+INF', 'infinity', '1e999', '-4e38'])
      expect(cellKind(c), c).toBe('non-finite');
    for (const c of ['red', '0x10', '1,5', '1_000', '1e', '.', 'N/A', '- 1']) expect(cellKind(c), c).toBe('text');
  });
});
