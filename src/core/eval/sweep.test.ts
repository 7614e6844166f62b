import { describe, expect, it } from 'vitest';
import { layerShapes, initParams, evaluate, createRng } from '../base';
import { CRITERIA, scoreLayers, buildPruneIndex, computeMasks, type Granularity, type Scope } from '../prune';
import { MaskedEvaluator } from './maskedEval';
import { layerSensitivity, sweep, sweepLevels } from './sweep';

const D = 30,
  N = 200;
const r = createRng(11);
const params = initParams(D, 11, layerShapes(D, [12, 6], 4));
// Non-zero biases: with zero biases a fully pruned network has exactly tied logits, where the arg-max
// depends on rounding at the 1e-17 level.
params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.2 * r.normal())));
const x = Float32Array.from({ length: N * D }, () => (r.next() < 0.4 ? 0 : r.normal()));
const y = Uint8Array.from({ length: N }, () => r.int(4));
const stats = params.map((p) => ({
  ...p,
  gradAbsMean: Float32Array.from(p.kernel, () => r.next()),
  gradSqMean: Float32Array.from(p.kernel, () => r.next()),
}));
const shapes = params.map((p) => ({ inputs: p.inputs, units: p.units }));

describe('sweep levels', () => {
  it('has 51 levels from 0 to 99% by default', () => {
    const l = sweepLevels();
    expect(l).toHaveLength(51);
    expect(l[0]).toBe(0);
    expect(l[50]).toBe(0.99);
  });
});

describe('sweep', () => {
  const cases: [Scope, Granularity][] = [
    ['global', 'weights'],
    ['per-layer', 'weights'],
    ['global', 'neurons'],
    ['per-layer', 'neurons'],
  ];
  it.each(cases)('matches an independent evaluation at every level (%s, %s)', (scope, granularity) => {
    for (const criterion of CRITERIA) {
      const index = buildPruneIndex(scoreLayers(criterion, stats, 3), shapes, granularity);
      const points = [
        ...sweep(index, { val: new MaskedEvaluator(params, x, y, N) }, { scope, granularity, levels: sweepLevels(21) }),
      ];
      if (granularity === 'weights') expect(points).toHaveLength(21);
      else expect(points.length).toBeGreaterThan(5); // 18 hidden units: levels that prune no more unit are skipped
      let last = -1;
      for (const p of points) {
        const { masks } = computeMasks(index, { mode: 'sparsity', value: p.target, scope, granularity });
        const ref = evaluate(
          params.map((l, i) => ({ ...l, kernel: l.kernel.map((w, k) => (masks[i][k] ? w : 0)) })),
          x,
          y,
          N,
        );
        expect(p.val.accuracy).toBe(ref.accuracy);
        expect(p.val.loss).toBeCloseTo(ref.loss, 8);
        // The point's sparsity is its mask's actual sparsity, strictly increasing along the curve.
        const actual =
          1 - masks.reduce((a, m) => a + m.reduce((x, v) => x + v, 0), 0) / masks.reduce((a, m) => a + m.length, 0);
        expect(p.sparsity).toBeCloseTo(actual, 12);
        expect(p.sparsity).toBeGreaterThan(last);
        last = p.sparsity;
      }
      expect(points[0].sparsity).toBe(0);
    }
  });

  it('can be stopped early and evaluates the training set when given one', () => {
    const index = buildPruneIndex(scoreLayers('magnitude', stats), shapes, 'weights');
    const gen = sweep(
      index,
      { val: new MaskedEvaluator(params, x, y, N), train: new MaskedEvaluator(params, x, y, N) },
      { scope: 'global', granularity: 'weights' },
    );
    const first = gen.next().value!;
    expect(first.train!.accuracy).toBe(first.val.accuracy);
    expect(first.threshold).toBe(index.global.values[0]);
    gen.return(undefined);
    expect(gen.next().done).toBe(true);
  });
});

describe('layer sensitivity', () => {
  it('prunes one layer alone along its own order, the others dense', () => {
    const index = buildPruneIndex(scoreLayers('magnitude', stats), shapes, 'weights');
    for (let l = 0; l < 3; l++) {
      const points = [...layerSensitivity(index, l, new MaskedEvaluator(params, x, y, N), [0, 0.5, 0.9])];
      expect(points.map((p) => p.sparsity)).toEqual(
        [0, 0.5, 0.9].map(
          (s) => Math.floor(s * shapes[l].inputs * shapes[l].units + 1e-9) / (shapes[l].inputs * shapes[l].units),
        ),
      );
      const { masks } = computeMasks(index, {
        mode: 'sparsity',
        value: 0.5,
        scope: 'per-layer',
        granularity: 'weights',
      });
      const only = params.map((p, i) => ({
        ...p,
        kernel: i === l ? p.kernel.map((w, k) => (masks[i][k] ? w : 0)) : p.kernel,
      }));
      expect(points[1].val.accuracy).toBe(evaluate(only, x, y, N).accuracy);
    }
  });
});
