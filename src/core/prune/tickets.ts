/**
 * Pruning before training, and tickets: the masks of SNIP at initialisation (Lee et al., ICLR 2019), its
 * sanity check (the mask shuffled within each layer, Frankle et al., ICLR 2021), and the rounds of a
 * lottery-ticket search (iterative magnitude pruning, Frankle & Carbin, ICLR 2019). Masks row-major
 * `[inputs, units]`, 1 = kept; global scope, weight granularity. Nothing is mutated.
 */
import { type LayerShape, createRng, deriveSeed } from '../base';
import { scoreLayers } from './criteria';
import { buildPruneIndex, computeMasks, type Masks } from './masks';

/** A layer's kernel and what SNIP needs of it. */
interface KernelLayer extends LayerShape {
  kernel: Float32Array;
}

const sparsitySpec = (value: number) => ({
  mode: 'sparsity' as const,
  value,
  scope: 'global' as const,
  granularity: 'weights' as const,
});

/**
 * SNIP's connection sensitivity |g·w| at the initial weights (`gradAbs`: |∂L/∂w| of one batch, so
 * |g|·|w| = |g·w|), pruned globally to `sparsity`. The lab's Taylor criterion on those statistics.
 */
export function snipMasks(init: readonly KernelLayer[], gradAbs: readonly Float32Array[], sparsity: number): Masks {
  const layers = init.map((l, i) => ({ ...l, gradAbsMean: gradAbs[i], gradSqMean: gradAbs[i] }));
  return computeMasks(buildPruneIndex(scoreLayers('taylor', layers), [...init], 'weights'), sparsitySpec(sparsity))
    .masks;
}

/**
 * The Frankle et al. (2021) sanity check: each layer's mask shuffled (seeded Fisher–Yates), so every
 * layer keeps as many weights as before, but not which. If training with it matches the original mask,
 * the method chose how much to prune per layer, not which weights.
 */
export function shuffleWithinLayers(masks: Masks, seed: number): Masks {
  return masks.map((m, l) => {
    const out = m.slice();
    const rng = createRng(deriveSeed(seed, `shuffle-mask:${l}`));
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  });
}

/** Sparsity after round r of a lottery-ticket search that prunes `rate` of the surviving weights per round. */
export const ticketSparsity = (rate: number, round: number) => 1 - (1 - rate) ** round;

/**
 * The next round's mask: global magnitude pruning of the weights trained in this round to
 * `ticketSparsity(rate, round)`. Weights pruned in earlier rounds (`previous`) score −∞, so they stay pruned:
 * the masks are nested.
 */
export function ticketMask(
  trained: readonly KernelLayer[],
  previous: Masks | null,
  rate: number,
  round: number,
): Masks {
  const scores = trained.map((l, i) =>
    Float32Array.from(l.kernel, (w, k) => (previous && previous[i][k] === 0 ? -Infinity : Math.abs(w))),
  );
  return computeMasks(buildPruneIndex(scores, [...trained], 'weights'), sparsitySpec(ticketSparsity(rate, round)))
    .masks;
}
