import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { shuffleWithinLayers, snipMasks, ticketMask, ticketSparsity } from './tickets';

const shapes = [
  { name: 'a', inputs: 6, units: 5 },
  { name: 'b', inputs: 5, units: 3 },
];
const random = (seed: number) => {
  const r = createRng(seed);
  return shapes.map((s) => ({
    ...s,
    kernel: Float32Array.from({ length: s.inputs * s.units }, () => r.uniform(-1, 1)),
  }));
};
const pruned = (m: Uint8Array) => m.length - m.reduce((a, v) => a + v, 0);

describe('SNIP at initialisation', () => {
  it('keeps the largest |g·w| (hand-computed, one 2×2 layer)', () => {
    const layer = [{ name: 'x', inputs: 2, units: 2, kernel: Float32Array.of(1, -2, 3, 0.5) }];
    // |g·w| = 0.4, 0.2, 0.3, 2 → at 50 % the two smallest (0.2 and 0.3) go.
    const [m] = snipMasks(layer, [Float32Array.of(0.4, 0.1, 0.1, 4)], 0.5);
    expect(Array.from(m)).toEqual([1, 0, 0, 1]);
  });
  it('prunes ⌊s·N⌋ weights in all', () => {
    const init = random(1);
    const grads = random(2).map((l) => l.kernel.map(Math.abs));
    const masks = snipMasks(init, grads, 0.6);
    expect(masks.reduce((a, m) => a + pruned(m), 0)).toBe(Math.floor(0.6 * 45));
  });
});

describe('the shuffled-mask check', () => {
  it('keeps every layer’s count, moves the kept weights, is seeded, and does not mutate', () => {
    const masks = snipMasks(
      random(3),
      random(4).map((l) => l.kernel.map(Math.abs)),
      0.5,
    );
    const before = masks.map((m) => Array.from(m));
    const a = shuffleWithinLayers(masks, 7);
    expect(masks.map((m) => Array.from(m))).toEqual(before);
    a.forEach((m, l) => expect(pruned(m)).toBe(pruned(masks[l])));
    expect(a.map((m) => Array.from(m))).not.toEqual(before);
    expect(shuffleWithinLayers(masks, 7)).toEqual(a);
    expect(shuffleWithinLayers(masks, 8)).not.toEqual(a);
  });
});

describe('lottery-ticket rounds', () => {
  it('sparsity 1 − (1 − p)^r', () => {
    expect(ticketSparsity(0.5, 1)).toBe(0.5);
    expect(ticketSparsity(0.5, 3)).toBe(0.875);
    expect(ticketSparsity(0.2, 0)).toBe(0);
  });
  it('round 1 is global magnitude pruning; later rounds are nested and reach their sparsity (property)', () => {
    for (let seed = 0; seed < 10; seed++) {
      const trained = random(seed);
      const first = ticketMask(trained, null, 0.4, 1);
      const threshold = Math.min(
        ...trained.flatMap((l, i) =>
          Array.from(l.kernel)
            .filter((_, k) => first[i][k])
            .map(Math.abs),
        ),
      );
      trained.forEach((l, i) =>
        l.kernel.forEach((w, k) => first[i][k] === 0 && expect(Math.abs(w)).toBeLessThanOrEqual(threshold)),
      );
      // A round trained on different weights: what round 1 pruned stays pruned.
      const second = ticketMask(random(seed + 100), first, 0.4, 2);
      second.forEach((m, i) => m.forEach((v, k) => first[i][k] === 0 && expect(v).toBe(0)));
      expect(second.reduce((a, m) => a + pruned(m), 0)).toBe(Math.floor(ticketSparsity(0.4, 2) * 45 + 1e-9));
    }
  });
});
