import { describe, expect, it } from 'vitest';
import { digitImageUrl } from './digitImage';

/** Decodes the BMP the way a reader of the format would: headers, palette, top-down padded rows. */
function decode(url: string) {
  expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
  const bytes = Uint8Array.from(Buffer.from(url.split(',')[1], 'base64'));
  const v = new DataView(bytes.buffer);
  const [width, height, bpp, offset] = [
    v.getInt32(18, true),
    v.getInt32(22, true),
    v.getUint16(28, true),
    v.getUint32(10, true),
  ];
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const grey = (r: number, c: number) => {
    const index = bytes[offset + r * stride + c];
    const [b, g, red] = [bytes[54 + index * 4], bytes[55 + index * 4], bytes[56 + index * 4]];
    expect(b === g && g === red).toBe(true);
    return red;
  };
  return {
    magic: String.fromCharCode(bytes[0], bytes[1]),
    fileSize: v.getUint32(2, true),
    length: bytes.length,
    width,
    height,
    bpp,
    grey,
  };
}

describe('digit images', () => {
  it('are 8-bit top-down BMPs whose pixels are the values, ink dark on light', () => {
    const size = 28;
    const values = Float32Array.from({ length: size * size }, (_, i) => ((i * 37) % 101) / 100);
    values[0] = 1;
    values[1] = 0;
    values[size * size - 1] = 0.5;
    const bmp = decode(digitImageUrl(values, size));
    expect([bmp.magic, bmp.width, bmp.height, bmp.bpp, bmp.fileSize]).toEqual(['BM', 28, -28, 8, bmp.length]);
    expect([bmp.grey(0, 0), bmp.grey(0, 1), bmp.grey(27, 27)]).toEqual([0, 255, 127]);
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) expect(bmp.grey(r, c)).toBe(255 - Math.round(255 * values[r * size + c]));
  });

  it('pads rows of odd widths to 4 bytes, and clamps values outside 0–1', () => {
    const values = [2, -1, 0.5, NaN, 1, 0, 0.25, 0.75, 1];
    const bmp = decode(digitImageUrl(values, 3));
    expect(bmp.length).toBe(14 + 40 + 1024 + 4 * 3);
    expect([0, 1, 2].map((c) => bmp.grey(0, c))).toEqual([0, 255, 127]);
    expect([0, 1, 2].map((c) => bmp.grey(1, c))).toEqual([255, 0, 255]);
  });
});
