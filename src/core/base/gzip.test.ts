import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzip, gzipSize } from './gzip';
import { createRng } from './rng';

describe('gzip', () => {
  it('gives back the input through node:zlib, for empty, small and large data', async () => {
    const r = createRng(1);
    for (const n of [0, 1, 1000, 300_000]) {
      const data = Uint8Array.from({ length: n }, () => r.int(256));
      const copy = Uint8Array.from(data);
      const z = await gzip(data);
      expect(Array.from(z.subarray(0, 2))).toEqual([0x1f, 0x8b]);
      expect(Buffer.from(gunzipSync(z)).equals(Buffer.from(data))).toBe(true);
      expect(data).toEqual(copy);
    }
  });

  it('compresses a zero-filled buffer to far less than its size; random bytes hardly at all', async () => {
    expect(await gzipSize(new Uint8Array(100_000))).toBeLessThan(1000);
    const r = createRng(2);
    const noise = Uint8Array.from({ length: 10_000 }, () => r.int(256));
    expect(await gzipSize(noise)).toBeGreaterThan(9_900);
  });

  it('compresses a subarray view, not its whole buffer', async () => {
    const big = new Uint8Array(1000).fill(7);
    const view = big.subarray(100, 110);
    expect(Buffer.from(gunzipSync(await gzip(view))).equals(Buffer.from(view))).toBe(true);
  });
});
