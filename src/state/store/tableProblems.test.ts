import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/base';
import { parseTable, type TableProblem, prepareTable, type PrepProblem } from '../../core/data';
import { translate } from '../../i18n/catalogue';
import { LOCALES, type Locale } from '../../i18n/format';
import { EXCERPT, excerpt, problemMsg, type RowUnit } from './tableProblems';

const words = (p: TableProblem | PrepProblem, locale: Locale = 'en', unit: RowUnit = 'line') => {
  const m = problemMsg(p, unit);
  return translate(locale, m.key, m.params);
};

/** One of every problem the reader and the preparation can give. */
const EVERY: (TableProblem | PrepProblem)[] = [
  { code: 'too-large', bytes: 60 * 2 ** 20, max: 50 * 2 ** 20 },
  { code: 'too-large', bytes: 50 * 2 ** 20 + 1, max: 50 * 2 ** 20 },
  { code: 'binary' },
  { code: 'empty' },
  { code: 'no-header', first: ['5.1', 'setosa'] },
  { code: 'ragged', row: 7, expected: 3, got: 1 },
  { code: 'too-many-rows', rows: 100001, max: 100000 },
  { code: 'too-many-features', features: 1001, max: 1000 },
  { code: 'duplicate-column', column: 'x' },
  { code: 'json-syntax', line: 3, column: 5 },
  { code: 'json-syntax', line: null, column: null },
  { code: 'json-not-array', got: 'object' },
  { code: 'json-record', record: 3, issue: 'not-object', got: 'string' },
  { code: 'json-record', record: 1, issue: 'no-keys' },
  { code: 'json-record', record: 6, issue: 'missing', key: 'b' },
  { code: 'json-record', record: 2, issue: 'extra', key: 'c' },
  { code: 'json-record', record: 8, issue: 'nested', key: 'note', got: 'array' },
  { code: 'too-few-rows', rows: 3, min: 10 },
  { code: 'one-class', label: 'y' },
  { code: 'too-many-classes', label: 'id', classes: 101, max: 100 },
  { code: 'non-numeric', column: 'colour', example: 'red', row: 4 },
  {
    code: 'missing',
    columns: [
      { name: 'a', count: 2 },
      { name: 'b', count: 1 },
    ],
  },
  { code: 'missing-label', row: 3 },
  { code: 'non-finite', column: 'x', row: 2, value: 'Infinity', overflow: false },
  { code: 'non-finite', column: 'x', row: 2, value: '1e308', overflow: true },
  { code: 'no-features' },
  { code: 'class-too-small', label: 'y', klass: 'z', count: 1 },
];

describe('a refused table in words', () => {
  it('every problem has a sentence of its own in each language, with no placeholder, key or internal code', () => {
    for (const locale of LOCALES) {
      const texts = EVERY.map((p) => words(p, locale));
      expect(new Set(texts).size, locale).toBe(EVERY.length);
      for (const t of texts) {
        expect(t).not.toMatch(/[{}]|data\.[a-z]|…$/);
        // No code of the reader in the text: json-record, not-object, no-keys, not-array…
        expect(t).not.toMatch(/json-|not-object|no-keys|not-array|\(syntax\)|\(record /);
      }
    }
  });

  it('sizes that round to the limit are given in exact bytes', () => {
    expect(words({ code: 'too-large', bytes: 60 * 2 ** 20, max: 50 * 2 ** 20 })).toBe(
      'The file is 60.0 MB; the limit is 50 MB. It was not read.',
    );
    expect(words({ code: 'too-large', bytes: 52_428_801, max: 52_428_800 })).toBe(
      'The file is 52,428,801 bytes; the limit is 52,428,800 bytes. It was not read.',
    );
    expect(words({ code: 'too-large', bytes: 52_428_801, max: 52_428_800 }, 'zh-CN')).toBe(
      '文件大小为 52,428,801 字节，上限是 52,428,800 字节。未读取该文件。',
    );
  });

  it('rows are lines in a CSV and records in JSON; an overflow is not called infinite', () => {
    expect(words({ code: 'non-numeric', column: 'colour', example: 'red', row: 4 })).toContain(
      'Column “colour” holds text (“red”, line 4)',
    );
    expect(words({ code: 'non-numeric', column: 'colour', example: 'red', row: 4 }, 'en', 'record')).toContain(
      '(“red”, record 4)',
    );
    expect(words({ code: 'missing-label', row: 6 }, 'zh-CN', 'record')).toBe('第 6 条记录没有标签。');
    expect(words({ code: 'non-finite', column: 'x', row: 2, value: '1e308', overflow: true })).toBe(
      'Column “x” has “1e308” on line 2: too large for the network’s 32-bit numbers (at most about 3.4e38). Fix or remove it.',
    );
    expect(words({ code: 'non-finite', column: 'x', row: 2, value: '-inf', overflow: false })).toContain(
      'an infinite value “-inf” on line 2',
    );
    expect(words({ code: 'json-record', record: 6, issue: 'missing', key: 'b' })).toBe(
      'Record 6 has no “b”, which the first record has: every record needs the same keys.',
    );
    expect(words({ code: 'json-syntax', line: 3, column: 5 })).toBe(
      'This is not valid JSON: it goes wrong at line 3, column 5.',
    );
  });

  it('quotes a huge cell, name or key by a short excerpt', () => {
    const huge = 'ab'.repeat(500_000);
    for (const p of [
      { code: 'non-numeric', column: huge, example: huge, row: 2 },
      { code: 'non-finite', column: 'x', row: 2, value: `1${'0'.repeat(1_000_000)}`, overflow: true },
      { code: 'duplicate-column', column: huge },
      { code: 'json-record', record: 2, issue: 'extra', key: huge },
      { code: 'no-header', first: [huge, huge] },
    ] as (TableProblem | PrepProblem)[]) {
      expect(words(p).length, p.code).toBeLessThan(300);
      expect(words(p)).toContain('…');
    }
    expect(excerpt('short')).toBe('short');
    // Cut by code points: an emoji is never split into half a surrogate pair.
    const emoji = '😀'.repeat(EXCERPT + 5);
    expect(Array.from(excerpt(emoji))).toHaveLength(EXCERPT);
    expect(excerpt(emoji).endsWith('😀…')).toBe(true);
  });
});

describe('a refused table in words: fuzzing', () => {
  it('every refusal of 2,000 mutated files reads as words in both languages: short, no placeholder, key or code', () => {
    const rng = createRng(2526);
    const pieces = [',', ';', '"', '\n', '[', '{', '}', ':', 'x'.repeat(5000), '1e308', 'NA', '<b>'];
    const base = [
      `a,b,label\n${'1,2,x\n3,4,y\n'.repeat(6)}`,
      JSON.stringify(Array.from({ length: 12 }, (_, i) => ({ a: i, b: `k${'y'.repeat(3000)}`, label: i % 2 }))),
    ];
    for (let k = 0; k < 2000; k++) {
      let s = base[k % 2];
      for (let m = 1 + Math.floor(rng.next() * 3); m > 0; m--) {
        const at = Math.floor(rng.next() * (s.length + 1));
        s =
          rng.next() < 0.5
            ? s.slice(0, at) + s.slice(at + 1)
            : s.slice(0, at) + pieces[Math.floor(rng.next() * pieces.length)] + s.slice(at);
      }
      const r = parseTable(new TextEncoder().encode(s), k % 2 ? 'x.json' : 'x.csv');
      const prepared =
        'problem' in r
          ? null
          : prepareTable(
              r.table,
              { label: r.table.columns.length - 1, oneHot: false, missing: 'refuse', seed: 1 },
              { name: 'x', hash: 'h' },
            );
      const p = 'problem' in r ? r.problem : prepared && 'problem' in prepared ? prepared.problem : null;
      if (!p) continue;
      for (const locale of LOCALES) {
        const t = words(p, locale, k % 2 ? 'record' : 'line');
        expect(t.length, t).toBeLessThan(400);
        // The values quoted are the file's (braces and all); a placeholder is a parameter's name in braces.
        expect(t).not.toMatch(
          /\{(?:column|example|where|value|row|record|key|got|label|klass|count|first|size|exact|max|rows|min|features|line|n)\}|data\.[a-z]|json-|not-object|no-keys|not-array/,
        );
      }
    }
  });
});
