import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeCsv } from './csvMerge.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'csv-merge-'));
  dirs.push(d);
  return join(d, 'sub', 'r.csv');
};
const seed = (row: string) => Number(row.split(',')[0]);

describe('mergeCsv', () => {
  it('creates the file and its folder with the header, then replaces a run’s rows and keeps the others', () => {
    const file = fresh();
    mergeCsv(file, 'seed,x', (r) => seed(r) === 2, ['2,a', '2,b']);
    mergeCsv(file, 'seed,x', (r) => seed(r) === 1, ['1,c']);
    expect(readFileSync(file, 'utf8')).toBe('seed,x\n2,a\n2,b\n1,c\n');
    mergeCsv(
      file,
      'seed,x',
      (r) => seed(r) === 2,
      ['2,z'],
      (a, b) => seed(a) - seed(b),
    );
    expect(readFileSync(file, 'utf8')).toBe('seed,x\n1,c\n2,z\n');
  });
});
