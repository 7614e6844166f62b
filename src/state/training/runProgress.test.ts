import { describe, expect, it } from 'vitest';
import { estimateRun } from '../../core/base';
import { chosenData, type RunData } from '../data/dataChoice';
import { curvesEstimate, expectedRun, runProgress } from './runProgress';
import { initialState, type AppState } from '../store';
import { tableState } from '../testTable';

const base = (over: Partial<AppState>): AppState => ({
  ...initialState(),
  runConfig: { dataset: 'mnist', seed: 1, epochs: 2, batchSize: 32, learningRate: 1e-3 },
  evalSpeed: { mnist: { val: 4, train: 16 } },
  ...over,
});
const progress = (stage: 'training' | 'validation', fraction: number, etaSec: number) => ({
  stage,
  epoch: 2,
  epochs: 2,
  batch: 125,
  batchesPerEpoch: 250,
  samplesPerSec: 2000,
  etaSec,
  fraction,
});

describe('run progress', () => {
  const curves = curvesEstimate(base({}), 'mnist')!;

  it("while training: training runs, the ETA adds the curves' estimate to the worker's", () => {
    const r = runProgress(base({ phase: 'training', progress: progress('training', 0.75, 10) }), 0);
    expect([r.training.status, r.training.fraction, r.validation.status, r.scoring.status, r.curves.status]).toEqual([
      'running',
      0.75,
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(r.etaSec).toBeCloseTo(10 + curves, 9);
    expect(r.tookSec).toBeNull();
    const v = runProgress(
      base({
        phase: 'training',
        progress: progress('validation', 1, 4),
        epochs: [
          {
            epoch: 1,
            trainLoss: 1,
            trainAcc: 0.5,
            valLoss: 1,
            valAcc: 0.5,
            seconds: 3,
            validationSeconds: 0.2,
            numTensors: 0,
          },
        ],
      }),
      0,
    );
    expect([v.validation.status, v.validation.done, v.validation.total]).toEqual(['running', 1, 2]);
  });

  it('scoring, then the curves: each with its own progress and the time left', () => {
    const s = runProgress(
      base({
        phase: 'scoring',
        progress: progress('training', 1, 0),
        scoringProgress: { done: 100, total: 250, etaSec: 2 },
      }),
      0,
    );
    expect([s.training.status, s.scoring.status, s.scoring.fraction, s.etaSec]).toEqual([
      'done',
      'running',
      0.4,
      2 + curves,
    ]);
    const sweep = { ...initialState().sweep, status: 'running' as const, done: 400, total: 825 };
    const c = runProgress(
      base({
        phase: 'done',
        sweep,
        scoring: { layers: [], batches: 250, seconds: 3 },
        timing: { startedAt: 0, doneAt: 10_000, curvesAt: null },
      }),
      14_000,
    );
    expect([c.scoring.status, c.scoring.seconds, c.curves.status]).toEqual(['done', 3, 'running']);
    expect(c.etaSec).toBeCloseTo((4 * 425) / 400, 9); // extrapolated from the curves' own pace
  });

  it("shows the probe's estimate until the run's own steady rate is in, then the run's", () => {
    const throughput = { batch32: 2000, batch128: 6000 };
    const at = (own: number, now: number) =>
      runProgress(
        base({
          throughput,
          phase: 'training',
          progress: progress('training', 0.02, own),
          timing: { startedAt: 0, doneAt: null, curvesAt: null },
        }),
        now,
      );
    const e = expectedRun({ throughput, evalSpeed: {} }, chosenData(initialState()), { epochs: 2, batchSize: 32 })!;
    expect(at(NaN, 1000).etaSec).toBeCloseTo(e.total - 1 + curves, 9);
    expect(at(7, 1000).etaSec).toBeCloseTo(7 + curves, 9);
    expect(
      Number.isNaN(runProgress(base({ phase: 'training', progress: progress('training', 0.02, NaN) }), 0).etaSec),
    ).toBe(true); // nothing to tell yet
  });

  it('without a measured evaluator speed the ETA runs to the start of the curves, and says so', () => {
    const r = runProgress(base({ evalSpeed: {}, phase: 'training', progress: progress('training', 0.5, 12) }), 0);
    expect([r.etaSec, r.etaIncludesCurves]).toEqual([12, false]);
    const sweep = { ...initialState().sweep, status: 'running' as const, done: 10, total: 825 };
    const early = runProgress(
      base({ evalSpeed: {}, phase: 'done', sweep, timing: { startedAt: 0, doneAt: 10_000, curvesAt: null } }),
      11_000,
    );
    expect([Number.isNaN(early.etaSec), early.etaIncludesCurves]).toEqual([true, false]);
    const later = runProgress(
      base({
        evalSpeed: {},
        phase: 'done',
        sweep: { ...sweep, done: 200 },
        timing: { startedAt: 0, doneAt: 10_000, curvesAt: null },
      }),
      12_000,
    );
    expect([later.etaSec, later.etaIncludesCurves]).toEqual([(2 * 625) / 200, true]);
  });

  it('before any run, no phase is done (no "validation took 0 s")', () => {
    const r = runProgress(initialState(), 0);
    expect([r.training.status, r.validation.status, r.scoring.status, r.curves.status]).toEqual([
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
  });

  it('says what the whole run took once the last curve is in, and no ETA', () => {
    const sweep = { ...initialState().sweep, status: 'done' as const, done: 825, total: 825, ms: 4200 };
    const r = runProgress(
      base({ phase: 'done', sweep, timing: { startedAt: 1000, doneAt: 40_000, curvesAt: 45_000 } }),
      50_000,
    );
    expect([r.tookSec, r.curves.seconds, Number.isNaN(r.etaSec)]).toEqual([44, 4.2, true]);
  });

  it('expects a run from the measured throughput, with or without the curves', () => {
    const s = { throughput: { batch32: 2000, batch128: 6000 }, evalSpeed: {} };
    const mnist = chosenData(initialState());
    const training = { epochs: 5, batchSize: 32 };
    const e = expectedRun(s, mnist, training)!;
    expect([e.curvesKnown, e.curves]).toEqual([false, 0]);
    expect(e.training).toBeCloseTo(5 * 250 * (32 / 2000), 9);
    expect(expectedRun({ ...s, evalSpeed: { mnist: { val: 4, train: 16 } } }, mnist, training)!.curves).toBeCloseTo(
      curves,
      9,
    );
    // A finished run of the same dataset and batch size replaces the probe's training speed.
    const fromRun = expectedRun({ ...s, runRates: { 'mnist:32': 8000, 'mnist:64': 1 } }, mnist, training)!;
    expect([fromRun.fromRun, fromRun.training, fromRun.rate]).toEqual([true, (5 * 8000) / 8000, 8000]);
    expect(expectedRun({ ...s, runRates: { 'synthetic-32:32': 8000 } }, mnist, training)!.fromRun).toBe(false);
    expect(expectedRun({ ...s, throughput: null }, mnist, training)).toBeNull();
  });

  it('expects a run on the chosen table from its own shape, and none while the table is not loaded', () => {
    const s = { throughput: { batch32: 2000, batch128: 6000, narrow32: 9000 }, evalSpeed: {} };
    const iris = chosenData(tableState({ train: 120, val: 30, inputs: 4, classes: 3 }));
    expect(iris).toMatchObject({
      name: 'user',
      table: 'iris.csv',
      ready: true,
      inputs: 4,
      classes: 3,
      trainN: 120,
      valN: 30,
    });
    const e = expectedRun(s, iris, { epochs: 125, batchSize: 32 })!;
    const independent = estimateRun(s.throughput, { epochs: 125, batchSize: 32, inputs: 4, trainN: 120, valN: 30 }, 0);
    expect(e.total).toBeCloseTo(independent.total, 12);
    // 125 epochs of 4 steps, not 125 epochs of MNIST's 250.
    expect(e.training).toBeLessThan(
      expectedRun(s, chosenData(initialState()), { epochs: 125, batchSize: 32 })!.training / 50,
    );
    // A rate measured on another table does not count for this one; one measured on it does.
    const other: RunData = { ...iris, hash: 'other' };
    expect(expectedRun({ ...s, runRates: { 'user:other:32': 1 } }, iris, { epochs: 125, batchSize: 32 })!.fromRun).toBe(
      false,
    );
    expect(
      expectedRun({ ...s, runRates: { 'user:other:32': 1 } }, other, { epochs: 125, batchSize: 32 })!.fromRun,
    ).toBe(true);
    const missing = { ...initialState(), flags: { ...initialState().flags, table: 'iris.csv' } };
    expect(chosenData(missing)).toMatchObject({ ready: false, waiting: 'missing' });
    expect(expectedRun(s, chosenData(missing), { epochs: 125, batchSize: 32 })).toBeNull();
  });
});
