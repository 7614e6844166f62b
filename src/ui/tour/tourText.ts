import { CATALOGUES, type MessageKey, type Translator } from '../../i18n/catalogue';
import { paramNames, verbatim, type ParamValue } from '../../i18n/format';
import { FINETUNE_EPOCHS } from '../../state/store';
import type { TourStepId } from '../../state/tour/tour';
import type { TourNumbers } from '../../state/tour/tourNumbers';
import { formatSci, pct } from '../kit/format';

/**
 * The parameters of a step's text that are known now, formatted as the panel the step points at writes
 * them: accuracies with two decimals (the pruning panel's table, the curves' summary), sparsities with
 * one (the slider's numbers and the layer table), gradient means in `formatSci` (the gradient panel, the
 * collapse warning). A number not known yet is absent, never a dash or a guess.
 */
export function tourParams(
  t: Translator,
  n: TourNumbers,
  threshold: string,
  touch: boolean,
): Record<string, ParamValue> {
  const p: Record<string, ParamValue> = {
    t: threshold,
    finetuneEpochs: FINETUNE_EPOCHS,
    move: t(touch ? 'tour.move.touch' : 'tour.move.keys'),
  };
  const set = (k: string, v: ParamValue | null | undefined) => {
    if (v !== null && v !== undefined && v !== '') p[k] = v;
  };
  const acc = (v: number | null | undefined) => (v === null || v === undefined ? null : pct(v, 2));
  if (n.dataset)
    set(
      'dataset',
      n.dataset === 'user' ? t('tour.table', { name: verbatim(n.table ?? '') }) : t(`dataset.short.${n.dataset}`),
    );
  set('inputs', n.inputs);
  set('classes', n.classes);
  set('weights', n.weights);
  const sep = t('tour.list.separator');
  if (n.hidden) set('hidden', n.hidden.map((units) => t('tour.network.hidden', { units })).join(' → '));
  if (n.origin && p.dataset !== undefined && p.inputs !== undefined)
    set('onScreen', t(`tour.network.origin.${n.origin}`, { dataset: p.dataset, inputs: p.inputs }));
  set('epoch', n.epoch);
  set('epochs', n.epochs);
  set('batch', n.batchSize);
  set('lr', n.learningRate);
  set('valAcc', acc(n.valAcc));
  set('sparsity', n.sparsity === null ? null : pct(n.sparsity, 1));
  set('denseVal', acc(n.denseVal));
  set('prunedVal', acc(n.prunedVal));
  for (const c of ['gradient', 'taylor', 'magnitude', 'gradnorm', 'lamp'] as const) set(c, acc(n.at90[c]));
  // What pruning forgets, as its panel writes it (per-class accuracies with one decimal).
  set('forgotten', n.forgotten);
  if (n.worst) {
    set('worst', verbatim(n.worst.name));
    set('worstDense', pct(n.worst.dense, 1));
    set('worstPruned', pct(n.worst.pruned, 1));
  }
  const layers = n.layers;
  if (layers && layers.length) {
    set('means', layers.map((l) => t('tour.gradient.mean', { layer: l.name, mean: formatSci(l.meanScore) })).join(sep));
    const order = layers.map((l, i) => [l.meanScore, i] as const).sort((a, b) => a[0] - b[0]);
    const low = layers[order[0][1]];
    const high = layers[order[order.length - 1][1]];
    set('low', low.name);
    set('lowMean', formatSci(low.meanScore));
    set('high', high.name);
    set('highMean', formatSci(high.meanScore));
    set('lowSparsity', low.sparsity === null ? null : pct(low.sparsity, 1));
    set('highSparsity', high.sparsity === null ? null : pct(high.sparsity, 1));
    set('ratio', n.ratio === null ? null : formatSci(n.ratio)); // as the collapse warning writes it
  }
  return p;
}

/** Whether every parameter the message names is among `params`. */
const filled = (t: Translator, key: MessageKey, params: Record<string, ParamValue>) =>
  paramNames(CATALOGUES[t.locale][key]).every((k) => k in params);

/**
 * A step's title and text with the numbers of the network on screen. While some are not known yet (the
 * network is opening, training or being scored), the step's text without them and a sentence that says
 * when they come: never a placeholder, a dash or a number from another network.
 */
export function tourText(
  t: Translator,
  id: TourStepId,
  n: TourNumbers,
  threshold: string,
  touch: boolean,
): { title: string; body: string; waiting: boolean } {
  const params = tourParams(t, n, threshold, touch);
  const title = t(`tour.${id}.title`, params);
  let key: MessageKey = `tour.${id}.body`;
  if (id === 'training' && n.epoch !== null) key = n.valAcc === null ? 'tour.training.first' : 'tour.training.live';
  // A network whose layers all survive the article's T (trained less): the step says so, not "why so much".
  if (id === 'collapse' && n.collapsed === false) key = 'tour.collapse.none';
  // No class loses at this sparsity: the step says so instead of naming one.
  if (id === 'forget' && n.forgotten !== null && n.worst === null) key = 'tour.forget.even';
  if (filled(t, key, params)) return { title, body: t(key, params), waiting: false };
  const wait = `tour.${id}.wait` as MessageKey;
  const when = t(`tour.when.${n.wait ?? 'pruning'}`);
  return {
    title,
    body: `${t(wait, params)}${t.locale === 'zh-CN' ? '' : ' '}${t('tour.pending', { when })}`,
    waiting: true,
  };
}
