/**
 * The lab's one tie rule (equal scores → the lower index is pruned first; see prune/ties.test.ts) on the
 * evaluator's paths: every point of a sweep, the per-layer sensitivity, the slider's evaluator, checked
 * against the reference masks of `prune/testTies.ts` on random networks full of ties.
 */
import { describe, expect, it } from 'vitest';
import { type LayerArrays, createRng } from '../base';
import { buildPruneIndex, type Masks } from '../prune';
import { bits, randomShapes, referenceMasks, specs, tieScores } from '../prune/testTies';
import type { EvalResult, MaskedEvaluator } from './maskedEval';
import { PruneEvaluator } from './pruneEvaluator';
import { sparseFeatures } from './sparseFeatures';
import { layerSensitivity, sweep, sweepLevels } from './sweep';

/** An evaluator that keeps a copy of every mask it is asked about. */
function recorder(): { seen: Masks[]; evaluator: MaskedEvaluator } {
  const seen: Masks[] = [];
  const result = { accuracy: 0, loss: 0, perClass: new Float64Array(1) } as unknown as EvalResult;
  return {
    seen,
    evaluator: { evaluate: (m: Masks) => (seen.push(m.map((x) => x.slice())), result) } as unknown as MaskedEvaluator,
  };
}

describe('one tie rule on the evaluator’s paths', () => {
  it('a sweep prunes, at each of its points, the reference mask of that point (property, every granularity and scope)', () => {
    const r = createRng(77);
    for (let trial = 0; trial < 60; trial++) {
      const shapes = randomShapes(r, trial);
      const scores = tieScores(r, shapes);
      for (const granularity of ['weights', 'neurons', '2:4'] as const) {
        for (const scope of ['global', 'per-layer'] as const) {
          const { seen, evaluator } = recorder();
          const points = [
            ...sweep(
              buildPruneIndex(scores, shapes, granularity),
              { val: evaluator },
              { scope, granularity, levels: sweepLevels(51) },
            ),
          ];
          expect(seen).toHaveLength(points.length);
          points.forEach((p, k) =>
            expect(bits(seen[k])).toBe(
              bits(referenceMasks(scores, shapes, { mode: 'sparsity', value: p.target, scope, granularity })),
            ),
          );
        }
      }
    }
  });

  it('the per-layer sensitivity prunes each layer alone along (score, index)', () => {
    const r = createRng(5);
    for (let trial = 0; trial < 30; trial++) {
      const shapes = randomShapes(r, trial);
      const scores = tieScores(r, shapes);
      const index = buildPruneIndex(scores, shapes, 'weights');
      shapes.forEach((_, layer) => {
        const { seen, evaluator } = recorder();
        const levels = [0, 0.3, 0.5, 0.8];
        [...layerSensitivity(index, layer, evaluator, levels)];
        levels.forEach((value, k) => {
          const ref = referenceMasks(scores, shapes, {
            mode: 'sparsity',
            value,
            scope: 'per-layer',
            granularity: 'weights',
          });
          const only = shapes.map((s, l) => (l === layer ? ref[l] : new Uint8Array(s.inputs * s.units).fill(1)));
          expect(bits(seen[k])).toBe(bits(only));
        });
      });
    }
  });

  it('the slider’s evaluator masks by the same rule (gradient and Taylor scores with ties)', () => {
    const r = createRng(31);
    for (let trial = 0; trial < 20; trial++) {
      const shapes = randomShapes(r, trial);
      const grads = tieScores(r, shapes);
      const layers: LayerArrays[] = shapes.map((s, l) => ({
        name: `dense_${l + 1}`,
        ...s,
        kernel: Float32Array.from({ length: s.inputs * s.units }, () => [-1, -0.5, 0, 0.5, 1][r.int(5)]),
        bias: new Float32Array(s.units),
        gradAbsMean: grads[l],
        gradSqMean: grads[l],
      }));
      const n = 5;
      const x = Float32Array.from({ length: n * shapes[0].inputs }, () => r.next());
      const pruner = new PruneEvaluator(layers, 1, {
        features: sparseFeatures(x, n, shapes[0].inputs),
        y: new Uint8Array(n),
        n,
      });
      const taylor = layers.map((l) => Float32Array.from(l.kernel, (w, i) => Math.abs(w) * l.gradAbsMean[i]));
      for (const [criterion, scores] of [
        ['gradient', grads],
        ['taylor', taylor],
      ] as const) {
        for (const granularity of ['weights', 'neurons', '2:4'] as const) {
          for (const spec of specs(granularity).filter((_, k) => k % 3 === 0)) {
            expect(bits(pruner.evaluate(criterion, spec).masks)).toBe(bits(referenceMasks(scores, shapes, spec)));
          }
        }
      }
    }
  });
});

describe('the 2:4 sweep levels', () => {
  it('MNIST and synthetic-32 shapes: 27 points, the last at target 0.5148 with sparsity exactly 50 %', () => {
    const r = createRng(3);
    for (const d of [784, 32]) {
      const shapes = [
        { inputs: d, units: 64 },
        { inputs: 64, units: 32 },
        { inputs: 32, units: 10 },
      ];
      const scores = shapes.map((s) => Float32Array.from({ length: s.inputs * s.units }, () => r.next()));
      for (const scope of ['global', 'per-layer'] as const) {
        const points = [
          ...sweep(
            buildPruneIndex(scores, shapes, '2:4'),
            { val: recorder().evaluator },
            { scope, granularity: '2:4', levels: sweepLevels(51) },
          ),
        ];
        expect(points).toHaveLength(27);
        expect(points.map((p) => p.target)).toEqual(sweepLevels(51).slice(0, 27));
        expect(points.at(-1)!.target).toBe(0.5148);
        expect(points.at(-1)!.sparsity).toBe(0.5);
        expect(points.at(-2)!.sparsity).toBeLessThan(0.5);
      }
    }
  });
});
