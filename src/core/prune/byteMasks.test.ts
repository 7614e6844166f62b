import { describe, expect, it } from 'vitest';
import { countOnes, diffPositions } from './byteMasks';
import { createRng } from '../base';

const naiveDiff = (a: Uint8Array, b: Uint8Array) => [...a.keys()].filter((j) => a[j] !== b[j]);
const randomMask = (rand: () => number, n: number, p: number) =>
  Uint8Array.from({ length: n }, () => (rand() < p ? 1 : 0));

describe('byte mask scans', () => {
  it('diffPositions and countOnes agree with a byte-by-byte scan (lengths, offsets, densities)', () => {
    const rng = createRng(7);
    const rand = () => rng.next();
    for (let trial = 0; trial < 300; trial++) {
      const n = Math.floor(rand() * 2100);
      const offset = Math.floor(rand() * 4); // unaligned views take the byte path
      const a = new Uint8Array(new ArrayBuffer(n + 4), offset, n);
      a.set(randomMask(rand, n, rand()));
      const b = a.slice();
      const flips = Math.floor(rand() * Math.min(n, 40));
      for (let f = 0; f < flips; f++) {
        const j = Math.floor(rand() * n);
        b[j] ^= 1;
      }
      const out = new Int32Array(n);
      const k = diffPositions(a, b, out);
      expect([...out.subarray(0, k)]).toEqual(naiveDiff(a, b));
      expect(countOnes(a)).toBe(a.reduce((s, v) => s + v, 0));
    }
  });

  it('countOnes carries past 255 words of ones, and handles the tail', () => {
    for (const n of [0, 3, 4, 1020, 1021, 4 * 255, 4 * 255 + 1, 4 * 600 + 3, 50_176])
      expect(countOnes(new Uint8Array(n).fill(1))).toBe(n);
  });

  it('refuses masks of different lengths', () => {
    expect(() => diffPositions(new Uint8Array(4), new Uint8Array(5), new Int32Array(5))).toThrow(RangeError);
  });
});
