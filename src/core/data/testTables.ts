/** Small tables for the tests of a table's preparation (`tabularPrep.ts`), and `prepareTable` called on them. */
import { parseTable, type RawTable } from './tabular';
import { prepareTable, type PrepOptions, type PreparedTable, type PrepProblem } from './tabularPrep';

export const meta = { name: 'table.csv', hash: 'h' };
export const opts = (o: Partial<PrepOptions> = {}): PrepOptions => ({
  label: 0,
  oneHot: false,
  missing: 'refuse',
  seed: 1,
  ...o,
});
/** A CSV text parsed (so rows carry their file lines). */
export function csv(text: string): RawTable {
  const r = parseTable(new TextEncoder().encode(text), 'table.csv');
  if ('problem' in r) throw new Error(JSON.stringify(r.problem));
  return r.table;
}
export const rawTable = (columns: string[], rows: (string | number)[][]): RawTable => ({
  columns,
  rows: rows.map((r) => r.map(String)),
  delimiter: ',',
});
export function prepared(t: RawTable, o: Partial<PrepOptions> = {}): PreparedTable {
  const r = prepareTable(t, opts(o), meta);
  if ('problem' in r) throw new Error(JSON.stringify(r.problem));
  return r.data;
}
export const problem = (t: RawTable, o: Partial<PrepOptions> = {}): PrepProblem | null => {
  const r = prepareTable(t, opts(o), meta);
  return 'problem' in r ? r.problem : null;
};
/** `n` rows `label, feature` with labels cycling through `classes`. */
export const cycling = (n: number, classes: string[], feature = (i: number): string | number => i) =>
  rawTable(
    ['label', 'f'],
    Array.from({ length: n }, (_, i) => [classes[i % classes.length], feature(i)]),
  );
