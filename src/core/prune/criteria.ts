/**
 * Importance criteria: one score per kernel weight (biases are never pruned). A low score means
 * "less important"; pruning removes the lowest scores. All inputs and outputs are row-major
 * `[inputs, units]` Float32Arrays; nothing is mutated.
 */
import { lampScores, layerNormalised } from './allocation';
import { createRng, deriveSeed } from '../base';

export const CRITERIA = ['gradient', 'gradnorm', 'magnitude', 'lamp', 'taylor', 'obd', 'random'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_INFO: Record<Criterion, { label: string; formula: string; source: string }> = {
  gradient: { label: 'Gradient |∂L/∂w|', formula: 'gradAbsMean', source: 'the article' },
  gradnorm: {
    label: 'Layer-normalised gradient',
    formula: 'gradAbsMean / layer mean',
    source: 'the article, normalised as Molchanov et al. 2017',
  },
  magnitude: { label: 'Magnitude |w|', formula: '|w|', source: 'Han et al. 2015' },
  lamp: { label: 'LAMP', formula: 'w_u² / Σ_{v≥u} w_v²', source: 'Lee et al. 2021' },
  taylor: { label: 'Taylor |w·∂L/∂w|', formula: '|w| · gradAbsMean', source: 'Molchanov et al. 2017; SNIP' },
  obd: { label: 'OBD / Fisher ½w²·F', formula: '½ · w² · gradSqMean', source: 'LeCun et al. 1990; Theis et al. 2018' },
  random: { label: 'Random', formula: 'seeded uniform', source: 'baseline' },
};

/** What a criterion needs of a layer. */
export interface ScoredLayer {
  inputs: number;
  units: number;
  kernel: Float32Array;
  gradAbsMean: Float32Array;
  gradSqMean: Float32Array;
}

/** Scores of one layer. `seed` and `layerIndex` only matter for `random`. Returns a new array. */
export function scoreLayer(criterion: Criterion, layer: ScoredLayer, seed = 0, layerIndex = 0): Float32Array {
  const { kernel: w, gradAbsMean: g, gradSqMean: g2 } = layer;
  const n = layer.inputs * layer.units;
  const out = new Float32Array(n);
  switch (criterion) {
    case 'gradient':
      out.set(g.subarray(0, n));
      break;
    case 'gradnorm':
      out.set(layerNormalised(g.subarray(0, n)));
      break;
    case 'lamp':
      out.set(lampScores(w.subarray(0, n)));
      break;
    case 'magnitude':
      for (let i = 0; i < n; i++) out[i] = Math.abs(w[i]);
      break;
    case 'taylor':
      for (let i = 0; i < n; i++) out[i] = Math.abs(w[i]) * g[i];
      break;
    case 'obd':
      for (let i = 0; i < n; i++) out[i] = 0.5 * w[i] * w[i] * g2[i];
      break;
    case 'random': {
      const rng = createRng(deriveSeed(seed, `random-criterion:${layerIndex}`));
      for (let i = 0; i < n; i++) out[i] = rng.next();
      break;
    }
  }
  return out;
}

/** Scores for every layer. */
export function scoreLayers(criterion: Criterion, layers: readonly ScoredLayer[], seed = 0): Float32Array[] {
  return layers.map((l, i) => scoreLayer(criterion, l, seed, i));
}

/**
 * Each layer's mean score under a criterion (float64 sums): what one global threshold compares across
 * layers, shown by the collapse warning and the tour.
 */
export function layerMeanScores(criterion: Criterion, layers: readonly ScoredLayer[], seed = 0): number[] {
  return scoreLayers(criterion, layers, seed).map((s) => {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i];
    return s.length ? sum / s.length : 0;
  });
}

/** The source article's example threshold: prune every weight with |∂L/∂w| < 0.01. */
export const ARTICLE_T = 0.01;
