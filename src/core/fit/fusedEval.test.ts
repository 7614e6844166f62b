// The fused network's validation pass against base's float64 forward pass, its batch capacity growing
// without changing a number, and bad input refused with nothing changed.
import { describe, expect, it } from 'vitest';
import { createRng, evaluate, initParams, layerShapes } from '../base';
import { createFusedMlp } from '.';

/** MNIST-like rows: `width` features, ~80 % exactly 0, the rest in (0, 1]; labels < classes. */
function rowsLike(n: number, width: number, classes: number, seed: number) {
  const r = createRng(seed);
  const x = Float32Array.from({ length: n * width }, () => (r.next() < 0.8 ? 0 : 1 - r.next()));
  const y = Uint8Array.from({ length: n }, () => r.int(classes));
  return { x, y, order: Int32Array.from({ length: n }, () => r.int(n)) };
}

describe('fused network', () => {
  it('evaluates as the float64 forward pass, in blocks of its capacity', () => {
    const params = initParams(784, 3);
    const { x, y, order } = rowsLike(50, 784, 10, 4);
    const net = createFusedMlp(params, { learningRate: 0.001, capacity: 8 });
    for (let s = 0; s < 3; s++) net.step(x, order, s * 16, 16, y, { live: false });
    const now = net.params().map((l, i) => ({ ...l, name: params[i].name }));
    const ref = evaluate(now, x, y, 50);
    const mine = net.evaluate(x, y, 50);
    expect(Math.abs(mine.loss - ref.loss)).toBeLessThan(1e-5 * ref.loss);
    expect(mine.correct).toBe(ref.correct);
  });

  it('gives the same numbers when a batch outgrows its capacity (the memory grows once)', () => {
    const params = initParams(32, 5, layerShapes(32, [20, 12], 4));
    const { x, y, order } = rowsLike(100, 32, 4, 6);
    const small = createFusedMlp(params, { learningRate: 0.01, capacity: 3 });
    const big = createFusedMlp(params, { learningRate: 0.01, capacity: 64 });
    for (const [start, size] of [
      [0, 2],
      [2, 40],
      [42, 3],
      [45, 55],
    ]) {
      expect(small.step(x, order, start, size, y, { live: true })).toEqual(
        big.step(x, order, start, size, y, { live: true }),
      );
    }
    expect(small.params()).toEqual(big.params());
    expect(small.liveGrads()).toEqual(big.liveGrads());
    // The validation pass sums its blocks' float64 losses: blocks of another size round differently.
    const [a, b] = [small.evaluate(x, y, 100), big.evaluate(x, y, 100)];
    expect(a.correct).toBe(b.correct);
    expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-12);
  });

  it('refuses bad rows, labels, masks and shapes with a clear message, changing nothing', () => {
    const params = initParams(6, 7, layerShapes(6, [5], 3));
    const { x, y, order } = rowsLike(10, 6, 3, 8);
    const net = createFusedMlp(params, { learningRate: 0.01 });
    const fresh = createFusedMlp(params, { learningRate: 0.01 });
    expect(() => net.step(x, Int32Array.of(0, 10), 0, 2, y, { live: true })).toThrow(
      'Row 10 is not one of the 10 rows',
    );
    expect(() => net.step(x, order, 0, 2, Uint8Array.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), { live: true })).toThrow(
      /label 3/,
    );
    expect(() => net.step(x, order, 8, 3, y, { live: true })).toThrow('Rows 8 … 10 are not a batch of the 10 given');
    expect(() => net.step(x.subarray(1), order, 0, 2, y, { live: true })).toThrow(/not rows of 6/);
    expect(() => net.setMasks([new Uint8Array(30)])).toThrow(/masks do not match/);
    expect(() => net.evaluate(x, y, 11)).toThrow(/Cannot evaluate 11 rows/);
    expect(net.params()).toEqual(fresh.params());
    expect(net.step(x, order, 0, 4, y, { live: true })).toEqual(fresh.step(x, order, 0, 4, y, { live: true }));
    expect(net.params()).toEqual(fresh.params());
    expect(() => createFusedMlp(initParams(6, 1, layerShapes(6, [300], 3)), { learningRate: 0.01 })).toThrow(
      /300 units/,
    );
    expect(() => createFusedMlp(initParams(6, 1, layerShapes(6, [5], 1)), { learningRate: 0.01 })).toThrow(/1 classes/);
    net.dispose();
    expect(() => net.params()).toThrow(/disposed/);
  });
});
