import { describe, expect, it } from 'vitest';
import { aucLower, atLeast, countClasses, digitGrid, jaccard } from './forgetStudy.mjs';

describe('jaccard', () => {
  it('is the shared part of the union', () => {
    expect(jaccard([1, 2, 3], [2, 3, 4, 5])).toBe(2 / 5);
    expect(jaccard([1], [2])).toBe(0);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard([7, 7, 8], [8, 7])).toBe(1);
  });
});

describe('atLeast', () => {
  it('matches counting the outcomes by hand', () => {
    // Three trials 0.5, 0.2, 0.1: P(all three) = 0.01; P(none) = 0.5·0.8·0.9 = 0.36.
    expect(atLeast([0.5, 0.2, 0.1], 3)).toBeCloseTo(0.01, 15);
    expect(atLeast([0.5, 0.2, 0.1], 1)).toBeCloseTo(1 - 0.36, 15);
    expect(atLeast([0.5, 0.2, 0.1], 0)).toBeCloseTo(1, 15);
    // Exactly two: 0.5·0.2·0.9 + 0.5·0.8·0.1 + 0.5·0.2·0.1 = 0.09 + 0.04 + 0.01 = 0.14, plus three: 0.01.
    expect(atLeast([0.5, 0.2, 0.1], 2)).toBeCloseTo(0.15, 15);
  });
  it('is the binomial tail for equal probabilities', () => {
    const p = 0.3;
    const binom = (n: number, k: number) => {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      return c * p ** k * (1 - p) ** (n - k);
    };
    const tail = [3, 4, 5].reduce((a, k) => a + binom(5, k), 0);
    expect(atLeast([p, p, p, p, p], 3)).toBeCloseTo(tail, 14);
  });
});

describe('aucLower', () => {
  it('is 1 when every member of the subset scores lowest, 0 when highest, 0.5 when mixed evenly', () => {
    expect(aucLower([0.1, 0.2], [0.5, 0.9, 0.7])).toBe(1);
    expect(aucLower([0.8, 0.9], [0.1, 0.2])).toBe(0);
    expect(aucLower([0.1, 0.9], [0.5, 0.5])).toBe(0.5);
  });
  it('counts ties as half and agrees with counting the pairs', () => {
    const first = [0.3, 0.3, 0.6, 0.1];
    const rest = [0.3, 0.5, 0.05, 0.6, 0.9];
    let wins = 0;
    for (const a of first) for (const b of rest) wins += a < b ? 1 : a === b ? 0.5 : 0;
    expect(aucLower(first, rest)).toBeCloseTo(wins / (first.length * rest.length), 15);
  });
  it('is null for an empty side', () => {
    expect(aucLower([], [1])).toBeNull();
  });
});

describe('grayPng', () => {
  it('writes a PNG that zlib reads back to the same rows, with valid chunk checksums', async () => {
    const { inflateSync, crc32 } = (await import('node:zlib')) as typeof import('node:zlib') & {
      crc32?: (b: Uint8Array) => number;
    };
    const { grayPng } = await import('./png.mjs');
    const px = Uint8Array.from({ length: 5 * 3 }, (_, i) => i * 17);
    const png = grayPng(px, 5, 3);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const chunks: { type: string; data: Buffer; crc: number; body: Buffer }[] = [];
    for (let at = 8; at < png.length;) {
      const len = png.readUInt32BE(at);
      const body = png.subarray(at + 4, at + 8 + len);
      chunks.push({
        type: body.subarray(0, 4).toString(),
        data: body.subarray(4),
        crc: png.readUInt32BE(at + 8 + len),
        body,
      });
      at += 12 + len;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect([
      chunks[0].data.readUInt32BE(0),
      chunks[0].data.readUInt32BE(4),
      chunks[0].data[8],
      chunks[0].data[9],
    ]).toEqual([5, 3, 8, 0]);
    if (crc32) for (const c of chunks) expect(c.crc).toBe(crc32(c.body));
    const raw = inflateSync(chunks[1].data);
    for (let y = 0; y < 3; y++) {
      expect(raw[y * 6]).toBe(0);
      expect([...raw.subarray(y * 6 + 1, y * 6 + 6)]).toEqual([...px.subarray(y * 5, y * 5 + 5)]);
    }
  });
});

describe('countClasses', () => {
  it('counts the rows of each class, most first', () => {
    expect(countClasses([0, 1, 2, 3, 4], [3, 5, 3, 5, 1])).toBe('3: 2, 5: 2, 1: 1');
    expect(countClasses([], [1])).toBe('');
  });
});

describe('digitGrid', () => {
  it('places each digit in its cell, enlarged, ink dark on white', () => {
    const x = new Float32Array(2 * 784);
    x[0] = 1; // row 0: its top-left pixel full ink
    x[784 + 27 * 28 + 27] = 0.5; // row 1: its bottom-right pixel half ink
    const g = digitGrid([0, 1], x, { cols: 2, scale: 2, gap: 1 });
    expect([g.width, g.height]).toEqual([2 * 57 + 1, 58]);
    const at = (px: number, py: number) => g.pixels[py * g.width + px];
    expect([at(1, 1), at(2, 2), at(3, 3), at(0, 0)]).toEqual([0, 0, 255, 255]);
    // Row 1's cell starts at x = 1 + 57; its pixel (27, 27) covers 2×2 pixels ending at the cell's corner.
    expect(at(58 + 55, 1 + 55)).toBe(255 - Math.round(0.5 * 255));
    expect(at(58 + 53, 1 + 53)).toBe(255);
  });
});
