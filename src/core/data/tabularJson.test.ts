import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { parseTable, TABLE_LIMITS, type RawTable, type TableProblem } from './tabular';
import { jsonErrorAt, lineColumn } from './tabularJson';

const bytesOf = (s: string) => new TextEncoder().encode(s);
function table(s: string, name: string): RawTable {
  const r = parseTable(bytesOf(s), name);
  if ('problem' in r) throw new Error(`unexpected ${JSON.stringify(r.problem)}`);
  return r.table;
}
const problem = (s: string, name: string): TableProblem | null => {
  const r = parseTable(bytesOf(s), name);
  return 'problem' in r ? r.problem : null;
};

const valid = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorAt: where a file stops being JSON', () => {
  it('points at the first wrong character, or the end when the text stops too soon', () => {
    const cases: [string, number][] = [
      ['[{"a": 1}, {"a": }]', 17],
      ['[1, 2,]', 6],
      ['{"a" 1}', 5],
      ['{a: 1}', 1],
      ['[1, 2', 5],
      ['"abc', 4],
      ['[01]', 2],
      ['[1] x', 4],
      ['["\\x"]', 2],
      ['[tru]', 1],
      ['', 0],
    ];
    for (const [text, at] of cases) expect(jsonErrorAt(text), text).toBe(at);
    for (const text of ['[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '[[[]]]', '"x"', '0'])
      expect(jsonErrorAt(text), text).toBe(-1);
  });

  it('agrees with JSON.parse on thousands of mutated documents', () => {
    const rng = createRng(25);
    const rand = () => rng.next();
    const base = JSON.stringify([
      { size: 1.5, colour: 'red', ok: true, note: null },
      { size: -2e-3, colour: 'bl"ue', ok: false, note: 'a\nb' },
    ]);
    const pieces = ['[', ']', '{', '}', ',', ':', '"', '\\', '1', '-', 'e', '.', ' ', '\n', 'true', 'nul', 'x'];
    for (let k = 0; k < 5000; k++) {
      let s = base;
      for (let m = 1 + Math.floor(rand() * 3); m > 0; m--) {
        const at = Math.floor(rand() * (s.length + 1));
        const op = rand();
        s =
          op < 0.4
            ? s.slice(0, at) + s.slice(at + 1)
            : op < 0.8
              ? s.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + s.slice(at)
              : s.slice(0, at);
      }
      const at = jsonErrorAt(s);
      expect(at === -1, s).toBe(valid(s));
      // The text before the error has no error of its own: cut there, it ends too soon or is complete.
      if (at > 0) expect([at, -1], s).toContain(jsonErrorAt(s.slice(0, at)));
    }
  });

  it('survives a deeply nested file', () => {
    expect(jsonErrorAt('['.repeat(1_000_000))).toBe(1_000_000);
    expect(jsonErrorAt(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(-1);
  });

  it('lineColumn counts \\n, \\r\\n and \\r line ends', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\r\ncd\rx', 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('parseTable: JSON', () => {
  const records = Array.from({ length: 10 }, (_, i) => ({
    size: i / 10,
    colour: i % 2 ? 'red' : 'blue',
    ok: i % 3 === 0,
    note: i === 4 ? null : `n${i}`,
  }));

  it('reads an array of flat records: first record’s keys as columns, numbers stringified exactly, null → ""', () => {
    const t = table(`  \n${JSON.stringify(records)}`, 'records.txt');
    expect(t.delimiter).toBe('json');
    expect(t.columns).toEqual(['size', 'colour', 'ok', 'note']);
    expect(t.rows[0]).toEqual(['0', 'blue', 'true', 'n0']);
    expect(t.rows[3]).toEqual(['0.3', 'red', 'true', 'n3']);
    expect(t.rows[4][3]).toBe('');
    expect(t.lines).toBeUndefined();
    // Key order may differ between records; 1e999 overflows to Infinity (refused later as non-finite).
    const reordered = records.map(({ size, colour, ok, note }, i) =>
      i === 2 ? { note, ok, colour, size } : { size, colour, ok, note },
    );
    expect(table(JSON.stringify(reordered), 'x.json').rows).toEqual(t.rows);
    expect(
      table(
        `[${'{"v": 1e999, "w": 12345678901234567890, "l": "a"},'.repeat(9)}{"v": -1.5e-7, "w": 0.1, "l": "b"}]`,
        'x.json',
      ).rows.slice(8),
    ).toEqual([
      ['Infinity', '12345678901234567000', 'a'],
      ['-1.5e-7', '0.1', 'b'],
    ]);
  });

  it('is chosen by a .json name, or a leading [ or { when the name is neither .csv nor .tsv', () => {
    expect(problem('{"a": 1}', 'x.txt')).toEqual({ code: 'json-not-array', got: 'object' });
    expect(problem('a,b\n1,2\n', 'DATA.JSON')).toEqual({ code: 'json-syntax', line: 1, column: 1 });
    expect(problem('\uFEFF []', 'x')).toEqual({ code: 'empty' });
  });

  it('refuses bad JSON shapes, naming the record and key', () => {
    const bad = (edit: (r: Record<string, unknown>[]) => unknown) =>
      problem(JSON.stringify(edit(structuredClone(records))), 'x.json');
    expect(problem('[{"a": 1},\n  {"a": }]', 'x.json')).toEqual({ code: 'json-syntax', line: 2, column: 9 });
    expect(bad(() => 7)).toEqual({ code: 'json-not-array', got: 'number' });
    expect(bad((r) => [[1, 2], ...r])).toEqual({ code: 'json-record', record: 1, issue: 'not-object', got: 'array' });
    expect(bad((r) => [...r.slice(0, 2), 'x', ...r.slice(2)])).toEqual({
      code: 'json-record',
      record: 3,
      issue: 'not-object',
      got: 'string',
    });
    expect(bad((r) => [{}, ...r])).toEqual({ code: 'json-record', record: 1, issue: 'no-keys' });
    expect(bad((r) => (delete r[5].colour, r))).toEqual({
      code: 'json-record',
      record: 6,
      issue: 'missing',
      key: 'colour',
    });
    expect(bad((r) => ((r[1].shape = 'round'), r))).toEqual({
      code: 'json-record',
      record: 2,
      issue: 'extra',
      key: 'shape',
    });
    expect(bad((r) => ((r[7].note = { text: 'x' }), r))).toEqual({
      code: 'json-record',
      record: 8,
      issue: 'nested',
      key: 'note',
      got: 'object',
    });
    expect(bad((r) => ((r[0].note = [1]), r))).toEqual({
      code: 'json-record',
      record: 1,
      issue: 'nested',
      key: 'note',
      got: 'array',
    });
    expect(bad((r) => r.map(({ size, ...rest }) => ({ ...rest, ' size ': size, size })))).toEqual({
      code: 'duplicate-column',
      column: 'size',
    });
    expect(bad((r) => r.slice(0, 9))).toEqual({ code: 'too-few-rows', rows: 9, min: 10 });
    expect(problem(`[${'{"a":1},'.repeat(TABLE_LIMITS.maxRows)}{"a":1}]`, 'x.json')).toEqual({
      code: 'too-many-rows',
      rows: 100_001,
      max: 100_000,
    });
  });
});
