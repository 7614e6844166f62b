/**
 * Notices a worker that has silently gone away (closed, killed by the browser): it pings every
 * `intervalMs` and reports once when nothing at all has been heard for `timeoutMs`. A late tick (the
 * page was frozen or throttled in the background) restarts the wait instead of blaming the worker.
 * Pure logic with an injected clock, so it is unit-tested without timers.
 */
/**
 * Test hook: `?watchdog=<ms>` in the page's URL shortens the timeout (1,000 ms up to the production one),
 * so the e2e tests that wait for the watchdog, or wait past it, wait seconds instead of 15. Anything
 * else, and no parameter, leaves the timeout as given.
 */
export function testTimeoutMs(timeoutMs: number, search: string = globalThis.location?.search ?? ''): number {
  const asked = Number(new URLSearchParams(search).get('watchdog') ?? NaN);
  return Number.isInteger(asked) && asked >= 1000 && asked < timeoutMs ? asked : timeoutMs;
}

export interface WatchdogOptions {
  intervalMs: number;
  timeoutMs: number;
  ping(): void;
  onDead(silentMs: number): void;
  now?: () => number;
}

export class Watchdog {
  private lastHeard: number;
  private lastTick: number;
  private dead = false;
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(private readonly o: WatchdogOptions) {
    this.now = o.now ?? (() => performance.now());
    this.timeoutMs = testTimeoutMs(o.timeoutMs);
    this.lastHeard = this.lastTick = this.now();
  }

  /** Any message from the worker. */
  heard(): void {
    this.lastHeard = this.now();
  }

  /** Called every `intervalMs` (by a timer in the app, by the test directly). */
  tick(): void {
    if (this.dead) return;
    const t = this.now();
    // The page itself was asleep: the worker's answers may not have been delivered yet.
    if (t - this.lastTick > 3 * this.o.intervalMs) this.lastHeard = t;
    this.lastTick = t;
    const silent = t - this.lastHeard;
    if (silent >= this.timeoutMs) {
      this.dead = true;
      this.o.onDead(silent);
      return;
    }
    this.o.ping();
  }
}
