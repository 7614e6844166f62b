import { describe, expect, it } from 'vitest';
import { pairedRatio, sampleInterleaved, timeInterleaved } from './inferTiming';

/** A fake clock: `now` reads t; each fake fn logs its name and advances t by its cost. */
function fakeClock() {
  let t = 1000;
  const log: string[] = [];
  const fn = (name: string, cost: (call: number) => number) => {
    let call = 0;
    return () => {
      log.push(name);
      t += cost(call++);
    };
  };
  return { now: () => t, log, fn };
}

describe('timeInterleaved', () => {
  it('warms up, calibrates by doubling, interleaves the samples and reports per-call ms', () => {
    const c = fakeClock();
    const res = timeInterleaved(
      { a: c.fn('a', () => 0.5), b: c.fn('b', () => 3) },
      { samples: 3, minSampleMs: 4, now: c.now },
    );
    // a: 1, 2, 4 calls last 0.5, 1, 2 ms; 8 calls 4 ms ≥ 4 → 8 per sample. b: 1 call 3 ms, 2 calls 6 ms → 2.
    expect(res.a).toEqual({ medianMs: 0.5, p10Ms: 0.5, p90Ms: 0.5, samples: 3, repsPerSample: 8 });
    expect(res.b).toEqual({ medianMs: 3, p10Ms: 3, p90Ms: 3, samples: 3, repsPerSample: 2 });
    const round = [...Array(8).fill('a'), 'b', 'b'];
    expect(c.log).toEqual([
      'a',
      'b',
      ...Array(1 + 2 + 4 + 8).fill('a'),
      ...Array(1 + 2).fill('b'),
      ...round,
      ...round,
      ...round,
    ]);
  });

  it('a calibration slowed by a pause is corrected: too short samples double the repetitions and restart', () => {
    const c = fakeClock();
    // Warm-up 0.1 ms; the calibration's one call is paused to 5 ms (≥ 4: 1 repetition); every later call 0.1 ms.
    const res = timeInterleaved(
      { p: c.fn('p', (i) => (i === 1 ? 5 : 0.1)) },
      { samples: 3, minSampleMs: 4, now: c.now },
    );
    // Samples of 1, 2, 4, 8, 16 calls last under 2 ms (half the minimum) and restart; 32 calls last 3.2 ms.
    expect(res.p.repsPerSample).toBe(32);
    expect(res.p.medianMs).toBeCloseTo(0.1, 12);
    expect(c.log.length).toBe(1 + 1 + (1 + 2 + 4 + 8 + 16) + 3 * 32);
  });

  it('the statistics are over samples: median and nearest-rank 10th and 90th percentiles', () => {
    const c = fakeClock();
    // Warm-up and calibration (1 call ≥ 1 ms) cost 1 ms; then the samples cost 10, 1, 9, 2, …: 1..10 shuffled.
    const costs = [1, 1, 10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    const res = timeInterleaved({ x: c.fn('x', (i) => costs[i]) }, { samples: 10, minSampleMs: 1, now: c.now });
    expect(res.x).toEqual({ medianMs: 5.5, p10Ms: 1, p90Ms: 9, samples: 10, repsPerSample: 1 });
    expect(c.log.length).toBe(12);
  });

  it('defaults to 15 samples of at least 4 ms, and stops calibrating on a clock that does not move', () => {
    const c = fakeClock();
    const res = timeInterleaved({ q: c.fn('q', () => 0.25) }, { now: c.now });
    expect(res.q.samples).toBe(15);
    expect(res.q.repsPerSample).toBe(16);
    expect(res.q.medianMs).toBe(0.25);
    const stopped = timeInterleaved({ z: () => {} }, { samples: 1, now: () => 0 });
    expect(stopped.z.repsPerSample).toBe(1 << 20);
    expect(stopped.z.medianMs).toBe(0);
  });

  it('a restart starts the rounds of every fn again, so sample i of each fn stays from the same round', () => {
    const c = fakeClock();
    // a: 1 ms a call; b: its calibration call paused to 5 ms (1 repetition), later calls 0.5 ms.
    const s = sampleInterleaved(
      { a: c.fn('a', () => 1), b: c.fn('b', (i) => (i === 1 ? 5 : 0.5)) },
      { samples: 2, minSampleMs: 4, now: c.now },
    );
    // Round 1: a (4 calls), then b's 1 call lasts 0.5 ms < 2 (half the minimum): b doubles to 2 (1 ms, again),
    // then 4 calls (2 ms), kept; each doubling restarts the rounds of both.
    expect(s.reps).toEqual({ a: 4, b: 4 });
    expect(s.perCall.a).toHaveLength(2);
    expect(s.perCall.b).toHaveLength(2);
    const rounds = c.log.slice(2 + (1 + 2 + 4) + 1).join('');
    // Two restarted rounds (a, then a too-short b) and two full rounds: a's samples are all from rounds with b's.
    expect(rounds).toBe(['aaaab', 'aaaabb', 'aaaabbbb', 'aaaabbbb'].join(''));
    expect(s.perCall).toEqual({ a: [1, 1], b: [0.5, 0.5] });
  });

  it('given the repetitions of an earlier call, it skips the calibration', () => {
    const c = fakeClock();
    const s = sampleInterleaved({ a: c.fn('a', () => 1) }, { samples: 3, minSampleMs: 4, now: c.now, reps: { a: 5 } });
    expect(s).toEqual({ perCall: { a: [1, 1, 1] }, reps: { a: 5 } });
    expect(c.log.length).toBe(1 + 3 * 5);
  });
});

describe('pairedRatio', () => {
  it('is the median and nearest-rank percentiles of the ratios of pairs, not a ratio of percentiles', () => {
    // The machine slows down and speeds up; both paths alike: every pair says 2×.
    const dense = [1, 2, 4, 1.5, 3];
    const csr = dense.map((v) => v / 2);
    expect(pairedRatio(dense, csr, 1)).toEqual({ median: 2, p10: 2, p90: 2, samples: 5, rounds: 1 });
    // Dividing percentiles would pair one moment's fast sample with another's slow one: 1 / 2 to 4 / 0.5.
    expect([Math.min(...dense) / Math.max(...csr), Math.max(...dense) / Math.min(...csr)]).toEqual([0.5, 8]);
  });

  it('keeps a disturbed pair visible in the spread, without moving the median', () => {
    const dense = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const csr = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 8];
    const r = pairedRatio(dense, csr, 2);
    expect(r.median).toBe(2);
    expect(r.p10).toBe(0.125); // rank ceil(1) = the smallest of 10
    expect(r.p90).toBe(2);
    expect(r.rounds).toBe(2);
    expect(() => pairedRatio([1, 2], [1])).toThrow(/differ/);
  });
});
