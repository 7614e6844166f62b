import { describe, expect, it } from 'vitest';
import { crc32 } from '../base';
import { decodeSnapshot } from './snapshotDecode';
import { encodeSnapshot, SNAPSHOT_VERSION } from './snapshotFormat';
import { makeSnapshot } from './testSnapshot';

const snap = makeSnapshot();
const bytes = encodeSnapshot(snap);
const error = (b: Uint8Array) => {
  const r = decodeSnapshot(b);
  return r.ok ? 'decoded' : r.error;
};
/** The header JSON of the bytes, edited, with the data part kept where it was. */
function withHeader(edit: (h: any) => void): Uint8Array {
  const view = new DataView(bytes.buffer);
  const length = view.getUint32(8, true);
  const start = Math.ceil((12 + length) / 8) * 8;
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
  edit(h);
  const json = new TextEncoder().encode(JSON.stringify(h));
  const newStart = Math.ceil((12 + json.length) / 8) * 8;
  const out = new Uint8Array(newStart + bytes.length - start);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(bytes.subarray(start), newStart);
  return out;
}

describe('snapshot format', () => {
  it('round-trips every array and field exactly', () => {
    const r = decodeSnapshot(bytes);
    if (!r.ok) throw new Error(r.error);
    const back = r.snapshot;
    expect(back.provenance).toEqual(snap.provenance);
    expect(back.dense).toEqual(snap.dense);
    expect(back.data).toEqual(snap.data);
    expect(back.layers).toEqual(snap.layers);
    expect(back.training).toEqual(snap.training);
    expect(back.curves).toEqual(snap.curves);
    expect(back.sensitivity).toEqual(snap.sensitivity);
    expect(back.curves.gradient.val[50].threshold).toBe(Infinity);
    expect(encodeSnapshot(back)).toEqual(bytes);
  });

  it('stores the arrays as binary, not JSON (the header is a small part of the file)', () => {
    const headerLength = new DataView(bytes.buffer).getUint32(8, true);
    expect(headerLength).toBeLessThan(0.25 * bytes.length);
    expect(bytes.length).toBeLessThan(4 * 1.15 * snap.layers.reduce((a, l) => a + 3 * l.kernel.length, 0) + 60_000);
  });

  it('names each kind of damage', () => {
    expect(error(bytes.slice(0, 8))).toBe('not a Gradient Pruning Lab snapshot (no "GPLS" at the start)');
    expect(error(new TextEncoder().encode('GIF89a........'))).toMatch(/^not a Gradient Pruning Lab snapshot/);
    const v2 = bytes.slice();
    new DataView(v2.buffer).setUint32(4, SNAPSHOT_VERSION + 1, true);
    expect(error(v2)).toBe(
      `snapshot format version ${SNAPSHOT_VERSION + 1} is not supported; this lab reads version ${SNAPSHOT_VERSION}`,
    );
    expect(error(bytes.slice(0, bytes.length - 100))).toMatch(/lies outside the file \(is it truncated\?\)$/);
    const flipped = bytes.slice();
    flipped[flipped.length - 3] ^= 0x40;
    expect(error(flipped)).toMatch(
      /^array sensitivity\.random\.2 does not match its checksum \(the file is damaged\)$/,
    );
    const header = bytes.slice();
    header[20] = 0xff;
    expect(error(header)).toMatch(/^the snapshot header is damaged/);
    expect(error(withHeader((h) => (h.layers[1].units = 33)))).toBe(
      'layer 1 is 64 × 33, expected 64 × 32 for synthetic-32',
    );
    expect(error(withHeader((h) => (h.provenance.config.dataset = 'cifar')))).toMatch(
      /^provenance\.config\.dataset is "cifar", expected one of/,
    );
    expect(error(withHeader((h) => (h.dense.val.accuracy = 1.2)))).toBe(
      'dense.val.accuracy is 1.2, expected a number in 0..1',
    );
    expect(
      error(withHeader((h) => (h.arrays = h.arrays.filter((a: { name: string }) => a.name !== 'layer0.bias')))),
    ).toBe('array layer0.bias is missing');
    expect(error(withHeader((h) => (h.provenance.config.epochs = 3)))).toBe(
      'the training curves have 2 epochs and 250 batch losses, expected 3 and 375',
    );
  });

  it('refuses values a trained network cannot have, even with a valid checksum', () => {
    const bad = {
      ...snap,
      layers: snap.layers.map((l, i) =>
        i === 2 ? { ...l, gradAbsMean: Float32Array.from(l.gradAbsMean, (v, k) => (k === 7 ? -v : v)) } : l,
      ),
    };
    expect(error(encodeSnapshot(bad))).toMatch(/^layer2\.gradAbsMean\[7\] is -[\d.e-]+, expected a finite number ≥ 0$/);
    const nan = {
      ...snap,
      layers: snap.layers.map((l, i) =>
        i === 0 ? { ...l, kernel: Float32Array.from(l.kernel, (v, k) => (k === 3 ? NaN : v)) } : l,
      ),
    };
    expect(error(encodeSnapshot(nan))).toBe('layer0.kernel[3] is NaN, expected a finite number');
    const twice = {
      ...snap,
      data: {
        ...snap.data,
        valIndices: Uint32Array.from(snap.data.valIndices, (s, k) => (k === 0 ? snap.data.trainIndices[0] : s)),
      },
    };
    expect(error(encodeSnapshot(twice))).toMatch(/^sample \d+ appears twice in the split/);
  });

  it("checksums are CRC-32 of each array's bytes", () => {
    const length = new DataView(bytes.buffer).getUint32(8, true);
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
    const entry = h.arrays.find((a: { name: string }) => a.name === 'layer1.kernel');
    expect(entry.crc32).toBe(crc32(new Uint8Array(snap.layers[1].kernel.buffer)));
  });
});
