import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { jsonErrorAt, lineColumn } from './tabularJson';

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
