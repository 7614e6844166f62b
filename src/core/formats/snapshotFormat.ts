/**
 * The pre-trained snapshot file (`public/snapshots/<dataset>.gpls.gz`, written by `npm run snapshots`):
 * a trained network with its gradient statistics, its data split, its training curves, its
 * accuracy-vs-sparsity curves and sensitivity, and where it came from. Written here (`encodeSnapshot`),
 * read back and checked in `snapshotDecode.ts`. Pure.
 *
 * Layout (little-endian), gzip-compressed as a whole:
 *   bytes 0..3   ASCII "GPLS"
 *   u32          format version (SNAPSHOT_VERSION)
 *   u32          header length H
 *   H bytes      the header, UTF-8 JSON: provenance, scalar metrics, layer shapes and, for every array,
 *                its name, type (f32, f64 or u16), length, byte offset in the data part and CRC-32
 *   0–7 bytes    zero padding, so the data part starts at a multiple of 8
 *   data part    the arrays, each at its offset (a multiple of 8): kernels row-major `[inputs, units]`
 *                (weight i → j at `i * units + j`), biases, gradient statistics (float32, as trained);
 *                the split's sample numbers (u16); batch losses (f32); per-epoch metrics, curve points
 *                and sensitivity points (f64, so accuracies are exact)
 */
import { type LayerArrays, crc32 } from '../base';
import { CRITERIA, type Criterion } from '../prune';
import type { DataRef, DatasetName } from '../data';
import type { CurvePoint } from '../eval';

export const SNAPSHOT_MAGIC = 'GPLS';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotProvenance {
  /** The app's version (package.json) and commit that trained it. */
  appVersion: string;
  commit: string;
  /** ISO 8601. */
  createdAt: string;
  config: { dataset: DatasetName; seed: number; epochs: number; batchSize: number; learningRate: number };
  backend: { name: string; adapter: string; software: boolean };
  trainSeconds: number;
  samplesPerSec: number;
  scoring: { batches: number; seconds: number };
}

export interface SplitMetric {
  accuracy: number;
  loss: number;
}

/** Per-epoch means, as the training run reported them. */
export interface SnapshotEpoch {
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
  seconds: number;
}

export interface Snapshot {
  provenance: SnapshotProvenance;
  /** Snapshots are of the built-in datasets only. */
  data: DataRef & { name: DatasetName };
  layers: LayerArrays[];
  /** Every batch loss in order, and the number of batches per epoch. */
  training: { losses: Float32Array; batchesPerEpoch: number; epochs: SnapshotEpoch[] };
  dense: { train: SplitMetric; val: SplitMetric };
  /** The curves of every criterion in global scope, weight granularity, and the per-layer sensitivity. */
  curves: Record<Criterion, { val: CurvePoint[]; train: CurvePoint[] }>;
  sensitivity: Record<Criterion, { sparsity: number; accuracy: number }[][]>;
}

export type ArrayType = 'f32' | 'f64' | 'u16';
/** Where the header says an array is: offset in bytes from the start of the data part. */
export interface SnapshotArrayEntry {
  name: string;
  type: ArrayType;
  length: number;
  offset: number;
  crc32: number;
}
/** The JSON header: everything but the arrays, and where each array is. */
interface SnapshotHeader {
  provenance: SnapshotProvenance;
  data: { name: DatasetName; seed: number };
  layers: { name: string; inputs: number; units: number }[];
  batchesPerEpoch: number;
  dense: Snapshot['dense'];
  arrays: SnapshotArrayEntry[];
}
/** Each array type's typed array; a curve point's and an epoch's fields in the order their f64 rows store them. */
export const SNAPSHOT_ARRAY_CTOR = { f32: Float32Array, f64: Float64Array, u16: Uint16Array } as const;
export const SNAPSHOT_POINT_FIELDS = ['target', 'sparsity', 'threshold', 'accuracy', 'loss'] as const;
export const SNAPSHOT_EPOCH_FIELDS = ['trainLoss', 'trainAcc', 'valLoss', 'valAcc', 'seconds'] as const;

/** The snapshot as bytes (not yet gzip-compressed). Does not mutate `s`. */
export function encodeSnapshot(s: Snapshot): Uint8Array {
  const arrays: { name: string; type: ArrayType; data: Float32Array | Float64Array | Uint16Array }[] = [];
  const add = (name: string, type: ArrayType, values: ArrayLike<number>) =>
    arrays.push({ name, type, data: SNAPSHOT_ARRAY_CTOR[type].from(values) });
  s.layers.forEach((l, i) => {
    for (const k of ['kernel', 'bias', 'gradAbsMean', 'gradSqMean'] as const) add(`layer${i}.${k}`, 'f32', l[k]);
  });
  add('data.train', 'u16', s.data.trainIndices);
  add('data.val', 'u16', s.data.valIndices);
  add('training.losses', 'f32', s.training.losses);
  add(
    'training.epochs',
    'f64',
    s.training.epochs.flatMap((e) => SNAPSHOT_EPOCH_FIELDS.map((f) => e[f])),
  );
  for (const c of CRITERIA) {
    for (const split of ['val', 'train'] as const)
      add(
        `curves.${c}.${split}`,
        'f64',
        s.curves[c][split].flatMap((p) => SNAPSHOT_POINT_FIELDS.map((f) => p[f])),
      );
    s.sensitivity[c].forEach((points, l) =>
      add(
        `sensitivity.${c}.${l}`,
        'f64',
        points.flatMap((p) => [p.sparsity, p.accuracy]),
      ),
    );
  }
  let offset = 0;
  const entries = arrays.map((a) => {
    const e = {
      name: a.name,
      type: a.type,
      length: a.data.length,
      offset,
      crc32: crc32(new Uint8Array(a.data.buffer)),
    };
    offset += Math.ceil(a.data.byteLength / 8) * 8;
    return e;
  });
  const header: SnapshotHeader = {
    provenance: s.provenance,
    data: { name: s.data.name, seed: s.data.seed },
    layers: s.layers.map(({ name, inputs, units }) => ({ name, inputs, units })),
    batchesPerEpoch: s.training.batchesPerEpoch,
    dense: s.dense,
    arrays: entries,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((12 + json.length) / 8) * 8;
  const out = new Uint8Array(start + offset);
  out.set([...SNAPSHOT_MAGIC].map((c) => c.charCodeAt(0)));
  const view = new DataView(out.buffer);
  view.setUint32(4, SNAPSHOT_VERSION, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  arrays.forEach((a, i) => out.set(new Uint8Array(a.data.buffer), start + entries[i].offset));
  return out;
}
