/**
 * Scores and masks that make one global threshold fair across layers: the criteria `gradnorm` and
 * `lamp` (`criteria.ts`), and the N:M pattern (`masks.ts`, granularity '2:4'). Kernels row-major
 * `[inputs, units]`; nothing is mutated.
 */

/**
 * The article's |∂L/∂w| made comparable across layers: each layer's scores divided by that layer's mean
 * (Molchanov et al. 2017 normalise per layer). The mean rather than the L2 norm: a score of 1 is "as
 * important as the average weight of its layer", whatever the layer's size (an L2 norm grows with the
 * square root of the weight count, so big layers would look less important). A layer of zeros stays 0.
 */
export function layerNormalised(scores: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += scores[i];
  const mean = scores.length ? sum / scores.length : 0;
  const out = new Float32Array(scores.length);
  if (mean > 0) for (let i = 0; i < scores.length; i++) out[i] = scores[i] / mean;
  return out;
}

/**
 * LAMP (Lee et al., ICLR 2021): with a layer's weights sorted by magnitude (ascending), the score of the
 * u-th is w_u² / Σ_{v ≥ u} w_v². The largest weight of every layer scores 1, so one global threshold
 * never empties a layer. Ties keep index order. Float64 sums.
 */
export function lampScores(kernel: Float32Array): Float32Array {
  const n = kernel.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(kernel[a]) - Math.abs(kernel[b]) || a - b,
  );
  const out = new Float32Array(n);
  let suffix = 0;
  for (let k = n - 1; k >= 0; k--) {
    const w2 = kernel[order[k]] * kernel[order[k]];
    suffix += w2;
    out[order[k]] = suffix > 0 ? w2 / suffix : 0;
  }
  return out;
}

/**
 * N:M structured sparsity: in every group of `m` consecutive input weights of a unit (rows mg…mg+m−1 of
 * its column), keep the `n` highest by (score, input index) — the lab's one tie rule: of equal scores
 * the lower index goes first, so the higher is kept; NaN counts as −∞. A last group shorter than `m`
 * keeps at most `n`. Returns the mask, 1 = kept. Browsers have no sparse tensor cores: this shows the
 * pattern and its accuracy, not a speed-up.
 */
export function nmMask(scores: Float32Array, inputs: number, units: number, n = 2, m = 4): Uint8Array {
  const kept = nmCandidates(scores, inputs, units, n, m);
  return Uint8Array.from(kept, (v) => (v === Infinity ? 1 : 0));
}

/**
 * The N:M pattern as scores the threshold machinery can rank: the `n` kept weights of every group of `m`
 * score +Infinity (no threshold or sparsity reaches them), the others keep their score. Pruning a prefix
 * of the ascending order then prunes at most m − n of every m, and all of them at sparsity (m − n)/m.
 * New array, row-major `[inputs, units]`.
 */
export function nmCandidates(scores: Float32Array, inputs: number, units: number, n = 2, m = 4): Float32Array {
  const out = Float32Array.from(scores.subarray(0, inputs * units));
  const key = (i: number, j: number) => {
    const v = scores[i * units + j];
    return Number.isNaN(v) ? -Infinity : v;
  };
  const rows: number[] = [];
  for (let j = 0; j < units; j++) {
    for (let g = 0; g < inputs; g += m) {
      rows.length = 0;
      for (let i = g; i < Math.min(g + m, inputs); i++) rows.push(i);
      // Highest (score, index) first: the kept n. (A difference of equal infinities is NaN, a tie too.)
      rows.sort((a, b) => key(b, j) - key(a, j) || b - a);
      for (let k = 0; k < Math.min(n, rows.length); k++) out[rows[k] * units + j] = Infinity;
    }
  }
  return out;
}
