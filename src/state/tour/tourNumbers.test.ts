import { describe, expect, it } from 'vitest';
import { initialState, type AppState } from '../store';
import { tourNumbers } from './tourNumbers';

const layer = (name: string, inputs: number, units: number, g: number) => ({
  name,
  inputs,
  units,
  kernel: new Float32Array(inputs * units).fill(0.5),
  bias: new Float32Array(units),
  gradAbsMean: Float32Array.from({ length: inputs * units }, (_, i) => g * (1 + (i % 2))),
  gradSqMean: new Float32Array(inputs * units).fill(g * g),
});
const scored = (): AppState => ({
  ...initialState(),
  phase: 'done',
  scoring: {
    layers: [layer('dense_1', 4, 2, 0.001), layer('dense_2', 2, 2, 0.01), layer('dense_3', 2, 1, 0.1)],
    batches: 1,
    seconds: 0,
  },
});
const ref = {
  name: 'synthetic-32' as const,
  seed: 1,
  trainIndices: new Uint32Array(0),
  valIndices: new Uint32Array(0),
};
const config = { dataset: 'synthetic-32' as const, seed: 1, epochs: 7, batchSize: 64, learningRate: 0.002 };
const progress = (epoch: number) => ({
  stage: 'training' as const,
  epoch,
  epochs: 7,
  batch: 3,
  batchesPerEpoch: 10,
  samplesPerSec: 1,
  etaSec: 1,
  fraction: 0.1,
});

describe('the tour’s numbers', () => {
  it('computes the numbers of its text from the network on screen (hand-checked layer means)', () => {
    const n = tourNumbers(scored());
    // gradient scores alternate g, 2g: the mean is 1.5 g.
    expect(n.layers!.map((l) => l.meanScore)).toEqual([0.0015, 0.015, 0.15].map((v, i) => expect.closeTo(v, 6 - i)));
    expect(n.ratio).toBeCloseTo(100, 3);
    expect([n.inputs, n.classes, n.weights]).toEqual([4, 1, 8 + 4 + 2]);
    expect(n.sparsity).toBeNull();
    expect(n.wait).toBe('pruning'); // scored, but the pruning panel has no view yet
    // Magnitude: every |w| is 0.5, so all layers have the same mean and the ratio is 1.
    expect(tourNumbers({ ...scored(), settings: { ...scored().settings, criterion: 'magnitude' } }).ratio).toBe(1);
  });

  it('says why numbers are missing: nothing on screen, a snapshot opening, a run training or scoring', () => {
    const empty = tourNumbers(initialState());
    expect(empty).toMatchObject({ wait: 'none', inputs: null, layers: null, valAcc: null, origin: null });
    expect(tourNumbers({ ...initialState(), openingSnapshot: 'mnist' }).wait).toBe('opening');
    // The accuracies at 90% are the page evaluator's for this network, never another network's.
    const at90 = { loadId: 3, values: { taylor: 0.5 } };
    expect(tourNumbers({ ...scored(), tourAt90: at90, pruning: { ...scored().pruning, loadId: 3 } }).at90).toEqual({
      taylor: 0.5,
    });
    expect(tourNumbers({ ...scored(), tourAt90: at90, pruning: { ...scored().pruning, loadId: 4 } }).at90).toEqual({});
    const training: AppState = {
      ...initialState(),
      phase: 'training',
      dataset: ref,
      runConfig: config,
      progress: progress(3),
      epochs: [],
    };
    const t = tourNumbers(training);
    // What a run in training already knows: its shape (from its data) and its settings; no accuracy yet.
    expect(t).toMatchObject({
      wait: 'training',
      origin: 'training',
      inputs: 32,
      classes: 10,
      weights: 32 * 64 + 64 * 32 + 32 * 10,
      epoch: 3,
      epochs: 7,
      batchSize: 64,
      learningRate: 0.002,
      valAcc: null,
      layers: null,
    });
    // After an epoch, its validation accuracy; never the previous network's.
    const stale = {
      ...training,
      pruning: { ...training.pruning, dense: { val: { accuracy: 0.99, loss: 0, perClass: [] }, train: null } },
    } as unknown as AppState;
    expect(tourNumbers(stale).valAcc).toBeNull();
    const epoch = { epoch: 1, trainLoss: 1, trainAcc: 0.5, valLoss: 1, valAcc: 0.625 };
    expect(tourNumbers({ ...training, epochs: [epoch] } as AppState).valAcc).toBe(0.625);
    expect(tourNumbers({ ...training, phase: 'scoring' }).wait).toBe('scoring');
  });
});
