import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { richParts } from '../kit/richParts';
import { translator } from '../../i18n/catalogue';
import { LOCALES, reportMissingTo, type Missing } from '../../i18n/format';
import { TOUR_IDS } from '../../state/tour/tour';
import type { TourNumbers } from '../../state/tour/tourNumbers';
import { tourText } from './tourText';

const layers = [
  { name: 'dense_1', meanScore: 1.5e-4, sparsity: 0.991 },
  { name: 'dense_2', meanScore: 2.5e-3, sparsity: 0.5 },
  { name: 'dense_3', meanScore: 2.4e-3, sparsity: 0.25 },
];
/** Everything known: a pre-trained network, scored and pruned. */
const done: TourNumbers = {
  dataset: 'mnist',
  table: null,
  origin: 'snapshot',
  inputs: 784,
  hidden: [64, 32],
  classes: 10,
  weights: 52544,
  layers,
  epoch: null,
  epochs: 10,
  batchSize: 32,
  learningRate: 0.001,
  valAcc: 0.937,
  denseVal: 0.937,
  prunedVal: 0.0981,
  sparsity: 0.994,
  at90: { gradient: 0.348, taylor: 0.655, magnitude: 0.8, gradnorm: 0.11, lamp: 0.78 },
  ratio: 16.7,
  collapsed: true,
  forgotten: 213,
  worst: { name: '8', dense: 0.9365, pruned: 0.5 },
  wait: null,
};
const blank: TourNumbers = {
  ...done,
  dataset: null,
  origin: null,
  inputs: null,
  hidden: null,
  classes: null,
  weights: null,
  layers: null,
  epochs: null,
  batchSize: null,
  learningRate: null,
  valAcc: null,
  denseVal: null,
  prunedVal: null,
  sparsity: null,
  at90: {},
  ratio: null,
  collapsed: null,
  forgotten: null,
  worst: null,
};
const STATES: Record<string, TourNumbers> = {
  done,
  empty: { ...blank, wait: 'none' },
  opening: { ...blank, wait: 'opening' },
  'training, first epoch': {
    ...blank,
    dataset: 'synthetic-32',
    origin: 'training',
    inputs: 32,
    hidden: [64, 32],
    classes: 10,
    weights: 4416,
    epoch: 1,
    epochs: 5,
    batchSize: 32,
    learningRate: 0.001,
    wait: 'training',
  },
  'training, later': {
    ...blank,
    dataset: 'synthetic-32',
    origin: 'training',
    inputs: 32,
    hidden: [64, 32],
    classes: 10,
    weights: 4416,
    epoch: 3,
    epochs: 5,
    batchSize: 32,
    learningRate: 0.001,
    valAcc: 0.5,
    wait: 'training',
  },
  'user table, scoring': {
    ...blank,
    dataset: 'user',
    table: 'iris.csv',
    origin: 'training',
    inputs: 4,
    hidden: [64, 32],
    classes: 3,
    weights: 2432,
    epochs: 100,
    batchSize: 32,
    learningRate: 0.001,
    valAcc: 0.93,
    wait: 'scoring',
  },
  'kept every layer': { ...done, origin: 'trained', collapsed: false },
  'no class loses': { ...done, forgotten: 2, worst: null },
  'scored, no pruning yet': {
    ...done,
    origin: 'trained',
    collapsed: null,
    sparsity: null,
    prunedVal: null,
    denseVal: null,
    layers: layers.map((l) => ({ ...l, sparsity: null })),
    at90: {},
    wait: 'pruning',
  },
};

let missing: Missing[] = [];
beforeEach(() => reportMissingTo((m) => missing.push(m)));
afterEach(() => {
  reportMissingTo(null);
  missing = [];
});

/** A body as RichText shows it. */
const shown = (body: string) =>
  richParts(body)
    .map((p) => (typeof p === 'string' ? p : p.text))
    .join('');

describe('the tour’s text', () => {
  for (const locale of LOCALES) {
    it(`fills every step in every state, or says in words that the numbers are coming (${locale})`, () => {
      const t = translator(locale);
      for (const [name, n] of Object.entries(STATES)) {
        for (const id of TOUR_IDS) {
          const text = tourText(t, id, n, '0.01', false);
          const where = `${id} (${name})`;
          expect(`${text.title} ${text.body}`, where).not.toMatch(/[{}]|…|–|undefined|NaN|null/);
          if (name === 'done') expect(text.waiting, where).toBe(false);
          if (text.waiting) expect(text.body, where).toContain(t(`tour.when.${n.wait ?? 'pruning'}`));
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('quotes the numbers as the panels write them, and never another network’s', () => {
    const t = translator('en');
    expect(tourText(t, 'rule', done, '0.01', false).body).toContain(
      'prunes 99.4% of the weights, and validation accuracy falls from 93.70% to 9.81%',
    );
    expect(tourText(t, 'collapse', done, '0.01', false).body).toContain(
      'dense_1’s mean |∂L/∂w| is 1.50e-4, dense_2’s is 2.50e-3, 16.7× larger',
    );
    expect(tourText(t, 'repairs', done, '0.01', false).body).toContain(
      'gradient 34.80%, Taylor 65.50%, magnitude 80.00%',
    );
    const live = tourText(t, 'training', STATES['training, later'], '0.01', false);
    expect(live.body).toContain('epoch 3 of 5, batch 32');
    expect(live.body).toContain('50.00%');
    expect(tourText(t, 'training', STATES['training, first epoch'], '0.01', false).body).toContain(
      'comes at the end of the first epoch',
    );
    // While a run trains, the gradient step waits for its scoring pass rather than quoting the old network.
    const waiting = tourText(t, 'gradient', STATES['training, later'], '0.01', false);
    expect(waiting.waiting).toBe(true);
    expect(waiting.body).toContain('when this run has finished training and its scoring pass');
    // The table's name is the user's text: shown as it is (RichText), never read as markup.
    expect(shown(tourText(t, 'network', STATES['user table, scoring'], '0.01', false).body)).toContain(
      'your table iris.csv',
    );
    // A network that keeps every layer at this T: the step does not claim a collapse.
    const kept = tourText(t, 'collapse', { ...done, collapsed: false }, '0.01', false).body;
    expect(kept).toContain('prunes 99.1% of dense_1');
    expect(kept).toContain('no layer is lost yet');
    expect(kept).not.toContain('Why so much');
    // What pruning forgets, as its panel writes it (per-class accuracy with one decimal).
    expect(shown(tourText(t, 'forget', done, '0.01', false).body)).toContain(
      'gets 213 validation examples wrong that the dense one got right, and class 8 loses most (93.7% → 50.0%)',
    );
    expect(tourText(t, 'forget', STATES['no class loses'], '0.01', false).body).toContain('no class loses accuracy');
  });

  it('describes the network on screen, whatever its layers: every hidden layer, every layer’s mean', () => {
    const deep: TourNumbers = {
      ...done,
      hidden: [32, 32, 16, 16],
      layers: [1, 2, 3, 4, 5].map((l) => ({ name: `dense_${l}`, meanScore: l * 1e-3, sparsity: 0.5 })),
    };
    const t = translator('en');
    expect(tourText(t, 'network', deep, '0.01', false).body).toContain(
      '784 inputs → Dense 32 ReLU → Dense 32 ReLU → Dense 16 ReLU → Dense 16 ReLU → Dense 10 softmax',
    );
    expect(tourText(t, 'gradient', deep, '0.01', false).body).toContain(
      'dense_1 1.00e-3, dense_2 2.00e-3, dense_3 3.00e-3, dense_4 4.00e-3, dense_5 5.00e-3.',
    );
    const one = { ...done, hidden: [8], layers: layers.slice(0, 2) };
    expect(tourText(t, 'network', one, '0.01', false).body).toContain('784 inputs → Dense 8 ReLU → Dense 10 softmax');
    expect(tourText(t, 'gradient', one, '0.01', false).waiting).toBe(false);
    expect(tourText(translator('zh-CN'), 'gradient', one, '0.01', false).body).toContain(
      'dense_1 1.50e-4，dense_2 2.50e-3。',
    );
  });

  it('mentions keys only where there are keys', () => {
    const t = translator('en');
    expect(tourText(t, 'rule', done, '0.01', false).body).toContain('arrow keys');
    expect(tourText(t, 'rule', done, '0.01', true).body).not.toMatch(/key/i);
  });
});
