import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { parseTable, TABLE_LIMITS } from './tabular';

const bytesOf = (s: string) => new TextEncoder().encode(s);

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
