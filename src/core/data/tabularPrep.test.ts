import { describe, expect, it } from 'vitest';
import { sortValues } from './tableColumns';
import { contentHash } from './tabularPrep';
import { csv, cycling, prepared, rawTable } from './testTables';

const close = (a: ArrayLike<number>, b: number[]) => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i], `[${i}]`).toBeCloseTo(v, 5));
};

describe('prepareTable: encoding, imputation, standardisation', () => {
  it('one-hot encodes text columns in place, categories sorted (4 rows by hand)', () => {
    const t = rawTable(
      ['colour', 'size', 'label'],
      [
        ['red', 1, 'yes'],
        ['green', 2, 'no'],
        [' blue', 3, 'yes'],
        ['red', 4, 'no'],
      ],
    );
    const d = prepared(t, { label: 2, oneHot: true });
    expect(d.featureNames).toEqual(['colour=blue', 'colour=green', 'colour=red', 'size']);
    expect(d.classNames).toEqual(['no', 'yes']);
    expect([...d.y]).toEqual([1, 0, 1, 0]);
    expect(d.inputSize).toBe(4);
    // Undo the standardisation: the raw encoding by hand.
    const raw = Array.from(d.x, (v, i) => v * d.std[i % 4] + d.mean[i % 4]);
    close(raw, [0, 0, 1, 1, 0, 1, 0, 2, 1, 0, 0, 3, 0, 0, 1, 4]);
  });

  // Labels a × 5 (rows 0-4) and b × 5 (rows 5-9): seed 1 holds out rows 3 and 9 for validation.
  const labels = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
  const withFeatures = (...columns: string[][]) =>
    rawTable(
      ['label', 'v', 'w'].slice(0, columns.length + 1),
      labels.map((l, r) => [l, ...columns.map((c) => c[r])]),
    );

  it('standardises with the training split’s mean and std only (validation rows use them too)', () => {
    // Training values 1, 1, 1, 1 | 3, 3, 3, 3 → mean 2, population std 1; validation rows 100 and -100.
    const d = prepared(withFeatures(['1', '1', '1', '100', '1', '3', '3', '3', '3', '-100']));
    expect([...d.valIndices].sort()).toEqual([3, 9]);
    expect([...d.mean]).toEqual([2]);
    expect([...d.std]).toEqual([1]);
    close(d.x, [-1, -1, -1, 98, -1, 1, 1, 1, 1, -102]);
  });

  it('imputes missing values with the training split’s mean only (0 once standardised)', () => {
    // Training values 2, 4, 6, 8, 10 (rows 1, 5, 8 missing) → mean 6, std √8; validation: 1000 and a NaN.
    const w = ['2', 'NA', '4', '1000', '6', '', '8', '10', 'null', 'NaN'];
    const d = prepared(withFeatures(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], w), { missing: 'impute' });
    expect(d.imputed).toEqual([{ name: 'w', count: 4 }]);
    expect(d.mean[1]).toBe(6);
    expect(d.std[1]).toBeCloseTo(Math.sqrt(8), 12);
    const s = Math.sqrt(8);
    close(
      Array.from({ length: 10 }, (_, r) => d.x[r * 2 + 1]),
      [-4 / s, 0, -2 / s, 994 / s, 0, 0, 2 / s, 4 / s, 0, 0],
    );
  });

  it('gives a constant feature std 1 (mean its value), and leaves empty columns out', () => {
    const d = prepared(withFeatures(Array(10).fill('0.1'), Array(10).fill('')));
    expect(d.featureNames).toEqual(['v']);
    expect([...d.mean, ...d.std]).toEqual([0.1, 1]);
    expect([...d.x]).toEqual(Array(10).fill(0));
  });
});

describe('prepareTable: labels and split', () => {
  it('sorts numeric labels numerically and others by code units', () => {
    expect(prepared(cycling(6, ['10', '9', '2.5'])).classNames).toEqual(['2.5', '9', '10']);
    expect(prepared(cycling(6, ['b', 'a', 'B'])).classNames).toEqual(['B', 'a', 'b']);
    expect(prepared(cycling(6, ['10', '9', 'x'])).classNames).toEqual(['10', '9', 'x']);
    expect(prepared(cycling(4, [' 1 ', '-1'])).classNames).toEqual(['-1', '1']);
    expect(sortValues(['1.0', '1', '-2e1'])).toEqual(['-2e1', '1', '1.0']);
  });

  const t = cycling(50, ['x', 'y', 'z', 'x', 'y'], (i) => (i * 7) % 11);

  it('splits stratified with the requested sizes, every class counted', () => {
    const d = prepared(t);
    expect(d.classCounts).toEqual([20, 20, 10]);
    expect(d.trainIndices).toHaveLength(40);
    expect(d.valIndices).toHaveLength(10);
    expect(new Set([...d.trainIndices, ...d.valIndices]).size).toBe(50);
    const perClass = (ids: Uint32Array) => [0, 1, 2].map((c) => [...ids].filter((r) => d.y[r] === c).length);
    expect(perClass(d.valIndices)).toEqual([4, 4, 2]);
    expect(prepared(t, { valFraction: 0.3 }).valIndices).toHaveLength(15);
  });

  it('is deterministic in the seed: same seed same split and data, other seed other split', () => {
    const a = prepared(t, { seed: 7 });
    expect(prepared(t, { seed: 7 })).toEqual(a);
    const b = prepared(t, { seed: 8 });
    expect([...b.valIndices].sort()).not.toEqual([...a.valIndices].sort());
  });

  it('puts every class in both splits, even tiny classes or extreme shares', () => {
    const tiny = cycling(60, [
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'a',
      'b',
      'c',
    ]);
    for (const valFraction of [0.02, 0.2, 0.5, 0.98])
      for (const seed of [1, 2, 3]) {
        const d = prepared(tiny, { valFraction, seed });
        expect(new Set([...d.trainIndices].map((r) => d.y[r])).size, `train ${valFraction}`).toBe(3);
        expect(new Set([...d.valIndices].map((r) => d.y[r])).size, `val ${valFraction}`).toBe(3);
        expect(d.trainIndices.length + d.valIndices.length).toBe(60);
        expect(new Set([...d.trainIndices, ...d.valIndices]).size).toBe(60);
      }
  });

  it('does not mutate its inputs and carries the name and hash', () => {
    const input = csv('label,colour,n\n' + 'a, red ,1\nb,blue,NA\n'.repeat(6));
    const copy = structuredClone(input);
    const d = prepared(input, { oneHot: true, missing: 'impute' });
    expect(input).toEqual(copy);
    expect([d.name, d.hash]).toEqual(['table.csv', 'h']);
  });
});

describe('contentHash', () => {
  it('is the hex SHA-256 of the bytes', async () => {
    expect(await contentHash(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await contentHash(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const view = new TextEncoder().encode('xxabcxx').subarray(2, 5);
    expect(await contentHash(view)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
