/**
 * The lab's one tie rule, checked on every path that turns scores into a mask: equal scores → the lower
 * index (layer, then row-major index; unit index for neurons; input index inside a 2:4 group) is pruned
 * first. Scores are drawn from {0, 0.5, 1} (and a few NaN, which rank as −∞), so almost every decision is
 * a tie, and shapes include partial 2:4 groups (inputs not a multiple of 4). The reference (`testTies.ts`)
 * is written from the README's "Rules of the masks" and shares no code with masks.ts or allocation.ts.
 * The evaluator's paths (sweeps, sensitivity, the slider) are checked in `eval/sweepTies.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { nmMask } from './allocation';
import { buildPruneIndex, computeMasks, type Masks } from './masks';
import { bits, randomShapes, referenceMasks, specs, tieScores } from './testTies';
import { ticketMask, ticketSparsity } from './tickets';

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
