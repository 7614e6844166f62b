/** A small synthetic-32 snapshot with made-up values, for tests of the format and of its loading. */
import { layerShapes, createRng } from '../base';
import { CRITERIA } from '../prune';
import { dataRefOf, makeSynthetic32 } from '../data';
import type { Snapshot } from './snapshotFormat';
import { randomLayers } from './testRun';

export function makeSnapshot(): Snapshot {
  const r = createRng(5);
  const ds = makeSynthetic32(2);
  // A snapshot has no masks.
  const layers = randomLayers(layerShapes(32), r).map(({ mask, ...l }) => l);
  const point = (k: number) => ({
    target: k / 50,
    sparsity: k / 50,
    threshold: k === 50 ? Infinity : k * 1e-3,
    accuracy: 0.9 - k / 100,
    loss: 0.3 + k / 10,
  });
  return {
    provenance: {
      appVersion: '0.2.0',
      commit: 'abc1234',
      createdAt: '2026-12-01T00:00:00.000Z',
      config: { dataset: 'synthetic-32', seed: 2, epochs: 2, batchSize: 64, learningRate: 0.001 },
      backend: { name: 'wasm', adapter: 'WebAssembly', software: false },
      trainSeconds: 3.5,
      samplesPerSec: 4600,
      scoring: { batches: 125, seconds: 0.4 },
    },
    data: { ...dataRefOf(ds, 2), name: 'synthetic-32' },
    layers,
    training: {
      losses: Float32Array.from({ length: 250 }, (_, i) => 2.3 / (1 + i / 50)),
      batchesPerEpoch: 125,
      epochs: [0, 1].map((e) => ({
        trainLoss: 1 - e / 4,
        trainAcc: 0.5 + e / 10,
        valLoss: 1.1 - e / 4,
        valAcc: 0.45 + e / 10,
        seconds: 1.7,
      })),
    },
    dense: { train: { accuracy: 0.81, loss: 0.52 }, val: { accuracy: 0.78, loss: 0.61 } },
    curves: Object.fromEntries(
      CRITERIA.map((c) => [
        c,
        {
          val: Array.from({ length: 51 }, (_, k) => point(k)),
          train: Array.from({ length: 51 }, (_, k) => point(k)).slice(0, 40),
        },
      ]),
    ) as Snapshot['curves'],
    sensitivity: Object.fromEntries(
      CRITERIA.map((c) => [
        c,
        [0, 1, 2].map((l) =>
          Array.from({ length: 21 }, (_, k) => ({ sparsity: k / 20, accuracy: 0.8 - k * l * 0.01 })),
        ),
      ]),
    ) as Snapshot['sensitivity'],
  };
}
