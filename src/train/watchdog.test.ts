import { describe, expect, it } from 'vitest';
import { testTimeoutMs, Watchdog } from './watchdog';

function setup(timeoutMs = 10_000) {
  let t = 0;
  const pings: number[] = [];
  const dead: number[] = [];
  const w = new Watchdog({
    intervalMs: 1000,
    timeoutMs,
    now: () => t,
    ping: () => pings.push(t),
    onDead: (s) => dead.push(s),
  });
  const advance = (ms: number, answer: boolean) => {
    for (let i = 0; i < ms / 1000; i++) {
      t += 1000;
      w.tick();
      if (answer) w.heard();
    }
  };
  return { w, pings, dead, advance, at: (ms: number) => (t = ms) };
}

describe('Watchdog', () => {
  it('never fires while the worker answers', () => {
    const d = setup();
    d.advance(60_000, true);
    expect(d.dead).toEqual([]);
    expect(d.pings).toHaveLength(60);
  });

  it('fires once after the timeout of silence, and stops pinging', () => {
    const d = setup();
    d.advance(5000, true);
    d.advance(30_000, false);
    expect(d.dead).toEqual([10_000]);
    expect(d.pings).toHaveLength(5 + 9);
  });

  it('a late tick (frozen page) restarts the wait instead of firing', () => {
    const d = setup();
    d.advance(2000, true);
    d.at(2000 + 60_000); // the page slept for a minute; the worker's answers are still queued
    d.w.tick();
    expect(d.dead).toEqual([]);
    d.w.heard();
    d.advance(20_000, true);
    expect(d.dead).toEqual([]);
  });
});

describe('the test-only timeout (?watchdog=<ms>)', () => {
  it('shortens the timeout to a whole number of ms from 1,000 up to the given one, and ignores anything else', () => {
    expect(testTimeoutMs(15_000, '?backend=wasm&watchdog=4000')).toBe(4000);
    expect(testTimeoutMs(15_000, '?watchdog=1000')).toBe(1000);
    const ignored = [
      '',
      '?backend=wasm',
      '?watchdog=',
      '?watchdog=999',
      '?watchdog=15000',
      '?watchdog=60000',
      '?watchdog=2.5e3x',
      '?watchdog=NaN',
    ];
    for (const bad of [...ignored, '?watchdog=-5000']) {
      expect(testTimeoutMs(15_000, bad), bad).toBe(15_000);
    }
  });

  it('is what a watchdog on such a page waits for', () => {
    const location = { search: '?watchdog=3000' };
    (globalThis as { location?: unknown }).location = location;
    try {
      const d = setup(15_000);
      d.advance(2000, false);
      expect(d.dead).toEqual([]);
      d.advance(1000, false);
      expect(d.dead).toEqual([3000]);
    } finally {
      delete (globalThis as { location?: unknown }).location;
    }
  });
});
