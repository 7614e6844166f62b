/**
 * The pre-trained snapshot file (`public/snapshots/<dataset>.gpls.gz`, written by `npm run snapshots`):
 * a trained network with its gradient statistics, its data split, its training curves, its
 * accuracy-vs-sparsity curves and sensitivity, and where it came from. Pure.
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
import { layerShapes, type LayerArrays, crc32, fail, int, Invalid, list, num, obj, oneOf, str } from '../base';
import { CRITERIA, type Criterion } from '../prune';
import { DATASET_NAMES, INPUT_SIZE, TRAIN_SIZE, VAL_SIZE, type DataRef, type DatasetName } from '../data';
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
interface ArrayEntry {
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
  arrays: ArrayEntry[];
}
const CTOR = { f32: Float32Array, f64: Float64Array, u16: Uint16Array } as const;
const POINT_FIELDS = ['target', 'sparsity', 'threshold', 'accuracy', 'loss'] as const;
const EPOCH_FIELDS = ['trainLoss', 'trainAcc', 'valLoss', 'valAcc', 'seconds'] as const;

/** The snapshot as bytes (not yet gzip-compressed). Does not mutate `s`. */
export function encodeSnapshot(s: Snapshot): Uint8Array {
  const arrays: { name: string; type: ArrayType; data: Float32Array | Float64Array | Uint16Array }[] = [];
  const add = (name: string, type: ArrayType, values: ArrayLike<number>) =>
    arrays.push({ name, type, data: CTOR[type].from(values) });
  s.layers.forEach((l, i) => {
    for (const k of ['kernel', 'bias', 'gradAbsMean', 'gradSqMean'] as const) add(`layer${i}.${k}`, 'f32', l[k]);
  });
  add('data.train', 'u16', s.data.trainIndices);
  add('data.val', 'u16', s.data.valIndices);
  add('training.losses', 'f32', s.training.losses);
  add(
    'training.epochs',
    'f64',
    s.training.epochs.flatMap((e) => EPOCH_FIELDS.map((f) => e[f])),
  );
  for (const c of CRITERIA) {
    for (const split of ['val', 'train'] as const)
      add(
        `curves.${c}.${split}`,
        'f64',
        s.curves[c][split].flatMap((p) => POINT_FIELDS.map((f) => p[f])),
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

/**
 * Reads (already decompressed) snapshot bytes. Never throws: the snapshot, or the first problem as a
 * readable message (wrong magic or version, a damaged header, a checksum that does not match, an
 * array of the wrong size, values a trained network cannot have).
 */
export function decodeSnapshot(bytes: Uint8Array): { ok: true; snapshot: Snapshot } | { ok: false; error: string } {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== SNAPSHOT_MAGIC)
    return { ok: false, error: 'not a Gradient Pruning Lab snapshot (no "GPLS" at the start)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== SNAPSHOT_VERSION)
    return {
      ok: false,
      error: `snapshot format version ${version} is not supported; this lab reads version ${SNAPSHOT_VERSION}`,
    };
  const length = view.getUint32(8, true);
  if (12 + length > bytes.length)
    return { ok: false, error: `the snapshot header claims ${length} bytes, but the file has ${bytes.length}` };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + length)));
  } catch (e) {
    return { ok: false, error: `the snapshot header is damaged (${e instanceof Error ? e.message : String(e)})` };
  }
  try {
    return { ok: true, snapshot: validate(raw, bytes, Math.ceil((12 + length) / 8) * 8) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** The snapshot of a parsed header and the file's bytes (data part at `start`); throws Invalid. */
function validate(raw: unknown, bytes: Uint8Array, start: number): Snapshot {
  const h = obj(raw, 'header');
  const entries = new Map<string, ArrayEntry>();
  for (const [i, e] of list(h.arrays, 'header.arrays').entries()) {
    const o = obj(e, `header.arrays[${i}]`);
    const name = str(o.name, `header.arrays[${i}].name`);
    entries.set(name, {
      name,
      type: oneOf(o.type, `array ${name} type`, ['f32', 'f64', 'u16'] as const),
      length: int(o.length, `array ${name} length`),
      offset: int(o.offset, `array ${name} offset`),
      crc32: int(o.crc32, `array ${name} checksum`),
    });
  }
  /** An array by name, of the expected type and length, checked against its checksum; copied out. */
  const read = (name: string, type: ArrayType, length?: number) => {
    const e = entries.get(name) ?? fail(`array ${name} is missing`);
    if (e.type !== type) fail(`array ${name} is ${e.type}, expected ${type}`);
    if (length !== undefined && e.length !== length) fail(`array ${name} has ${e.length} values, expected ${length}`);
    const size = e.length * CTOR[type].BYTES_PER_ELEMENT;
    const from = start + e.offset;
    if (e.offset % 8 !== 0 || e.length < 0 || from + size > bytes.length)
      fail(`array ${name} lies outside the file (is it truncated?)`);
    const chunk = new Uint8Array(size); // a copy with its own buffer (Node's Buffer.slice would share one)
    chunk.set(bytes.subarray(from, from + size));
    if (crc32(chunk) !== e.crc32) fail(`array ${name} does not match its checksum (the file is damaged)`);
    return new CTOR[type](chunk.buffer);
  };
  const finite = (a: ArrayLike<number>, name: string, min = -Infinity) => {
    for (let i = 0; i < a.length; i++)
      if (!(Number.isFinite(a[i]) && a[i] >= min))
        fail(`${name}[${i}] is ${a[i]}, expected a finite number${min > -Infinity ? ` ≥ ${min}` : ''}`);
    return a;
  };

  const p = obj(h.provenance, 'provenance');
  const cfg = obj(p.config, 'provenance.config');
  const backend = obj(p.backend, 'provenance.backend');
  const scoring = obj(p.scoring, 'provenance.scoring');
  const name = oneOf(cfg.dataset, 'provenance.config.dataset', DATASET_NAMES);
  const provenance: SnapshotProvenance = {
    appVersion: str(p.appVersion, 'provenance.appVersion'),
    commit: str(p.commit, 'provenance.commit'),
    createdAt: Number.isFinite(Date.parse(str(p.createdAt, 'provenance.createdAt')))
      ? (p.createdAt as string)
      : fail('provenance.createdAt is not a date'),
    config: {
      dataset: name,
      seed: int(cfg.seed, 'provenance.config.seed'),
      epochs: int(cfg.epochs, 'provenance.config.epochs'),
      batchSize: int(cfg.batchSize, 'provenance.config.batchSize'),
      learningRate: num(cfg.learningRate, 'provenance.config.learningRate', 0, 10, false),
    },
    backend: {
      name: str(backend.name, 'provenance.backend.name'),
      adapter: str(backend.adapter, 'provenance.backend.adapter', 200),
      software: backend.software === true,
    },
    trainSeconds: num(p.trainSeconds, 'provenance.trainSeconds', 0, Infinity, false),
    samplesPerSec: num(p.samplesPerSec, 'provenance.samplesPerSec', 0, Infinity, false),
    scoring: {
      batches: int(scoring.batches, 'provenance.scoring.batches'),
      seconds: num(scoring.seconds, 'provenance.scoring.seconds', 0, Infinity, false),
    },
  };
  const shapes = layerShapes(INPUT_SIZE[name]);
  const rawLayers = list(h.layers, 'header.layers');
  if (rawLayers.length !== shapes.length)
    fail(`the snapshot has ${rawLayers.length} layers, expected ${shapes.length}`);
  const layers = shapes.map((shape, i): LayerArrays => {
    const l = obj(rawLayers[i], `header.layers[${i}]`);
    if (l.inputs !== shape.inputs || l.units !== shape.units)
      fail(`layer ${i} is ${show(l.inputs)} × ${show(l.units)}, expected ${shape.inputs} × ${shape.units} for ${name}`);
    const n = shape.inputs * shape.units;
    const f = (k: string, length: number, min?: number) =>
      finite(read(`layer${i}.${k}`, 'f32', length), `layer${i}.${k}`, min) as Float32Array;
    return {
      name: str(l.name, `header.layers[${i}].name`),
      inputs: shape.inputs,
      units: shape.units,
      kernel: f('kernel', n),
      bias: f('bias', shape.units),
      gradAbsMean: f('gradAbsMean', n, 0),
      gradSqMean: f('gradSqMean', n, 0),
    };
  });
  const split = (k: 'train' | 'val', length: number) => Uint32Array.from(read(`data.${k}`, 'u16', length));
  const data: Snapshot['data'] = {
    name,
    seed: provenance.config.seed,
    trainIndices: split('train', TRAIN_SIZE),
    valIndices: split('val', VAL_SIZE),
  };
  const seen = new Uint8Array(TRAIN_SIZE + VAL_SIZE);
  for (const s of [...data.trainIndices, ...data.valIndices])
    (s >= seen.length || seen[s]++) && fail(`sample ${s} appears twice in the split, or is not a sample number`);
  const metric = (v: unknown, path: string): SplitMetric => ({
    accuracy: num(obj(v, path).accuracy, `${path}.accuracy`, 0, 1, false),
    loss: num(obj(v, path).loss, `${path}.loss`, 0, Infinity, false),
  });
  const dense = {
    train: metric(obj(h.dense, 'dense').train, 'dense.train'),
    val: metric(obj(h.dense, 'dense').val, 'dense.val'),
  };
  const rows = <K extends string>(a: Float64Array, fields: readonly K[], what: string) => {
    if (a.length % fields.length) fail(`${what} has ${a.length} values, not a multiple of ${fields.length}`);
    return Array.from(
      { length: a.length / fields.length },
      (_, r) => Object.fromEntries(fields.map((f, k) => [f, a[r * fields.length + k]])) as Record<K, number>,
    );
  };
  const epochs = rows(
    finite(read('training.epochs', 'f64'), 'training.epochs') as Float64Array,
    EPOCH_FIELDS,
    'training.epochs',
  );
  const losses = finite(read('training.losses', 'f32'), 'training.losses', 0) as Float32Array;
  const batchesPerEpoch = int(h.batchesPerEpoch, 'header.batchesPerEpoch');
  if (epochs.length !== provenance.config.epochs || losses.length !== batchesPerEpoch * epochs.length)
    fail(
      `the training curves have ${epochs.length} epochs and ${losses.length} batch losses, expected ${provenance.config.epochs} and ${batchesPerEpoch * provenance.config.epochs}`,
    );
  const curves = {} as Snapshot['curves'];
  const sensitivity = {} as Snapshot['sensitivity'];
  for (const c of CRITERIA) {
    const curve = (split: 'val' | 'train') =>
      rows(read(`curves.${c}.${split}`, 'f64') as Float64Array, POINT_FIELDS, `curves.${c}.${split}`).map((pt, k) =>
        pt.accuracy >= 0 && pt.accuracy <= 1 && pt.sparsity >= 0 && pt.sparsity <= 1
          ? pt
          : fail(`curves.${c}.${split}[${k}] is not an accuracy-vs-sparsity point`),
      );
    curves[c] = { val: curve('val'), train: curve('train') };
    sensitivity[c] = layers.map((_, l) =>
      rows(
        read(`sensitivity.${c}.${l}`, 'f64') as Float64Array,
        ['sparsity', 'accuracy'] as const,
        `sensitivity.${c}.${l}`,
      ),
    );
  }
  return { provenance, data, layers, training: { losses, batchesPerEpoch, epochs }, dense, curves, sensitivity };
}

const show = (v: unknown) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? 'nothing'));
