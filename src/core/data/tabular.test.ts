import { describe, expect, it } from 'vitest';
import { parseTable, TABLE_LIMITS, type RawTable, type TableProblem } from './tabular';

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

  it('does not mutate its input', () => {
    const bytes = bytesOf(`\uFEFF${csv(10, '\r\n')}`);
    const copy = bytes.slice();
    parseTable(bytes, 'x.csv');
    expect(bytes).toEqual(copy);
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
