// run.json for runs on a user's table (issue 18): only what identifies the table is written, the split
// and the layers follow it; the built-in datasets' files are unchanged.
import { describe, expect, it } from 'vitest';
import { HIDDEN_UNITS, layerShapes, createRng, permutation } from '../base';
import { INPUT_SIZE, type DatasetName, type UserTable } from '../data';
import { parseRun, serializeRun } from './runFile';
import type { RunInput } from './runFormat';
import { mutateValue } from '../base/testMutate';
import { SWEEP_START, randomLayers, sparsityOf } from './testRun';

const HASH = 'ab'.repeat(32);
const TABLE: UserTable = {
  name: 'iris-like.csv',
  hash: HASH,
  rows: 30,
  featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
  classNames: ['setosa', 'versicolor', 'virginica'],
  x: new Float32Array(30 * 4).fill(0.5),
  y: Uint8Array.from({ length: 30 }, (_, i) => i % 3),
};

function makeRun(name: DatasetName | 'user', seed: number, classes = 3): RunInput {
  const r = createRng(seed);
  const user = name === 'user';
  const order = permutation(user ? TABLE.rows : 10000, r);
  const shapes = user ? layerShapes(TABLE.featureNames.length, HIDDEN_UNITS, classes) : layerShapes(INPUT_SIZE[name]);
  const layers = randomLayers(shapes, r);
  const split = user ? 24 : 8000;
  return {
    createdAt: '2025-01-02T03:04:05.678Z',
    config: { dataset: name, seed, epochs: 5, backendUsed: 'cpu' },
    hidden: HIDDEN_UNITS,
    data: { name, trainIndices: order.slice(0, split), valIndices: order.slice(split), ...(user && { table: TABLE }) },
    layers,
    metrics: {
      dense: { trainAcc: 0.9, trainLoss: 0.3, valAcc: 0.85, valLoss: 0.4 },
      pruned: null,
      sparsity: sparsityOf(layers),
    },
    sweep: [SWEEP_START],
  };
}

const base = makeRun('user', 5);
const text = serializeRun(base);
const fresh = (): any => JSON.parse(text);
const errorOf = (t: string) => {
  const res = parseRun(t);
  expect(res.ok).toBe(false);
  return res.ok ? '' : res.error;
};
const corrupt = (edit: (f: any) => void, from = text) => {
  const f = JSON.parse(from);
  edit(f);
  return errorOf(JSON.stringify(f));
};
const info = {
  name: TABLE.name,
  hash: TABLE.hash,
  rows: TABLE.rows,
  featureNames: TABLE.featureNames,
  classNames: TABLE.classNames,
};

describe('run file of a user table', () => {
  it('round-trips the table identification and the split, without the values', () => {
    const res = parseRun(text);
    if (!res.ok) throw new Error(res.error);
    const back = res.run;
    expect(back.data.name).toBe('user');
    expect(back.data.table).toEqual(info);
    expect(Object.keys(back.data.table!)).toEqual(['name', 'hash', 'rows', 'featureNames', 'classNames']);
    expect(back.data.table!.featureNames).not.toBe(TABLE.featureNames);
    expect(back.data.trainIndices).toBeInstanceOf(Uint32Array);
    expect(back.data.trainIndices).toEqual(Uint32Array.from(base.data.trainIndices));
    expect(back.data.valIndices).toEqual(Uint32Array.from(base.data.valIndices));
    expect(back.layers.map((l) => [l.inputs, l.units])).toEqual([
      [4, 64],
      [64, 32],
      [32, 3],
    ]);
    back.layers.forEach((l, k) => expect(l.kernel).toEqual(base.layers[k].kernel));
    expect(serializeRun(back)).toBe(text);
    // The UserTable's x and y are never written.
    expect(Object.keys(fresh().data.table)).toEqual(['name', 'hash', 'rows', 'featureNames', 'classNames']);
    expect(text.length).toBeLessThan(200_000);
  });

  it('accepts a split that leaves rows out, and empty feature names', () => {
    const res = parseRun(
      JSON.stringify({ ...fresh(), data: { ...fresh().data, trainIndices: [0, 1, 2], valIndices: [29] } }),
    );
    expect(res.ok && [...res.run.data.trainIndices, ...res.run.data.valIndices]).toEqual([0, 1, 2, 29]);
    expect(parseRun(JSON.stringify(((f) => ((f.data.table.featureNames[1] = ''), f))(fresh()))).ok).toBe(true);
  });

  it('refuses to serialize a user run without a table, or a built-in run with one', () => {
    expect(() => serializeRun({ ...base, data: { ...base.data, table: undefined } })).toThrow(RangeError);
    expect(() => serializeRun({ ...base, data: { ...base.data, table: undefined } })).toThrow(
      /^run cannot be exported: data\.table is missing; a run on a user's table \(data\.name "user"\) must identify the table$/,
    );
    const synth = makeRun('synthetic-32', 1);
    expect(() => serializeRun({ ...synth, data: { ...synth.data, table: TABLE } })).toThrow(
      /^run cannot be exported: data\.table is given, but data\.name is "synthetic-32"/,
    );
  });

  it('names each bad data.table field', () => {
    const t = (edit: (table: any) => void) => corrupt((f) => edit(f.data.table));
    expect(corrupt((f) => delete f.data.table)).toBe(
      `data.table is missing; a run on a user's table (data.name "user") must identify the table`,
    );
    expect(corrupt((f) => (f.data.table = null))).toBe('data.table must be an object, got null');
    expect(corrupt((f) => (f.data.table = [1]))).toBe('data.table must be an object, got an array');
    expect(t((x) => (x.name = 7))).toBe('data.table.name must be a string, got 7');
    expect(t((x) => (x.name = 'n'.repeat(257)))).toBe('data.table.name must have 1 to 256 characters, got 257');
    expect(t((x) => (x.name = ''))).toBe('data.table.name must have 1 to 256 characters, got 0');
    expect(t((x) => delete x.hash)).toBe(
      "data.table.hash is missing, expected 64 lowercase hexadecimal characters (the file's SHA-256)",
    );
    expect(t((x) => (x.hash = HASH.toUpperCase()))).toBe(
      "data.table.hash is a string of 64 characters, expected 64 lowercase hexadecimal characters (the file's SHA-256)",
    );
    expect(t((x) => (x.hash = 'abc'))).toBe(
      `data.table.hash is "abc", expected 64 lowercase hexadecimal characters (the file's SHA-256)`,
    );
    expect(t((x) => (x.hash = 12))).toMatch(/^data\.table\.hash is 12, expected 64 lowercase/);
    expect(t((x) => (x.rows = 9))).toBe('data.table.rows is 9, expected 10 to 100000');
    expect(t((x) => (x.rows = 100001))).toBe('data.table.rows is 100001, expected 10 to 100000');
    expect(t((x) => (x.rows = 30.5))).toBe('data.table.rows must be an integer, got 30.5');
    expect(t((x) => (x.rows = '30'))).toBe('data.table.rows must be an integer, got "30"');
    expect(t((x) => (x.featureNames = 'a'))).toBe('data.table.featureNames must be an array, got "a"');
    expect(t((x) => (x.featureNames = []))).toBe('data.table.featureNames has 0 entries, expected 1 to 1000');
    expect(t((x) => (x.featureNames = Array(1001).fill('f')))).toBe(
      'data.table.featureNames has 1001 entries, expected 1 to 1000',
    );
    expect(t((x) => (x.featureNames[2] = null))).toBe('data.table.featureNames[2] must be a string, got null');
    // A feature name is a table's header (or header=value, one-hot): it has no limit of its own, as the table's have none.
    const long = JSON.parse(text);
    long.data.table.featureNames[3] = 'f'.repeat(10_000);
    const read = parseRun(JSON.stringify(long));
    expect(read.ok && read.run.data.table!.featureNames[3].length).toBe(10_000);
    expect(t((x) => delete x.classNames)).toBe('data.table.classNames must be an array, got nothing');
    expect(t((x) => (x.classNames = ['only']))).toBe('data.table.classNames has 1 entries, expected 2 to 100');
    expect(t((x) => (x.classNames = Array.from({ length: 101 }, (_, i) => `c${i}`)))).toBe(
      'data.table.classNames has 101 entries, expected 2 to 100',
    );
    expect(t((x) => (x.classNames[1] = 3))).toBe('data.table.classNames[1] must be a string, got 3');
    expect(t((x) => (x.classNames[2] = 'setosa'))).toBe(
      'data.table.classNames[2] is "setosa", the same as data.table.classNames[0]; class names must be distinct',
    );
  });

  it('refuses sample numbers outside the table, repeated or in both splits, and empty splits', () => {
    const [a] = fresh().data.trainIndices;
    expect(corrupt((f) => (f.data.valIndices[0] = 30))).toBe(
      'data.valIndices[0] is 30, expected an integer sample number in 0..29 (data.table.rows is 30)',
    );
    expect(corrupt((f) => (f.data.trainIndices[1] = -1))).toBe(
      'data.trainIndices[1] is -1, expected an integer sample number in 0..29 (data.table.rows is 30)',
    );
    expect(corrupt((f) => (f.data.trainIndices[1] = 2.5))).toBe(
      'data.trainIndices[1] is 2.5, expected an integer sample number in 0..29 (data.table.rows is 30)',
    );
    expect(corrupt((f) => (f.data.table.rows = 20))).toMatch(
      /^data\.(train|val)Indices\[\d+\] is 2\d, expected an integer sample number in 0\.\.19 \(data\.table\.rows is 20\)$/,
    );
    expect(corrupt((f) => (f.data.valIndices[3] = a))).toBe(
      `sample ${a} is in both data.trainIndices and data.valIndices; the splits must be disjoint`,
    );
    expect(corrupt((f) => (f.data.trainIndices[5] = a))).toBe(`data.trainIndices lists sample ${a} twice`);
    expect(corrupt((f) => (f.data.trainIndices = []))).toBe(
      'data.trainIndices is empty, expected at least one sample number',
    );
    expect(corrupt((f) => (f.data.valIndices = []))).toBe(
      'data.valIndices is empty, expected at least one sample number',
    );
    expect(corrupt((f) => (f.data.valIndices = {}))).toBe('data.valIndices must be an array, got an object');
  });

  it('wants layers that follow the table, and config.dataset "user"', () => {
    const tenRun = makeRun('user', 6, 10);
    const ten = serializeRun({
      ...tenRun,
      data: { ...tenRun.data, table: { ...TABLE, classNames: Array.from({ length: 10 }, (_, i) => `c${i}`) } },
    });
    expect(corrupt((f) => (f.data.table = info), ten)).toBe(
      'layers[2].units is 10, expected 3 (one per data.table.classNames entry)',
    );
    expect(() => serializeRun(makeRun('user', 6, 10))).toThrow(
      /^run cannot be exported: layers\[2\]\.units is 10, expected 3 \(one per data\.table\.classNames entry\)$/,
    );
    expect(corrupt((f) => f.data.table.featureNames.push('extra'))).toBe(
      'layers[0].inputs is 4, expected 5 for data.name "user" (one per data.table.featureNames entry)',
    );
    expect(corrupt((f) => (f.data.table.classNames = ['a', 'b']))).toBe(
      'layers[2].units is 3, expected 2 (one per data.table.classNames entry)',
    );
    expect(corrupt((f) => f.layers.pop())).toBe('layers has 2 entries, expected 3 (4 → 64 → 32 → 3)');
    expect(corrupt((f) => (f.layers[1].units = 33))).toBe('layers[1].units is 33, expected 32');
    expect(corrupt((f) => (f.config.dataset = 'mnist'))).toBe('config.dataset is "mnist" but data.name is "user"');
    expect(corrupt((f) => (f.data.name = 'mnist'))).toBe('config.dataset is "user" but data.name is "mnist"');
    expect(corrupt((f) => ((f.data.name = 'mnist'), (f.config.dataset = 'mnist')))).toBe(
      `data.table is given, but data.name is "mnist"; only a run on a user's table (data.name "user") has one`,
    );
    expect(corrupt((f) => (f.data.name = 'iris'))).toBe(
      'data.name is "iris", expected one of "mnist", "synthetic-32", "user"',
    );
    const noDataset = fresh();
    delete noDataset.config.dataset;
    expect(parseRun(JSON.stringify(noDataset)).ok).toBe(true);
  });

  it('never throws on 200 random mutations of a valid user run', () => {
    const r = createRng(78);
    const values = [null, -1, 0, 1, 2, 0.5, 9, 30, 'x', '', HASH, true, [], {}, ['a', 'a'], { a: 1 }, 100000];
    let ok = 0;
    for (let trial = 0; trial < 200; trial++) {
      let res: ReturnType<typeof parseRun> | undefined;
      expect(
        () => (res = parseRun(JSON.stringify(mutateValue(fresh(), r, values)))),
        `mutation ${trial}`,
      ).not.toThrow();
      if (res!.ok) ok++;
      else expect(res!.error.length).toBeGreaterThan(10);
    }
    expect(ok).toBeLessThan(200);
  });
});

describe('run file of a built-in dataset, next to user runs', () => {
  it('refuses a data.table', () => {
    const mnist = serializeRun(makeRun('mnist', 2));
    expect(corrupt((f) => (f.data.table = info), mnist)).toBe(
      `data.table is given, but data.name is "mnist"; only a run on a user's table (data.name "user") has one`,
    );
    expect(corrupt((f) => (f.data.table = null), mnist)).toMatch(/^data\.table is given, but data\.name is "mnist"/);
  });

  it('parses MNIST runs as before: no table, 8,000 / 2,000 sample numbers in 0..9999, 784 → 64 → 32 → 10', () => {
    const input = makeRun('mnist', 3);
    const mnist = serializeRun(input);
    expect(Object.keys(JSON.parse(mnist).data)).toEqual(['name', 'trainIndices', 'valIndices']);
    const res = parseRun(mnist);
    if (!res.ok) throw new Error(res.error);
    expect(Object.keys(res.run.data)).toEqual(['name', 'trainIndices', 'valIndices']);
    expect(res.run.data).toStrictEqual({
      name: 'mnist',
      trainIndices: Uint32Array.from(input.data.trainIndices),
      valIndices: Uint32Array.from(input.data.valIndices),
    });
    expect(res.run.layers.map((l) => [l.inputs, l.units])).toEqual([
      [784, 64],
      [64, 32],
      [32, 10],
    ]);
    expect(serializeRun(res.run)).toBe(mnist);
    expect(corrupt((f) => (f.data.valIndices[0] = 10000), mnist)).toBe(
      'data.valIndices[0] is 10000, expected an integer sample number in 0..9999',
    );
    expect(corrupt((f) => f.data.trainIndices.pop(), mnist)).toBe('data.trainIndices has 7999 entries, expected 8000');
    expect(corrupt((f) => ((f.data.trainIndices = []), (f.data.valIndices = [])), mnist)).toBe(
      'data.trainIndices has 0 entries, expected 8000',
    );
    expect(corrupt((f) => (f.layers[2].units = 3), mnist)).toBe('layers[2].units is 3, expected 10');
    expect(corrupt((f) => (f.layers[0].inputs = 4), mnist)).toBe(
      'layers[0].inputs is 4, expected 784 for data.name "mnist"',
    );
  });
});
