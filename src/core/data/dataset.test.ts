import { describe, expect, it } from 'vitest';
import { classCounts, makeSynthetic32, stratifiedSplit, TRAIN_SIZE, VAL_SIZE } from './dataset';
import { createRng } from '../base';

function randomLabels(n: number, classes: number, seed: number): Uint8Array {
  const r = createRng(seed);
  return Uint8Array.from({ length: n }, () => Math.min(classes - 1, Math.floor(r.next() ** 1.5 * classes)));
}

describe('stratifiedSplit', () => {
  const labels = randomLabels(10000, 10, 5);

  it('gives exact sizes, disjoint sets covering every sample', () => {
    const { train, val } = stratifiedSplit(labels, 10, TRAIN_SIZE, 11);
    expect(train.length).toBe(TRAIN_SIZE);
    expect(val.length).toBe(VAL_SIZE);
    const all = new Set([...train, ...val]);
    expect(all.size).toBe(10000);
  });

  it('keeps every class within one sample of its share', () => {
    const { train } = stratifiedSplit(labels, 10, TRAIN_SIZE, 11);
    const total = classCounts(labels, 10);
    const got = classCounts(
      Uint8Array.from(train, (s) => labels[s]),
      10,
    );
    got.forEach((g, c) => expect(Math.abs(g - (total[c] * TRAIN_SIZE) / 10000)).toBeLessThan(1));
  });

  it('is deterministic in the seed and shuffles classes together', () => {
    const a = stratifiedSplit(labels, 10, TRAIN_SIZE, 11);
    const b = stratifiedSplit(labels, 10, TRAIN_SIZE, 11);
    const c = stratifiedSplit(labels, 10, TRAIN_SIZE, 12);
    expect(a.train).toEqual(b.train);
    expect(a.val).toEqual(b.val);
    expect(a.train).not.toEqual(c.train);
    // Stored order is mixed: the first 100 training rows hold several classes.
    expect(new Set([...a.train.slice(0, 100)].map((s) => labels[s])).size).toBeGreaterThan(5);
  });

  it('rejects impossible requests', () => {
    expect(() => stratifiedSplit(labels, 10, 10001, 1)).toThrow(RangeError);
    expect(() => stratifiedSplit(Uint8Array.of(0, 12), 10, 1, 1)).toThrow(/label 12/);
  });
});

describe('synthetic-32', () => {
  it('has the documented shape and balanced classes', () => {
    const ds = makeSynthetic32(1);
    expect(ds.inputSize).toBe(32);
    expect(ds.train.n).toBe(TRAIN_SIZE);
    expect(ds.val.n).toBe(VAL_SIZE);
    expect(ds.train.x.length).toBe(TRAIN_SIZE * 32);
    expect(classCounts(ds.train.y, 10)).toEqual(new Array(10).fill(800));
    expect(classCounts(ds.val.y, 10)).toEqual(new Array(10).fill(200));
    // Labels follow the documented numbering: sample s has label s % 10.
    ds.train.indices.forEach((s, r) => expect(ds.train.y[r]).toBe(s % 10));
  });

  it('is a function of the seed', () => {
    const a = makeSynthetic32(3),
      b = makeSynthetic32(3),
      c = makeSynthetic32(4);
    expect(a.train.x).toEqual(b.train.x);
    expect(a.val.indices).toEqual(b.val.indices);
    expect(a.train.x).not.toEqual(c.train.x);
  });
});
