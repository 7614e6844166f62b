import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { cellKind, parseTable, TABLE_LIMITS, type RawTable, type TableProblem } from './tabular';

const bytesOf = (s: string) => new TextEncoder().encode(s);
const parse = (s: string, name = 'data.csv') => parseTable(bytesOf(s), name);
function table(s: string, name = 'data.csv'): RawTable {
  const r = parse(s, name);
  if ('problem' in r) throw new Error(`unexpected ${JSON.stringify(r.problem)}`);
  return r.table;
}
const problem = (s: string | Uint8Array, name = 'data.csv'): TableProblem | null => {
  const r = typeof s === 'string' ? parse(s, name) : parseTable(s, name);
  return 'problem' in r ? r.problem : null;
};
/** A header and `n` rows `i,x<i>,<i % 2>`, joined with `eol`. */
const csv = (n: number, eol = '\n', d = ',') =>
  ['a', 'b', 'label'].join(d) + eol + Array.from({ length: n }, (_, i) => [i, `x${i}`, i % 2].join(d)).join(eol) + eol;

describe('parseTable: CSV', () => {
  it('reads a header, rows of text cells, the delimiter and each row’s line', () => {
    const t = table(' a , b ,label\n1, x ,0\n' + csv(9).split('\n').slice(1).join('\n'));
    expect(t.columns).toEqual(['a', 'b', 'label']);
    expect(t.rows[0]).toEqual(['1', ' x ', '0']);
    expect(t.rows).toHaveLength(10);
    expect(t.delimiter).toBe(',');
    expect(t.lines).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('accepts a UTF-8 BOM and Windows or old-Mac line endings: the same table as without', () => {
    const plain = table(csv(12));
    expect(table(`\uFEFF${csv(12)}`)).toEqual(plain);
    expect(parseTable(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytesOf(csv(12))]), 'x.csv')).toEqual({ table: plain });
    expect(table(csv(12, '\r\n'))).toEqual(plain);
    expect(table(csv(12, '\r'))).toEqual(plain);
    expect(table(`\uFEFF${csv(12, '\r\n')}`)).toEqual(plain);
  });

  it('sniffs semicolon and tab delimiters from the header line', () => {
    const plain = table(csv(10));
    const semi = table(csv(10, '\n', ';'));
    const tab = table(csv(10, '\n', '\t'));
    expect(semi.delimiter).toBe(';');
    expect(tab.delimiter).toBe('\t');
    expect({ ...semi, delimiter: ',' }).toEqual(plain);
    expect({ ...tab, delimiter: ',' }).toEqual(plain);
    // Commas inside a semicolon file's cells (decimal commas, read as points) do not win: the header decides.
    expect(table('a;b;c\n' + '1,5;2,5;x\n'.repeat(10)).rows[0]).toEqual(['1.5', '2.5', 'x']);
    // Delimiters inside quoted header names are not counted.
    expect(table('"a;b;c",d\n' + '1,2\n'.repeat(10)).columns).toEqual(['a;b;c', 'd']);
  });

  it('reads RFC 4180 quotes: embedded delimiters, "" escapes, newlines, and the lines they span', () => {
    const body = '"1,5","say ""hi""",0\r\n"two\r\nlines",  "x" ,1\n' + '3,y,0\n'.repeat(8);
    const t = table(`a,"b ""q""",label\r\n${body}`);
    expect(t.columns).toEqual(['a', 'b "q"', 'label']);
    expect(t.rows[0]).toEqual(['1,5', 'say "hi"', '0']);
    expect(t.rows[1]).toEqual(['two\nlines', 'x ', '1']);
    expect(t.lines!.slice(0, 3)).toEqual([2, 3, 5]);
    expect(problem(`a,b,label\n"x\ny",1,0\n1,2\n`)).toEqual({ code: 'ragged', row: 4, expected: 3, got: 2 });
  });

  it('ignores a trailing empty line and blank lines anywhere', () => {
    expect(table(`${csv(10)}\n\n`)).toEqual(table(csv(10)));
    expect(table(csv(10).trimEnd())).toEqual(table(csv(10)));
    const t = table(`\n\na,b\n1,2\n\n${'3,4\n'.repeat(9)}`);
    expect(t.rows).toHaveLength(10);
    expect(t.lines!.slice(0, 2)).toEqual([4, 6]);
  });

  it('refuses an empty file', () => {
    for (const s of ['', '\uFEFF', '  \n\r\n\t ', '\uFEFF\n\n']) expect(problem(s)).toEqual({ code: 'empty' });
  });

  it('refuses a file without a header row: a first line that reads like the data below it', () => {
    expect(problem('1,2,0\n3,4,1\n')).toEqual({ code: 'no-header', first: ['1', '2', '0'] });
    expect(problem('1.5;-2e3;;NA\n')).toEqual({ code: 'no-header', first: ['1.5', '-2e3', '', 'NA'] });
    expect(problem(' 7\t8 \t9\n')).toEqual({ code: 'no-header', first: ['7', '8', '9'] });
    // Iris without its header: text in the label column, but a label the rows below have.
    const iris = [
      '5.1,3.5,1.4,0.2,setosa',
      '4.9,3.0,1.4,0.2,setosa',
      '7.0,3.2,4.7,1.4,versicolor',
      '6.3,3.3,6.0,2.5,virginica',
    ];
    const headerless = [...iris, ...iris, ...iris].join('\n');
    expect(problem(headerless)).toEqual({ code: 'no-header', first: ['5.1', '3.5', '1.4', '0.2', 'setosa'] });
    // An id or name column (mostly distinct values) does not make the line a header.
    expect(
      problem(Array.from({ length: 12 }, (_, i) => `p${i},${i / 2},${i % 2 ? 'a' : 'b'}`).join('\n')),
    ).toMatchObject({ code: 'no-header' });
    // Headers: one text cell over numbers; numeric names over numbers but a label name its column lacks; all-text tables.
    expect(table(',a,label\n' + '1,2,3\n'.repeat(10)).columns).toEqual(['', 'a', 'label']);
    expect(table('0,1,2,label\n' + '3,4,5,cat\n6,7,8,dog\n'.repeat(5)).columns).toEqual(['0', '1', '2', 'label']);
    expect(table('2019,2020,label\n' + '1,2,a\n3,4,b\n'.repeat(5)).columns).toEqual(['2019', '2020', 'label']);
    expect(table('colour,size,label\n' + 'red,big,a\nblue,small,b\n'.repeat(5)).columns).toEqual([
      'colour',
      'size',
      'label',
    ]);
    expect(table('sepal length,sepal width,petal length,petal width,species\n' + headerless).rows).toHaveLength(12);
  });

  it('reads a file without a header row when asked: every line data, the columns x1, x2, …', () => {
    const iris = [
      '5.1,3.5,1.4,0.2,setosa',
      '4.9,3.0,1.4,0.2,setosa',
      '7.0,3.2,4.7,1.4,versicolor',
      '6.3,3.3,6.0,2.5,virginica',
    ];
    const text = `\n${[...iris, ...iris, ...iris].join('\n')}\n`;
    const r = parseTable(bytesOf(text), 'iris.data', { header: false });
    if ('problem' in r) throw new Error(JSON.stringify(r.problem));
    expect(r.table).toMatchObject({ columns: ['x1', 'x2', 'x3', 'x4', 'x5'], headerless: true, delimiter: ',' });
    expect(r.table.rows).toHaveLength(12);
    expect(r.table.rows[0]).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    expect(r.table.lines!.slice(0, 2)).toEqual([2, 3]);
    expect(parseTable(bytesOf('1,2\n1,2,3\n'), 'x.csv', { header: false })).toEqual({
      problem: { code: 'ragged', row: 2, expected: 2, got: 3 },
    });
    expect(parseTable(bytesOf('1,2\n'.repeat(9)), 'x.csv', { header: false })).toEqual({
      problem: { code: 'too-few-rows', rows: 9, min: 10 },
    });
  });

  it('reads decimal commas in semicolon files as numbers; other commas stay text', () => {
    const t = table(`a;b;label\n${'3,5;-,25e3;x\n1;2,;y\n'.repeat(5)}`);
    expect(t.rows[0]).toEqual(['3.5', '-.25e3', 'x']);
    expect(t.rows[1]).toEqual(['1', '2.', 'y']);
    expect(table(`a;b;label\n${'1,234,5;"red, dark";x\n'.repeat(10)}`).rows[0]).toEqual(['1,234,5', 'red, dark', 'x']);
    // A comma file keeps its quoted "3,5" as text.
    expect(table(`a,b,label\n${'"3,5",1,x\n'.repeat(10)}`).rows[0][0]).toBe('3,5');
  });

  it('a .csv or .tsv is a table whatever its first character; other names fall back to CSV when the text is not JSON', () => {
    const body = '1,2,a\n3,4,b\n'.repeat(5);
    expect(table(`[mm] length,width,label\n${body}`, 'sizes.csv').columns).toEqual(['[mm] length', 'width', 'label']);
    expect(table(`{a},b,label\n${body}`, 'braces.TSV').columns).toEqual(['{a}', 'b', 'label']);
    expect(table(`[mm] length,width,label\n${body}`, 'sizes.txt').columns).toEqual(['[mm] length', 'width', 'label']);
    expect(table(`{a},b,label\n${body}`, 'no-extension').columns).toEqual(['{a}', 'b', 'label']);
    // Broken JSON that is no table either keeps the JSON answer.
    expect(problem('[{"a": 1},', 'x.txt')).toMatchObject({ code: 'json-syntax' });
  });

  it('refuses ragged rows, naming the file line', () => {
    expect(problem('a,b,label\n1,2,0\n1,2\n')).toEqual({ code: 'ragged', row: 3, expected: 3, got: 2 });
    expect(problem('a,b\r\n1,2\r\n\r\n1,2,3\r\n')).toEqual({ code: 'ragged', row: 4, expected: 2, got: 3 });
  });

  it('refuses duplicate column names, compared trimmed', () => {
    expect(problem('a, b ,b\n1,2,3\n')).toEqual({ code: 'duplicate-column', column: 'b' });
  });

  it('refuses too many feature columns, too many rows and too few rows', () => {
    const wide = Array.from({ length: TABLE_LIMITS.maxFeatures + 2 }, (_, i) => `c${i}`).join(',');
    expect(problem(`${wide}\n`)).toEqual({ code: 'too-many-features', features: 1001, max: 1000 });
    expect(
      table(`${wide.slice(0, wide.lastIndexOf(','))}\n${`${'1,'.repeat(1000)}1\n`.repeat(10)}`).columns,
    ).toHaveLength(1001);
    expect(problem(`a,b\n${'1,2\n'.repeat(TABLE_LIMITS.maxRows + 1)}`)).toEqual({
      code: 'too-many-rows',
      rows: 100_001,
      max: 100_000,
    });
    expect(table(`a,b\n${'1,2\n'.repeat(TABLE_LIMITS.maxRows)}`).rows).toHaveLength(100_000);
    expect(problem(csv(9))).toEqual({ code: 'too-few-rows', rows: 9, min: 10 });
    expect(problem('a,b\n')).toEqual({ code: 'too-few-rows', rows: 0, min: 10 });
  });
});

describe('parseTable: size and binary checks', () => {
  it('refuses a file over the size limit before decoding it (its bytes are invalid, the answer is still too-large, fast)', () => {
    const max = TABLE_LIMITS.maxBytes;
    const buffer = new Uint8Array(max + 64).fill(0xff);
    buffer.set(bytesOf(csv(10)), 0);
    const view = new Uint8Array(buffer.buffer, 8, max + 1);
    const start = performance.now();
    expect(problem(view)).toEqual({ code: 'too-large', bytes: max + 1, max });
    expect(performance.now() - start).toBeLessThan(50);
    // The same bytes under the limit are binary, so only the size check can have answered above.
    expect(problem(new Uint8Array(buffer.buffer, 8, 1000))).toEqual({ code: 'binary' });
    // The view's length counts, not its buffer's: a small view of the big buffer parses.
    expect(parseTable(buffer.subarray(0, bytesOf(csv(10)).length), 'x.csv')).toEqual({ table: table(csv(10)) });
  });

  it('refuses binary files: NUL bytes, invalid UTF-8, UTF-16', () => {
    expect(problem(Uint8Array.from([...bytesOf(csv(10)), 0, 65]))).toEqual({ code: 'binary' });
    expect(problem(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ code: 'binary' });
    expect(problem(Uint8Array.from([...bytesOf('a,b\n'), 0xc3, 0x28, 10]))).toEqual({ code: 'binary' });
    expect(problem(Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]))).toEqual({ code: 'binary' });
    const late = bytesOf(csv(5000));
    late[late.length - 2] = 0xfe;
    expect(problem(late)).toEqual({ code: 'binary' });
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

  it('does not mutate its input', () => {
    const bytes = bytesOf(`\uFEFF${csv(10, '\r\n')}`);
    const copy = bytes.slice();
    parseTable(bytes, 'x.csv');
    expect(bytes).toEqual(copy);
  });
});

describe('cellKind', () => {
  it('tells missing, finite numbers, non-finite numbers and text apart', () => {
    for (const c of ['', 'NA', 'na', 'NaN', 'nan', 'NULL', 'null']) expect(cellKind(c), c).toBe('missing');
    for (const c of ['0', '-3', '+4.', '.5', '1e-3', '2.5E+10', '3.4e38']) expect(cellKind(c), c).toBe('number');
    for (const c of ['Infinity', '-inf', '+INF', 'infinity', '1e999', '-4e38'])
      expect(cellKind(c), c).toBe('non-finite');
    for (const c of ['red', '0x10', '1,5', '1_000', '1e', '.', 'N/A', '- 1']) expect(cellKind(c), c).toBe('text');
  });
});

describe('parseTable: fuzzing (what an independent fuzzer tried, kept covered)', () => {
  const rng = createRng(2525);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
  const iris = [
    '5.1,3.5,1.4,0.2,setosa',
    '4.9,3.0,1.4,0.2,setosa',
    '7.0,3.2,4.7,1.4,versicolor',
    '6.3,3.3,6.0,2.5,virginica',
  ];
  const SEEDS = [
    `sepal length,sepal width,petal length,petal width,species\n${[...iris, ...iris, ...iris].join('\n')}\n`,
    [...iris, ...iris, ...iris].join('\r\n'),
    `[mm] length;{w};label\n${'3,5;1,25;a\n4;-,5e3;b\n'.repeat(6)}`,
    `"a ""q""",b\tc,\u200Blabel\u202E\n${'1,"x\ny",0\n'.repeat(11)}`,
    JSON.stringify(
      Array.from({ length: 12 }, (_, i) => ({
        __proto__x: i,
        constructor: i % 3,
        label: i % 2 ? '<script>alert(1)</script>' : '=cmd|calc',
      })),
    ),
    `a,b,label\n${'1e308,1e400,x\nNaN,Infinity,y\n'.repeat(6)}`,
  ];
  const PIECES = [
    ',',
    ';',
    '\t',
    '"',
    '\n',
    '\r',
    '[',
    '{',
    '}',
    ']',
    ':',
    '1e308',
    '\u00A0',
    'ä',
    '\uFEFF',
    'NA',
    '<b>',
    '</b>',
    '=1+1',
    '__proto__',
  ];

  it('never throws on 3,000 mutated files; every table is well formed; every refusal is a known problem', () => {
    const codes = new Set([
      'too-large',
      'binary',
      'empty',
      'no-header',
      'ragged',
      'too-many-rows',
      'too-many-features',
      'duplicate-column',
      'json-syntax',
      'json-not-array',
      'json-record',
      'too-few-rows',
    ]);
    for (let k = 0; k < 3000; k++) {
      let s = pick(SEEDS);
      for (let m = 1 + Math.floor(rng.next() * 4); m > 0; m--) {
        const at = Math.floor(rng.next() * (s.length + 1));
        const op = rng.next();
        s =
          op < 0.35
            ? s.slice(0, at) + s.slice(at + 1 + Math.floor(rng.next() * 5))
            : op < 0.85
              ? s.slice(0, at) + pick(PIECES) + s.slice(at)
              : s.slice(0, at);
      }
      const name = pick(['t.csv', 't.tsv', 't.json', 't.txt', 't', 'a</b>x.CSV']);
      for (const header of [true, false]) {
        const r = parseTable(bytesOf(s), name, { header });
        if ('problem' in r) {
          expect(codes.has(r.problem.code), `${r.problem.code} for ${JSON.stringify(s)}`).toBe(true);
          continue;
        }
        const t = r.table;
        expect(new Set(t.columns).size).toBe(t.columns.length);
        expect(t.rows.length).toBeGreaterThanOrEqual(TABLE_LIMITS.minRows);
        for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
        if (t.lines) for (let i = 1; i < t.lines.length; i++) expect(t.lines[i]).toBeGreaterThan(t.lines[i - 1]);
        if (t.headerless) expect(t.columns).toEqual(t.columns.map((_, c) => `x${c + 1}`));
      }
    }
    // Nothing leaked onto Object.prototype from keys such as __proto__ or constructor.
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
