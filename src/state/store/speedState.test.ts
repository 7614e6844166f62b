import { describe, expect, it } from 'vitest';
import { pairedRatio, type Timing } from '../../core/infer';
import { createRng } from '../../core/base';
import {
  applySpeedMessage,
  breakEven,
  curveLevels,
  initialSpeed,
  sideOf,
  SPEED_LEVELS,
  speedUp,
  startMeasure,
  type SpeedPoint,
} from './speedState';

const tm = (medianMs: number): Timing => ({ medianMs, p10Ms: medianMs, p90Ms: medianMs, samples: 1, repsPerSample: 1 });
const exact = (up: number) => pairedRatio([1], [1 / up]);
/** A point whose sparse path is `up` times as fast as the dense one (dense 1 ms), with no spread. */
const pt = (sparsity: number, up: number, batch = 1, stripped: number | null = null): SpeedPoint => ({
  sparsity,
  batch,
  dense: tm(1),
  csr: tm(1 / up),
  stripped: stripped === null ? null : tm(1 / stripped),
  strippedShapes: null,
  ratio: { csr: exact(up), stripped: stripped === null ? null : exact(stripped) },
  maxDiff: 0,
  engine: 'wasm',
});
const what = { criterion: 'magnitude', scope: 'global', granularity: 'weights' } as const;

/**
 * A point measured as the worker does, from hand-built samples: `rounds` rounds of `n` paired samples,
 * dense and sparse per-call ms; `truth(s)` the sparse path's true speed-up. Each pair shares the machine's
 * state of its moment (a drift factor, both paths alike) and each time has its own jitter (±`jitter`).
 * `disturb(round, i)` multiplies that pair's sparse time (a pause that hit it alone).
 */
function measured(
  sparsity: number,
  truth: number,
  rng: ReturnType<typeof createRng>,
  o: { rounds?: number; n?: number; jitter?: number; disturb?: (round: number, i: number) => number } = {},
): SpeedPoint {
  const { rounds = 3, n = 4, jitter = 0.04, disturb = () => 1 } = o;
  const dense: number[] = [];
  const csr: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const drift = 1 + rng.next(); // the machine: anywhere from as fast to half as fast, for both
      const j = () => 1 + jitter * (2 * rng.next() - 1);
      dense.push(drift * j());
      csr.push((drift * j() * disturb(r, i)) / truth);
    }
  }
  return { ...pt(sparsity, truth), ratio: { csr: pairedRatio(dense, csr, rounds), stripped: null } };
}

describe('break-even from the spread of paired samples', () => {
  it('a clean crossing is stated as the interval between the last clearly slower and first clearly faster point, and contains it', () => {
    const rng = createRng(3);
    for (const crossing of [0.35, 0.62, 0.82, 0.93]) {
      // The true speed-up grows as the live weights shrink, and is 1× at `crossing`.
      const truth = (s: number) => (1 - crossing) / (1 - s);
      const points = SPEED_LEVELS.map((s) => measured(s, truth(s), rng));
      const even = breakEven(points, 1);
      expect(even?.kind).toBe('between');
      if (even?.kind !== 'between') continue;
      expect(even.from).toBeLessThan(crossing);
      expect(even.to).toBeGreaterThan(crossing);
      // Adjacent measured levels: as tight as the levels allow when the spread is small.
      expect(SPEED_LEVELS.indexOf(even.to) - SPEED_LEVELS.indexOf(even.from)).toBe(1);
    }
  });

  it('a single dip or spike does not make a break-even: a disturbed round widens its point’s spread', () => {
    const rng = createRng(5);
    for (const at of [0, 0.3]) {
      // Faster at every sparsity (1.3× and up), but one round at `at` was slowed 16-fold (a dip to 0.08×).
      const dipped = SPEED_LEVELS.map((s) =>
        measured(s, 1.3 + s, rng, { disturb: (r) => (s === at && r === 1 ? 16 : 1) }),
      );
      const spread = dipped[SPEED_LEVELS.indexOf(at)].ratio.csr;
      expect(spread.median).toBeGreaterThan(1); // the median of 12 pairs ignores the 4 disturbed ones
      expect(spread.p10).toBeLessThan(0.1);
      expect(sideOf(spread)).toBe('unclear');
      expect(breakEven(dipped, 1)).toEqual({ kind: 'unclear', from: at, to: at });
    }
    // Slower at every sparsity, but one round at 80 % was a spike (the dense path paused, 16× up).
    const spiked = SPEED_LEVELS.map((s) =>
      measured(s, 0.3 + s / 2, rng, { disturb: (r) => (s === 0.8 && r === 0 ? 1 / 16 : 1) }),
    );
    expect(breakEven(spiked, 1)).toEqual({ kind: 'unclear', from: 0.8, to: 0.8 });
    // Measured in one round, a dip is the whole point: clearly faster at 0 %, clearly slower at 30 %, faster
    // again from 50 %. The measurement contradicts itself, and no break-even is drawn from it.
    const oneRound = SPEED_LEVELS.map((s) =>
      measured(s, 1.3 + s, rng, { rounds: 1, n: 11, disturb: () => (s === 0.3 ? 16 : 1) }),
    );
    expect(oneRound[1].ratio.csr.p90).toBeLessThan(1);
    expect(breakEven(oneRound, 1)).toEqual({ kind: 'mixed', from: 0, to: 0.3 });
  });

  it('one disturbed sample alone changes nothing', () => {
    const rng = createRng(7);
    const truth = (s: number) => 0.1 / (1 - s); // crossing at 90 %
    const points = SPEED_LEVELS.map((s) =>
      measured(s, truth(s), rng, { disturb: (r, i) => (s === 0.5 && r === 2 && i === 0 ? 0.05 : 1) }),
    );
    expect(points[2].ratio.csr.p90).toBeLessThan(1); // a 20× spike at 50 % is above the 90th percentile
    expect(breakEven(points, 1)).toEqual({ kind: 'between', from: 0.85, to: 0.95 });
  });

  it('no crossing gives none: always slower, always faster; a spread that includes 1× gives its span, no break-even', () => {
    const rng = createRng(9);
    expect(
      breakEven(
        SPEED_LEVELS.map((s) => measured(s, 0.2 + s / 2, rng)),
        256,
      ),
    ).toBeNull(); // other batch: no points
    expect(
      breakEven(
        SPEED_LEVELS.map((s) => measured(s, 0.2 + s / 2, rng)),
        1,
      ),
    ).toEqual({ kind: 'never' });
    expect(
      breakEven(
        SPEED_LEVELS.map((s) => measured(s, 1.5 + s, rng)),
        1,
      ),
    ).toEqual({ kind: 'always' });
    // Slower, then within noise of 1× from 95 % on (spread ±30 %): where it would cross is not known.
    const near = SPEED_LEVELS.map((s) => measured(s, s >= 0.95 ? 1 : 0.3, rng, { jitter: 0.3 }));
    expect(breakEven(near, 1)).toEqual({ kind: 'unclear', from: 0.95, to: 0.99 });
    expect(breakEven([], 1)).toBeNull();
  });

  it('reads only the points of its batch size, and the path asked for; the speed-up is the median of the pairs', () => {
    const points = [pt(0.5, 0.5, 1, 1.5), pt(0.9, 2, 1, 3), pt(0.5, 4, 256), pt(0.9, 8, 256)];
    expect(breakEven(points, 256)).toEqual({ kind: 'always' });
    expect(breakEven(points, 1)).toEqual({ kind: 'between', from: 0.5, to: 0.9 });
    expect(breakEven(points, 1, 'stripped')).toEqual({ kind: 'always' });
    expect(speedUp(points[0], 'stripped')).toBeCloseTo(1.5, 12);
    expect(speedUp(points[2], 'stripped')).toBeNull();
  });
});

describe('speed state', () => {
  it('2:4 curves stop at 50 %, the others measure every level', () => {
    expect(curveLevels('2:4')).toEqual([0, 0.3, 0.5]);
    expect(curveLevels('neurons')).toEqual(SPEED_LEVELS);
  });

  it('collects the points of its own measurement only, then ends it', () => {
    let s = startMeasure(initialSpeed(), { curve: 7, sizes: 8 }, what);
    // Rounds × levels steps: 3 rounds over the 10 levels.
    expect(s.curve).toMatchObject({
      id: 7,
      status: 'running',
      total: 3 * SPEED_LEVELS.length,
      rounds: 3,
      points: [],
      ms: null,
    });
    s = applySpeedMessage(s, { type: 'speed-points', id: 6, points: [pt(0, 1)], done: 1, total: 30 });
    expect(s.curve!.points).toEqual([]);
    s = applySpeedMessage(s, {
      type: 'speed-points',
      id: 7,
      points: [pt(0, 0.2), pt(0, 0.5, 256)],
      done: 1,
      total: 30,
    });
    s = applySpeedMessage(s, { type: 'speed-points', id: 7, points: [pt(0.3, 0.3)], done: 2, total: 30 });
    expect(s.curve!.points.map((p) => p.sparsity)).toEqual([0, 0, 0.3]);
    expect(s.curve!.done).toBe(2);
    s = applySpeedMessage(s, { type: 'speed-done', id: 7, ms: 1 });
    expect(s.curve).toMatchObject({ status: 'done', done: 30, ms: 1 });
    s = applySpeedMessage(s, { type: 'sizes-done', id: 8, sparsity: 0.9, rows: [] });
    expect(s.sizes).toMatchObject({ status: 'done', sparsity: 0.9 });
  });

  it('a failed measurement marks the one it belongs to; a new one clears the old points', () => {
    let s = startMeasure(initialSpeed(), { curve: 3, sizes: 4 }, what);
    s = applySpeedMessage(s, { type: 'measure-error', id: 4, message: 'no CompressionStream' });
    expect(s.sizes).toMatchObject({ status: 'error', error: 'no CompressionStream' });
    expect(s.curve!.status).toBe('running');
    s = applySpeedMessage(s, { type: 'speed-points', id: 3, points: [pt(0, 1)], done: 1, total: 10 });
    s = startMeasure(s, { curve: 9, sizes: 10 }, { ...what, granularity: '2:4' });
    expect(s.curve).toMatchObject({ id: 9, points: [], total: 9, granularity: '2:4' });
  });

  it('keeps the newest slider position’s measurement', () => {
    let s = applySpeedMessage(initialSpeed(), { type: 'speed-current', id: 12, points: [pt(0.8, 1)] });
    s = applySpeedMessage(s, { type: 'speed-current', id: 11, points: [pt(0.5, 1)] });
    expect(s.current).toMatchObject({ id: 12 });
    expect(s.current!.points[0].sparsity).toBe(0.8);
    expect(
      applySpeedMessage(s, { type: 'train-evaluated', id: 13, result: { accuracy: 1, loss: 0, perClass: [] }, ms: 1 }),
    ).toBe(s);
  });
});
