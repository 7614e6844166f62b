/**
 * Notices a worker that has silently gone away (closed, killed by the browser): it pings every
 * `intervalMs` and reports once when nothing at all has been heard for `timeoutMs`. A late tick (the
 * page was frozen or throttled in the background) restarts the wait instead of blaming the worker.
 * Pure logic with an injected clock, so it is unit-tested without timers.
 */
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

  constructor(private readonly o: WatchdogOptions) {
    this.now = o.now ?? (() => performance.now());
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
    if (silent >= this.o.timeoutMs) {
      this.dead = true;
      this.o.onDead(silent);
      return;
    }
    this.o.ping();
  }
}
