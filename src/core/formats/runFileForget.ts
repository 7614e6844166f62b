/**
 * The `forget` section of run.json (version 4; see runFile.ts): what pruning forgets at the recorded mask,
 * on the validation split. Per class, in class order: its name, how many validation samples it has, and
 * their accuracy dense and pruned (null for a class without samples); the sample numbers the pruned
 * network gets wrong that the dense one got right (`forgotten`, the largest drop in the true class's
 * probability first) and the reverse (`newlyRight`). Older versions have none (null). Throws `Invalid`
 * with the first problem, naming the field. Pure.
 */
import { fail, int, list, num, obj, str } from '../base';

export interface RunForget {
  classNames: string[];
  count: number[];
  dense: number[];
  pruned: number[];
  forgotten: number[];
  newlyRight: number[];
}

/** A class name's longest length (a user's table's class names are values of its label column). */
const CLASS_NAME_MAX = 1024;

/** The section as written: plain arrays, null for a class's accuracy that is not a number. */
export const forgetJson = (f: RunForget) => ({
  classNames: [...f.classNames],
  count: [...f.count],
  dense: f.dense.map((v) => (Number.isFinite(v) ? v : null)),
  pruned: f.pruned.map((v) => (Number.isFinite(v) ? v : null)),
  forgotten: [...f.forgotten],
  newlyRight: [...f.newlyRight],
});

/**
 * The validated section (fresh arrays): one entry per class (`classes`, the output layer's units), counts
 * summing to the validation split's size, accuracies in 0..1 (null → NaN), and forgotten and newly right
 * sample numbers that are distinct validation samples (`valIndices`). Null stays null.
 */
export function runForget(v: unknown, classes: number, valIndices: Uint32Array): RunForget | null {
  if (v === null || v === undefined) return null;
  const o = obj(v, 'forget');
  const perClass = <T>(k: string, each: (x: unknown, path: string) => T): T[] => {
    const a = list(o[k], `forget.${k}`);
    if (a.length !== classes) fail(`forget.${k} has ${a.length} entries, expected ${classes} (one per class)`);
    return a.map((x, i) => each(x, `forget.${k}[${i}]`));
  };
  const classNames = perClass('classNames', (x, p) => str(x, p, CLASS_NAME_MAX));
  const count = perClass('count', (x, p) => {
    const n = int(x, p);
    return n >= 0 ? n : fail(`${p} is ${n}, expected a count ≥ 0`);
  });
  const total = count.reduce((a, b) => a + b, 0);
  if (total !== valIndices.length)
    fail(`forget.count sums to ${total}, expected ${valIndices.length} (the validation samples)`);
  const dense = perClass('dense', (x, p) => num(x, p, 0, 1, true));
  const pruned = perClass('pruned', (x, p) => num(x, p, 0, 1, true));
  const valid = new Set(valIndices);
  const seen = new Set<number>();
  const samples = (k: 'forgotten' | 'newlyRight') =>
    list(o[k], `forget.${k}`).map((x, i) => {
      const p = `forget.${k}[${i}]`;
      const s = int(x, p);
      if (!valid.has(s)) fail(`${p} is ${s}, which is not a validation sample (data.valIndices)`);
      if (seen.has(s)) fail(`${p} is ${s}, listed twice in forget.forgotten and forget.newlyRight`);
      seen.add(s);
      return s;
    });
  return { classNames, count, dense, pruned, forgotten: samples('forgotten'), newlyRight: samples('newlyRight') };
}
