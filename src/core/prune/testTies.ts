/**
 * The reference of the lab's one tie rule (equal scores → the lower index, layer then row-major index, unit
 * index for neurons, input index inside a 2:4 group, is pruned first), written from the README's "Rules of
 * the masks" and sharing no code with masks.ts or allocation.ts; and random networks full of ties: scores
 * from {0, 0.5, 1} (and a few NaN, which rank as −∞), shapes with partial 2:4 groups. Its checks:
 * `ties.test.ts` (masks, 2:4 groups, lottery tickets) and `eval/sweepTies.test.ts` (sweeps, the per-layer
 * sensitivity, the slider's evaluator).
 */
import type { Rng } from '../base';
import type { Granularity, Masks, PruneSpec, Scope, Shape } from './masks';

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

export function referenceMasks(scores: Float32Array[], shapes: Shape[], spec: PruneSpec): Masks {
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
export function randomShapes(r: Rng, trial: number): Shape[] {
  const sizes = [1 + (trial % 11), 1 + r.int(9), 1 + r.int(7), 1 + r.int(4)];
  return sizes.slice(1).map((units, l) => ({ inputs: sizes[l], units }));
}
export const tieScores = (r: Rng, shapes: Shape[], nan = false) =>
  shapes.map((s) =>
    Float32Array.from({ length: s.inputs * s.units }, () => (nan && r.next() < 0.05 ? NaN : [0, 0.5, 1][r.int(3)])),
  );

const SPARSITIES = [0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.6, 0.9, 1];
const THRESHOLDS = [0, 0.25, 0.5, 0.75, 1, 1.5];
export const specs = (granularity: Granularity): PruneSpec[] =>
  (['global', 'per-layer'] as Scope[]).flatMap((scope) => [
    ...SPARSITIES.map((value) => ({ mode: 'sparsity' as const, value, scope, granularity })),
    ...THRESHOLDS.map((value) => ({ mode: 'threshold' as const, value, scope, granularity })),
  ]);
export const bits = (m: Masks) => m.map((x) => Array.from(x).join('')).join('|');
