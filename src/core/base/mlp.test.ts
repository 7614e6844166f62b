import { describe, expect, it } from 'vitest';
import { forwardLogits, lossAndAccuracy } from './mlp';

describe('plain-TS forward pass', () => {
  // 2 inputs → 2 relu → 2 logits, computed by hand.
  const layers = [
    { inputs: 2, units: 2, kernel: [1, -1, 2, 1], bias: [0, 0.5] },
    { inputs: 2, units: 2, kernel: [1, 0, -1, 2], bias: [0.1, -0.1] },
  ];

  it('matches a hand computation (row-major [in, out] kernels, relu on hidden)', () => {
    // x = (1, 2): h = relu(1*1 + 2*2, 1*-1 + 2*1 + 0.5) = (5, 1.5); z = (5 - 1.5 + 0.1, 3 - 0.1)
    // x = (-1, 0): h = relu(-1, 1.5) = (0, 1.5); z = (-1.5 + 0.1, 3 - 0.1)
    const z = forwardLogits(layers, [1, 2, -1, 0], 2);
    expect(Array.from(z)).toEqual([3.6, 2.9, -1.4, 2.9].map((v) => expect.closeTo(v, 12)));
  });

  it('computes softmax cross-entropy and accuracy', () => {
    const logits = [0, Math.log(3), 2, 2];
    const r = lossAndAccuracy(logits, [1, 1], 2, 2);
    // Row 0: p(1) = 3/4. Row 1: p(1) = 1/2, tie → arg-max 0 (wrong).
    expect(r.loss).toBeCloseTo((-Math.log(0.75) - Math.log(0.5)) / 2, 12);
    expect(r.accuracy).toBe(0.5);
  });

  it('is stable for large logits', () => {
    const r = lossAndAccuracy([1000, 0], [0], 1, 2);
    expect(r.loss).toBeCloseTo(0, 12);
    expect(Number.isFinite(lossAndAccuracy([-1000, 1000], [0], 1, 2).loss)).toBe(true);
  });
});
