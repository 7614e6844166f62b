import { gunzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// The converter is a plain Node script; the decoder is the app's. Testing them together checks the format.
import { encodeMnist, OUT, readDigits } from '../../../scripts/build-data.mjs';
import { classCounts, MNIST_SPLIT_SEED, TRAIN_SIZE, VAL_SIZE } from './dataset';
import { decodeMnist, mnistDataset, type MnistRaw } from './mnistFormat';

/** Byte equality without vitest's slow element-wise deep comparison. */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

let digits: number[][];
let raw: MnistRaw;
beforeAll(() => {
  digits = readDigits();
  raw = decodeMnist(encodeMnist(digits));
});

describe('MNIST conversion', () => {
  it('keeps all 10,000 samples with the documented numbering (file by file, in order)', () => {
    expect(raw.count).toBe(10000);
    expect(raw.features).toBe(784);
    let s = 0;
    digits.forEach((data, d) => {
      const n = data.length / 784;
      for (let k = 0; k < n; k++, s++) expect(raw.labels[s]).toBe(d);
    });
    expect(classCounts(raw.labels, 10)).toEqual(digits.map((a) => a.length / 784));
  });

  it('stores pixels as round(v·255), within half a step of the package values', () => {
    const offsets = [0];
    digits.forEach((a) => offsets.push(offsets[offsets.length - 1] + a.length / 784));
    for (const [d, k] of [
      [0, 0],
      [3, 17],
      [7, 1069],
      [9, 977],
    ]) {
      const s = offsets[d] + k;
      for (let i = 0; i < 784; i++) {
        const v = digits[d][k * 784 + i];
        expect(raw.pixels[s * 784 + i]).toBe(Math.round(v * 255));
        expect(Math.abs(raw.pixels[s * 784 + i] / 255 - v)).toBeLessThanOrEqual(0.5 / 255 + 1e-12);
      }
    }
  });

  it('decodes the gzipped file the build writes to public/', () => {
    expect(existsSync(OUT)).toBe(true); // `npm run test:unit` builds it first
    const fromFile = decodeMnist(new Uint8Array(gunzipSync(readFileSync(OUT))));
    expect(sameBytes(fromFile.labels, raw.labels)).toBe(true);
    expect(sameBytes(fromFile.pixels, raw.pixels)).toBe(true);
    const changed = fromFile.pixels.slice();
    changed[5000] ^= 1;
    expect(sameBytes(changed, raw.pixels)).toBe(false);
  });

  it('rejects damaged files with a readable message', () => {
    const good = encodeMnist(digits.map((a) => a.slice(0, 784)));
    expect(decodeMnist(good).count).toBe(10);
    expect(() => decodeMnist(good.slice(0, 10))).toThrow(/too short/);
    const badMagic = good.slice();
    badMagic[0] = 88;
    expect(() => decodeMnist(badMagic)).toThrow(/magic/);
    expect(() => decodeMnist(good.slice(0, good.length - 1))).toThrow(/expected/);
    const badLabel = good.slice();
    badLabel[16] = 42;
    expect(() => decodeMnist(badLabel)).toThrow(/label 42/);
    expect(() => encodeMnist([[2, ...new Array(783).fill(0)]])).toThrow(/outside/);
  });
});

describe('MNIST split', () => {
  it('is the fixed 8,000 / 2,000 stratified split, identical on every call', () => {
    const a = mnistDataset(raw);
    const b = mnistDataset(raw, MNIST_SPLIT_SEED);
    expect(a.train.n).toBe(TRAIN_SIZE);
    expect(a.val.n).toBe(VAL_SIZE);
    expect(sameBytes(a.train.indices, b.train.indices)).toBe(true);
    const total = classCounts(raw.labels, 10);
    classCounts(a.train.y, 10).forEach((c, d) => expect(Math.abs(c - total[d] * 0.8)).toBeLessThan(1));
    // Features are pixel / 255 of the sample named by `indices`.
    const r = 123,
      s = a.train.indices[r];
    for (let i = 0; i < 784; i++) expect(a.train.x[r * 784 + i]).toBeCloseTo(raw.pixels[s * 784 + i] / 255, 7);
    expect(a.train.y[r]).toBe(raw.labels[s]);
  });
});
