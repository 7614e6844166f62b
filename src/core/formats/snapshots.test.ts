// The committed snapshots (public/snapshots/*.gpls.gz, written by `npm run snapshots`): each must read
// back with valid checksums, and the masked evaluator must reproduce the metrics and curves stored in
// it from its weights and its split of the real data.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CRITERIA, criterionIndex, type Granularity } from '../prune';
import {
  DATASET_NAMES,
  datasetFromIndices,
  synthetic32Source,
  type Dataset,
  type DatasetName,
  decodeMnist,
  mnistSource,
} from '../data';
import { MaskedEvaluator, allCurves, sweepLevels } from '../eval';
import { decodeSnapshot } from './snapshotDecode';
import type { Snapshot } from './snapshotFormat';

const ROOT = join(__dirname, '..', '..', '..');
const file = (name: DatasetName) => join(ROOT, 'public', 'snapshots', `${name}.gpls.gz`);

function load(name: DatasetName): Snapshot {
  const r = decodeSnapshot(gunzipSync(readFileSync(file(name))));
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.snapshot;
}

function dataOf(s: Snapshot): Dataset {
  const source =
    s.data.name === 'mnist'
      ? mnistSource(decodeMnist(gunzipSync(readFileSync(join(ROOT, 'public', 'data', 'mnist.bin.gz')))))
      : synthetic32Source(s.data.seed);
  return datasetFromIndices(source, s.data.trainIndices, s.data.valIndices);
}

describe.each(DATASET_NAMES)('the committed %s snapshot', (name) => {
  it('exists, reads back with valid checksums and says where it came from', () => {
    expect(existsSync(file(name)), `${file(name)}: run npm run snapshots`).toBe(true);
    const s = load(name);
    expect(s.data.name).toBe(name);
    expect(s.provenance.config.dataset).toBe(name);
    expect(s.provenance.backend.name).toBe('wasm');
    expect(s.provenance.appVersion).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(s.provenance.commit).toMatch(/^[0-9a-f]{7,}/);
    expect(s.training.epochs).toHaveLength(s.provenance.config.epochs);
    expect(readFileSync(file(name)).length).toBeLessThan(700 * 1024); // "small": it is fetched on a first visit
  });

  it('the masked evaluator reproduces its dense metrics and every stored curve point', () => {
    const s = load(name);
    const ds = dataOf(s);
    const val = new MaskedEvaluator(s.layers, ds.val.x, ds.val.y, ds.val.n);
    const train = new MaskedEvaluator(s.layers, ds.train.x, ds.train.y, ds.train.n);
    const ones = s.layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));
    expect(val.evaluate(ones)).toMatchObject({ accuracy: s.dense.val.accuracy, loss: s.dense.val.loss });
    expect(train.evaluate(ones)).toMatchObject({ accuracy: s.dense.train.accuracy, loss: s.dense.train.loss });
    // The last epoch's validation accuracy (tfjs, float32) agrees with the evaluator (float64) up to ties.
    expect(Math.abs(s.training.epochs.at(-1)!.valAcc - s.dense.val.accuracy)).toBeLessThanOrEqual(2 / ds.val.n);
    // Every curve and sensitivity point, replayed in the curves worker's order (the evaluators are
    // incremental, so the order fixes the last bits): equal to what the snapshot stores, exactly.
    const curves = Object.fromEntries(CRITERIA.map((c) => [c, { val: [] as unknown[], train: [] as unknown[] }]));
    const sensitivity = Object.fromEntries(CRITERIA.map((c) => [c, s.layers.map(() => [] as unknown[])]));
    const indexOf = (c: (typeof CRITERIA)[number], g: Granularity) =>
      criterionIndex(c, s.layers, g, s.provenance.config.seed);
    const evaluators = {
      val: new MaskedEvaluator(s.layers, ds.val.x, ds.val.y, ds.val.n),
      train: new MaskedEvaluator(s.layers, ds.train.x, ds.train.y, ds.train.n),
    };
    for (const e of allCurves(indexOf, evaluators, {
      criteria: CRITERIA,
      scope: 'global',
      granularity: 'weights',
      levels: sweepLevels(51),
      sensitivity: CRITERIA,
      layers: s.layers.length,
    })) {
      if (e.kind === 'curve') curves[e.criterion][e.split].push(e.point);
      else sensitivity[e.criterion][e.layer].push(e.point);
    }
    // Exact, but for the last bits of the losses: they go through Math.exp and Math.log, whose results
    // can differ in the last place between the browser's V8 (which made the snapshot) and Node's.
    for (const c of CRITERIA) {
      for (const split of ['val', 'train'] as const) {
        const got = curves[c][split] as { loss: number }[];
        const want = s.curves[c][split];
        // The snapshot stores no per-class accuracy (the sweep's validation points carry it).
        expect(
          got.map((p) => ({ ...p, loss: 0, perClass: undefined })),
          `${c} ${split}`,
        ).toEqual(want.map((p) => ({ ...p, loss: 0, perClass: undefined })));
        got.forEach((p, k) =>
          expect(Math.abs(p.loss - want[k].loss), `${c} ${split} loss ${k}`).toBeLessThanOrEqual(1e-13 * want[k].loss),
        );
      }
    }
    expect(sensitivity).toEqual(s.sensitivity);
  });
});
