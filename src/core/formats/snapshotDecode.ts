/**
 * Reading a snapshot file (`snapshotFormat.ts` describes its layout): the header checked field by field,
 * every array against its checksum and the values a trained network can have. Pure.
 */
import { layerShapes, type LayerArrays, crc32, fail, int, Invalid, list, num, obj, oneOf, str } from '../base';
import { CRITERIA } from '../prune';
import { DATASET_NAMES, INPUT_SIZE, TRAIN_SIZE, VAL_SIZE } from '../data';
import {
  SNAPSHOT_ARRAY_CTOR,
  SNAPSHOT_EPOCH_FIELDS,
  SNAPSHOT_MAGIC,
  SNAPSHOT_POINT_FIELDS,
  SNAPSHOT_VERSION,
  type ArrayType,
  type Snapshot,
  type SnapshotArrayEntry,
  type SnapshotProvenance,
  type SplitMetric,
} from './snapshotFormat';

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
  const entries = new Map<string, SnapshotArrayEntry>();
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
    const size = e.length * SNAPSHOT_ARRAY_CTOR[type].BYTES_PER_ELEMENT;
    const from = start + e.offset;
    if (e.offset % 8 !== 0 || e.length < 0 || from + size > bytes.length)
      fail(`array ${name} lies outside the file (is it truncated?)`);
    const chunk = new Uint8Array(size); // a copy with its own buffer (Node's Buffer.slice would share one)
    chunk.set(bytes.subarray(from, from + size));
    if (crc32(chunk) !== e.crc32) fail(`array ${name} does not match its checksum (the file is damaged)`);
    return new SNAPSHOT_ARRAY_CTOR[type](chunk.buffer);
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
    SNAPSHOT_EPOCH_FIELDS,
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
      rows(read(`curves.${c}.${split}`, 'f64') as Float64Array, SNAPSHOT_POINT_FIELDS, `curves.${c}.${split}`).map(
        (pt, k) =>
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
