import { describe, expect, it } from 'vitest';
import { timeInterleaved } from './inferTiming';

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
    const res = timeInterleaved({ a: c.fn('a', () => 0.5), b: c.fn('b', () => 3) }, { samples: 3, minSampleMs: 4, now: c.now });
    // a: 1, 2, 4 calls last 0.5, 1, 2 ms; 8 calls 4 ms ≥ 4 → 8 per sample. b: 1 call 3 ms, 2 calls 6 ms → 2.
    expect(res.a).toEqual({ medianMs: 0.5, p10Ms: 0.5, p90Ms: 0.5, samples: 3, repsPerSample: 8 });
    expect(res.b).toEqual({ medianMs: 3, p10Ms: 3, p90Ms: 3, samples: 3, repsPerSample: 2 });
    const round = [...Array(8).fill('a'), 'b', 'b'];
    expect(c.log).toEqual(['a', 'b', ...Array(1 + 2 + 4 + 8).fill('a'), ...Array(1 + 2).fill('b'), ...round, ...round, ...round]);
  });

  it('a calibration slowed by a pause is corrected: too short samples double the repetitions and restart', () => {
    const c = fakeClock();
    // Warm-up 0.1 ms; the calibration's one call is paused to 5 ms (≥ 4: 1 repetition); every later call 0.1 ms.
    const res = timeInterleaved({ p: c.fn('p', (i) => (i === 1 ? 5 : 0.1)) }, { samples: 3, minSampleMs: 4, now: c.now });
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
});
