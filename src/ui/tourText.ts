import type { Translator } from '../i18n/catalogue';
import type { Params } from '../i18n/format';
import { FINETUNE_EPOCHS } from '../state/experimentsState';
import type { TourNumbers } from '../state/tour';
import { formatSci, pct } from './format';

const DASH = '–';
const acc = (v: number | null | undefined) => (v === null || v === undefined ? DASH : pct(v, 1));

/**
 * The parameters of a step's text, from the numbers of the network on screen (a dash where one is not
 * known yet, e.g. the curves before they are computed). Every step gets the same set; each message
 * uses the ones it needs.
 */
export function tourParams(t: Translator, n: TourNumbers | null, threshold: string): Params {
  if (!n) return {};
  const order = n.layers.map((l, i) => [l.meanScore, i] as const).sort((a, b) => a[0] - b[0]);
  const low = n.layers[order[0][1]];
  const high = n.layers[order[order.length - 1][1]];
  const layer = (i: number) => n.layers[i] ?? { name: DASH, meanScore: NaN };
  return {
    dataset: t(`dataset.short.${n.dataset}`),
    inputs: n.inputs,
    weights: n.weights,
    epochs: n.epochs ?? DASH,
    batch: n.batchSize ?? DASH,
    lr: n.learningRate ?? DASH,
    valAcc: acc(n.valAcc),
    l1: layer(0).name,
    g1: formatSci(layer(0).meanScore),
    l2: layer(1).name,
    g2: formatSci(layer(1).meanScore),
    l3: layer(2).name,
    g3: formatSci(layer(2).meanScore),
    sparsity: n.sparsity === null ? DASH : pct(n.sparsity, 1),
    t: threshold,
    denseVal: acc(n.denseVal),
    prunedVal: acc(n.prunedVal),
    low: low.name,
    lowMean: formatSci(low.meanScore),
    high: high.name,
    highMean: formatSci(high.meanScore),
    ratio: n.ratio === null ? DASH : n.ratio >= 100 ? Math.round(n.ratio) : n.ratio.toFixed(1), // as the collapse warning writes it
    lowSparsity: low.sparsity === null ? DASH : pct(low.sparsity, 1),
    gradient: acc(n.at90.gradient),
    taylor: acc(n.at90.taylor),
    magnitude: acc(n.at90.magnitude),
    gradnorm: acc(n.at90.gradnorm),
    lamp: acc(n.at90.lamp),
    finetuneEpochs: FINETUNE_EPOCHS,
  };
}
