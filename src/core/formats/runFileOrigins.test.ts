// The run files of every origin of a network — a pre-trained snapshot, a run trained on the page, a run
// on a user's table, and an imported run written again — as the export builds them: each reads back to
// the same text, `backendUsed` is required of each, and each survives random corruption with a message
// that names a field of the file (never "undefined" or an internal code); what is accepted exports again.
import { describe, expect, it } from 'vitest';
import { HIDDEN_UNITS, layerShapes, type LayerArrays, createRng, permutation } from '../base';
import { INPUT_SIZE } from '../data';
import { parseRun, serializeRun } from './runFile';
import type { RunInput, RunSweepPoint } from './runFormat';
import { makeSnapshot } from './testSnapshot';
import { mutateText, mutateValue } from '../base/testMutate';

/** A run of `layers` as the export writes it: masks by |w| < 0.5, sparsities from them. */
function runOf(
  layers: LayerArrays[],
  data: RunInput['data'],
  config: RunInput['config'],
  sweep: RunSweepPoint[],
): RunInput {
  const withMasks = layers.map((l) => ({ ...l, mask: Uint8Array.from(l.kernel, (w) => (Math.abs(w) < 0.5 ? 0 : 1)) }));
  const pruned = withMasks.map((l) => l.mask.reduce((a, b) => a + 1 - b, 0));
  const total = withMasks.reduce((a, l) => a + l.mask.length, 0);
  return {
    createdAt: '2026-03-04T05:06:07.890Z',
    config,
    hidden: HIDDEN_UNITS,
    data,
    layers: withMasks,
    metrics: {
      dense: { trainAcc: 0.9, trainLoss: 0.3, valAcc: 0.85, valLoss: NaN },
      pruned: { trainAcc: 0.8, trainLoss: 0.5, valAcc: 0.75, valLoss: 0.6 },
      sparsity: {
        overall: pruned.reduce((a, b) => a + b, 0) / total,
        perLayer: pruned.map((p, l) => p / withMasks[l].mask.length),
      },
    },
    sweep,
  };
}

const random = (inputs: number, classes: number, seed: number): LayerArrays[] => {
  const r = createRng(seed);
  return layerShapes(inputs, HIDDEN_UNITS, classes).map((s) => {
    const f = (g: () => number, n = s.inputs * s.units) => Float32Array.from({ length: n }, g);
    return {
      ...s,
      kernel: f(() => r.normal()),
      bias: f(() => r.normal(), s.units),
      gradAbsMean: f(() => r.next()),
      gradSqMean: f(() => r.next() * 1e-6),
    };
  });
};
const settings = {
  backend: 'auto',
  criterion: 'taylor',
  scope: 'global',
  granularity: 'weights',
  mode: 'sparsity',
  threshold: 0.009999999776482582,
  sparsity: 0.5,
};
const point = (k: number): RunSweepPoint => ({
  ...{ criterion: 'gradient', split: 'val', scope: 'global', granularity: 'weights' },
  ...{
    target: k / 10,
    sparsity: k / 10,
    threshold: k === 10 ? Infinity : k / 100,
    accuracy: 0.9 - k / 20,
    loss: 0.3 + k / 10,
  },
});

function snapshotFile(): string {
  const snap = makeSnapshot();
  const p = snap.provenance;
  const sweep = Object.entries(snap.curves).flatMap(([criterion, c]) =>
    (['val', 'train'] as const).flatMap((split) =>
      c[split].map((q) => ({ ...q, criterion, split, scope: 'global', granularity: 'weights' }) as RunSweepPoint),
    ),
  );
  const data = { name: snap.data.name, trainIndices: snap.data.trainIndices, valIndices: snap.data.valIndices };
  return serializeRun(runOf(snap.layers, data, { ...settings, ...p.config, backendUsed: p.backend.name }, sweep));
}

function trainedFile(): string {
  const order = permutation(10000, createRng(8));
  const data = { name: 'synthetic-32' as const, trainIndices: order.slice(0, 8000), valIndices: order.slice(8000) };
  const config = {
    ...settings,
    dataset: 'synthetic-32',
    seed: 8,
    epochs: 5,
    batchSize: 32,
    learningRate: 0.001,
    backendUsed: 'webgpu',
  };
  return serializeRun(
    runOf(
      random(INPUT_SIZE['synthetic-32'], 10, 8),
      data,
      config,
      Array.from({ length: 11 }, (_, k) => point(k)),
    ),
  );
}

function tableFile(): string {
  const order = permutation(150, createRng(9));
  const featureNames = ['bill', 'island=Biscoe', 'island=Dream', 'x'.repeat(500)];
  const table = {
    name: 'penguins.csv',
    hash: 'ab'.repeat(32),
    rows: 150,
    featureNames,
    classNames: ['Adelie', 'Gentoo', 'Chinstrap'],
  };
  const data = { name: 'user' as const, trainIndices: order.slice(0, 120), valIndices: order.slice(120), table };
  const tableOptions = { tableLabel: null, tableOneHot: true, tableMissing: 'impute' };
  const config = {
    ...settings,
    dataset: 'user',
    seed: 9,
    epochs: 125,
    batchSize: 32,
    learningRate: 0.001,
    backendUsed: 'wasm',
    ...tableOptions,
  };
  return serializeRun(runOf(random(4, 3, 9), data, config, [point(0), point(5), point(10)]));
}

/** An imported run written again: what the export of a run.json it imported holds (a new createdAt). */
function importedFile(from: string): string {
  const r = parseRun(from);
  if (!r.ok) throw new Error(r.error);
  return serializeRun({ ...r.run, createdAt: '2026-05-06T07:08:09.000Z' });
}

const trained = trainedFile();
const ORIGINS: Record<string, string> = {
  snapshot: snapshotFile(),
  trained,
  table: tableFile(),
  imported: importedFile(trained),
};

/** Refusals start with the field of the file they are about (or the file itself), and show no value a reader cannot act on. */
const FIELD =
  /^(run file|the file|not a Gradient Pruning Lab run file|format|createdAt|config|hidden|data|layers|metrics|sweep|forget|sample \d+)\b/;
const UNREADABLE = /undefined|\[object|\((?:[a-z]+-)+[a-z]+\)|\(record \d+:/;

describe('run files of every origin', () => {
  it.each(Object.keys(ORIGINS))('%s: reads back to the same text, and is refused without backendUsed', (origin) => {
    const text = ORIGINS[origin];
    const r = parseRun(text);
    if (!r.ok) throw new Error(r.error);
    expect(serializeRun(r.run)).toBe(text);
    for (const [value, shown] of [
      [undefined, 'missing'],
      [null, 'null'],
      ['', '""'],
      [0, '0'],
      [['wasm'], 'an array'],
    ] as const) {
      const f = JSON.parse(text);
      if (value === undefined) delete f.config.backendUsed;
      else f.config.backendUsed = value;
      const res = parseRun(JSON.stringify(f));
      expect(res.ok ? '' : res.error).toMatch(
        new RegExp(`^config\\.backendUsed is ${shown.replace(/[[\]]/g, '\\$&')}`),
      );
    }
  });

  it('an imported run written again is the file it imported but for createdAt; a snapshot says its provenance’s backend', () => {
    expect(ORIGINS.imported.replace(/"createdAt":"[^"]*"/, '')).toBe(trained.replace(/"createdAt":"[^"]*"/, ''));
    expect(JSON.parse(ORIGINS.snapshot).config.backendUsed).toBe('wasm'); // the snapshot's provenance
  });

  it.each(Object.keys(ORIGINS))(
    '%s: 120 random corruptions never throw; refusals name a field; what is accepted exports again',
    (origin) => {
      const text = ORIGINS[origin];
      const r = createRng(origin.length * 31 + 7);
      const values = [
        null,
        -1,
        0,
        1,
        2,
        0.5,
        1e39,
        'x',
        '',
        true,
        [],
        {},
        [1, 2],
        { a: 1 },
        150,
        10000,
        'y'.repeat(1025),
      ];
      const seen = { ok: 0, refused: 0 };
      for (let trial = 0; trial < 120; trial++) {
        const t = trial % 3 === 2 ? mutateText(text, r) : JSON.stringify(mutateValue(JSON.parse(text), r, values));
        let res: ReturnType<typeof parseRun> | undefined;
        expect(() => (res = parseRun(t)), `${origin} mutation ${trial}`).not.toThrow();
        if (!res!.ok) {
          seen.refused++;
          expect(res!.error, `${origin} mutation ${trial}`).toMatch(FIELD);
          expect(res!.error, `${origin} mutation ${trial}`).not.toMatch(UNREADABLE);
          continue;
        }
        seen.ok++;
        const again = serializeRun(res!.run);
        const back = parseRun(again);
        expect(back.ok && serializeRun(back.run)).toBe(again);
      }
      expect(seen.refused).toBeGreaterThan(40);
    },
  );
});
