/**
 * The lab's one tie rule, checked on every path that turns scores into a mask: equal scores → the lower
 * index (layer, then row-major index; unit index for neurons; input index inside a 2:4 group) is pruned
 * first. Scores are drawn from {0, 0.5, 1} (and a few NaN, which rank as −∞), so almost every decision is
 * a tie, and shapes include partial 2:4 groups (inputs not a multiple of 4). The reference below is
 * written from the README's "Rules of the masks" and shares no code with masks.ts or allocation.ts.
 */
import { describe, expect, it } from 'vitest';
import { type LayerArrays, createRng, type Rng } from '../base';
import { nmMask } from './allocation';
import {
  type EvalResult,
  type MaskedEvaluator,
  PruneEvaluator,
  sparseFeatures,
  layerSensitivity,
  sweep,
  sweepLevels,
} from '../eval';
import {
  buildPruneIndex,
  computeMasks,
  type Granularity,
  type Masks,
  type PruneSpec,
  type Scope,
  type Shape,
} from './masks';
import { ticketMask, ticketSparsity } from './tickets';

// ---- The reference ----------------------------------------------------------------------------------

/** A rankable item: `index` is the row-major weight index, or the unit index for neurons. */
interface Item {
  layer: number;
  index: number;
  score: number;
}
const rank = (s: number) => (Number.isNaN(s) ? -Infinity : s);
/** Ascending (score, layer, index); equal infinities compare as a tie. */
const byRule = (a: Item, b: Item) =>
  (a.score === b.score ? 0 : a.score - b.score) || a.layer - b.layer || a.index - b.index;

/** What may be pruned, per layer (or hidden layer), and how many items the layer has in all. */
function candidates(
  scores: Float32Array[],
  shapes: Shape[],
  granularity: Granularity,
): { items: Item[][]; sizes: number[] } {
  if (granularity === 'weights')
    return {
      items: scores.map((s, layer) => Array.from(s, (v, index) => ({ layer, index, score: rank(v) }))),
      sizes: scores.map((s) => s.length),
    };
  if (granularity === 'neurons') {
    const hidden = shapes.slice(0, -1);
    const items = hidden.map(({ inputs, units }, layer) =>
      Array.from({ length: units }, (_, index) => {
        let sum = 0;
        for (let i = 0; i < inputs; i++) sum += scores[layer][i * units + index];
        return { layer, index, score: rank(Math.fround(sum / inputs)) };
      }),
    );
    return { items, sizes: hidden.map((s) => s.units) };
  }
  // 2:4: in each group of 4 consecutive inputs of a unit, all but the 2 highest (score, index) may go.
  const items = shapes.map(({ inputs, units }, layer) => {
    const out: Item[] = [];
    for (let j = 0; j < units; j++) {
      for (let g = 0; g < inputs; g += 4) {
        const group: Item[] = [];
        for (let i = g; i < Math.min(g + 4, inputs); i++)
          group.push({ layer, index: i * units + j, score: rank(scores[layer][i * units + j]) });
        out.push(...group.sort(byRule).slice(0, Math.max(0, group.length - 2)));
      }
    }
    return out;
  });
  return { items, sizes: scores.map((s) => s.length) };
}

function referenceMasks(scores: Float32Array[], shapes: Shape[], spec: PruneSpec): Masks {
  const { items, sizes } = candidates(scores, shapes, spec.granularity);
  const total = sizes.reduce((a, b) => a + b, 0);
  const all = items.flat().sort(byRule);
  const below = all.filter((c) => c.score < spec.value).length;
  let pruned: Item[];
  if (spec.scope === 'global') {
    const k = spec.mode === 'sparsity' ? Math.floor(spec.value * total + 1e-9) : below;
    pruned = all.slice(0, Math.min(k, all.length));
  } else {
    const share = spec.mode === 'sparsity' ? spec.value : below / total;
    pruned = items.flatMap((group, l) =>
      [...group].sort(byRule).slice(0, Math.min(group.length, Math.floor(share * sizes[l] + 1e-9))),
    );
  }
  const masks = shapes.map((s) => new Uint8Array(s.inputs * s.units).fill(1));
  for (const { layer, index } of pruned) {
    if (spec.granularity !== 'neurons') masks[layer][index] = 0;
    else {
      const s = shapes[layer],
        next = shapes[layer + 1];
      for (let i = 0; i < s.inputs; i++) masks[layer][i * s.units + index] = 0;
      for (let j = 0; j < next.units; j++) masks[layer + 1][index * next.units + j] = 0;
    }
  }
  return masks;
}

// ---- Random networks full of ties ---------------------------------------------------------------------

/** Three chained layers; the first has 1–11 inputs, so every partial group (1, 2, 3 inputs) occurs. */
function randomShapes(r: Rng, trial: number): Shape[] {
  const sizes = [1 + (trial % 11), 1 + r.int(9), 1 + r.int(7), 1 + r.int(4)];
  return sizes.slice(1).map((units, l) => ({ inputs: sizes[l], units }));
}
const tieScores = (r: Rng, shapes: Shape[], nan = false) =>
  shapes.map((s) =>
    Float32Array.from({ length: s.inputs * s.units }, () => (nan && r.next() < 0.05 ? NaN : [0, 0.5, 1][r.int(3)])),
  );

const SPARSITIES = [0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.6, 0.9, 1];
const THRESHOLDS = [0, 0.25, 0.5, 0.75, 1, 1.5];
const specs = (granularity: Granularity): PruneSpec[] =>
  (['global', 'per-layer'] as Scope[]).flatMap((scope) => [
    ...SPARSITIES.map((value) => ({ mode: 'sparsity' as const, value, scope, granularity })),
    ...THRESHOLDS.map((value) => ({ mode: 'threshold' as const, value, scope, granularity })),
  ]);
const bits = (m: Masks) => m.map((x) => Array.from(x).join('')).join('|');

/** An evaluator that keeps a copy of every mask it is asked about. */
function recorder(): { seen: Masks[]; evaluator: MaskedEvaluator } {
  const seen: Masks[] = [];
  const result = { accuracy: 0, loss: 0, perClass: new Float64Array(1) } as unknown as EvalResult;
  return {
    seen,
    evaluator: { evaluate: (m: Masks) => (seen.push(m.map((x) => x.slice())), result) } as unknown as MaskedEvaluator,
  };
}

// ---- The checks ---------------------------------------------------------------------------------------

describe('one tie rule: the lower index is pruned first', () => {
  it('masks equal the reference for weights, neurons and 2:4, global and per layer, both modes (property)', () => {
    const r = createRng(2024);
    for (let trial = 0; trial < 150; trial++) {
      const shapes = randomShapes(r, trial);
      const scores = tieScores(r, shapes, trial % 5 === 4);
      for (const granularity of ['weights', 'neurons', '2:4'] as const) {
        const index = buildPruneIndex(scores, shapes, granularity);
        for (const spec of specs(granularity)) {
          const got = computeMasks(index, spec).masks;
          expect(bits(got), `${trial} ${JSON.stringify(spec)} ${JSON.stringify(shapes)}`).toBe(
            bits(referenceMasks(scores, shapes, spec)),
          );
        }
      }
    }
  });

  it('2:4 on equal scores prunes the first inputs of every group; partial groups of 1, 2, 3 keep at most 2', () => {
    // One unit; inputs 0–3 a full group, 4–6 a group of 3. All scores equal: inputs 0, 1 and 4 go.
    expect(Array.from(nmMask(new Float32Array(7), 7, 1))).toEqual([0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(nmMask(new Float32Array(6), 6, 1))).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from(nmMask(new Float32Array(5), 5, 1))).toEqual([0, 0, 1, 1, 1]);
    // Two tied at the top of a group: the higher input of the tie is kept.
    expect(Array.from(nmMask(Float32Array.of(1, 0.5, 1, 1), 4, 1))).toEqual([0, 0, 1, 1]);
    // NaN ranks as −∞: pruned before 0.
    expect(Array.from(nmMask(Float32Array.of(0, NaN, 0, 0), 4, 1))).toEqual([0, 0, 1, 1]);
  });

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

  it('lottery-ticket rounds rank |w| with earlier-pruned weights first, then ties by index', () => {
    const r = createRng(9);
    for (let trial = 0; trial < 30; trial++) {
      const shapes = randomShapes(r, trial);
      const trained = shapes.map((s) => ({
        name: '',
        ...s,
        kernel: Float32Array.from({ length: s.inputs * s.units }, () => [-1, 0, 0.5, 1][r.int(4)]),
      }));
      let previous: Masks | null = null;
      for (let round = 1; round <= 3; round++) {
        const got = ticketMask(trained, previous, 0.4, round);
        const scores = trained.map((l, i) =>
          Float32Array.from(l.kernel, (w, k) => (previous && previous[i][k] === 0 ? -Infinity : Math.abs(w))),
        );
        expect(bits(got)).toBe(
          bits(
            referenceMasks(scores, shapes, {
              mode: 'sparsity',
              value: ticketSparsity(0.4, round),
              scope: 'global',
              granularity: 'weights',
            }),
          ),
        );
        previous = got;
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
