import { describe, expect, it } from 'vitest';
import { parseRun, serializeRun } from './runFile';
import type { RunForget } from './runFileForget';
import { makeRun } from './testRun';

const base = makeRun('synthetic-32', 3);
const val = Array.from(base.data.valIndices);
const forget: RunForget = {
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
  count: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  dense: [0.9, 0.95, 1, 0.5, 0.25, 0.75, 0.8, 0.85, NaN, 0],
  pruned: [0.8, 0.95, 1, 0.5, 0.25, 0.75, 0.8, 0.85, NaN, 0.005],
  forgotten: [val[5], val[0], val[17]],
  newlyRight: [val[3]],
};
const withForget = { ...base, forget };
const text = serializeRun(withForget);
const errorOf = (change: (f: Record<string, unknown> & { forget: Record<string, unknown[]> }) => void) => {
  const f = JSON.parse(text);
  change(f);
  const res = parseRun(JSON.stringify(f));
  return res.ok ? '' : res.error;
};

describe('run file: what pruning forgets (version 4)', () => {
  it('reads back per-class accuracy with class names and the forgotten sample numbers, in order', () => {
    const res = parseRun(text);
    if (!res.ok) throw new Error(res.error);
    expect(res.run.forget).toEqual(forget); // NaN written as null, read back as NaN
    expect(JSON.parse(text).forget.dense[8]).toBeNull();
  });

  it('reads a file without it (null), and version 3 files as before', () => {
    const none = parseRun(serializeRun(base));
    expect(none.ok && none.run.forget).toBeNull();
    const v3 = JSON.parse(text);
    v3.format = 'gradient-pruning-lab/run@3';
    const old = parseRun(JSON.stringify(v3));
    expect(old.ok && old.run.forget).toBeNull(); // a version 3 file knows nothing of it
    expect(old.ok && old.run.hidden).toEqual([64, 32]);
  });

  it('names what is wrong', () => {
    expect(errorOf((f) => f.forget.classNames.pop())).toBe(
      'forget.classNames has 9 entries, expected 10 (one per class)',
    );
    expect(errorOf((f) => (f.forget.count[0] = 199))).toBe(
      'forget.count sums to 1999, expected 2000 (the validation samples)',
    );
    expect(errorOf((f) => (f.forget.dense[1] = 1.5))).toBe('forget.dense[1] is 1.5, expected a number in 0..1');
    expect(errorOf((f) => (f.forget.forgotten[1] = Array.from(base.data.trainIndices)[0]))).toMatch(
      /^forget.forgotten\[1\] is \d+, which is not a validation sample \(data.valIndices\)$/,
    );
    expect(errorOf((f) => f.forget.newlyRight.push(f.forget.forgotten[0]))).toMatch(
      /^forget.newlyRight\[1\] is \d+, listed twice/,
    );
    expect(errorOf((f) => (f.forget = 3 as never))).toBe('forget must be an object, got 3');
  });
});
