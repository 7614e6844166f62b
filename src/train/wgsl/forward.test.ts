import { describe, expect, it } from 'vitest';
import { sparseRows } from './forward';

describe('sparseRows (the first layer forward pass walks these groups only)', () => {
  it('lists each row’s nonzero quads in order, after n + 1 offsets, when the inputs are a multiple of 4', () => {
    // 3 rows × 8 inputs: quads [0, 4) and [4, 8).
    const x = Float32Array.from([0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 2e-30]);
    expect([...sparseRows(x, 3, 8)]).toEqual([4, 5, 5, 7, 0, 0, 1]);
  });

  it('lists single inputs when the inputs are not a multiple of 4', () => {
    const x = Float32Array.from([0, 3, 0, 1, 0, 2]);
    expect([...sparseRows(x, 2, 3)]).toEqual([3, 4, 6, 1, 0, 2]);
  });

  it('agrees with a direct check of every row’s quads', () => {
    const n = 5;
    const inputs = 12;
    const x = Float32Array.from({ length: n * inputs }, (_, i) => ((i * 7) % 5 === 0 ? 0 : i / 10));
    const list = sparseRows(x, n, inputs);
    for (let r = 0; r < n; r++) {
      const quads = [...list.subarray(list[r], list[r + 1])];
      const expected = [0, 1, 2].filter((q) =>
        x.subarray(r * inputs + 4 * q, r * inputs + 4 * q + 4).some((v) => v !== 0),
      );
      expect(quads).toEqual(expected);
    }
  });
});
