/** Pause / resume / stop for a running async loop. */

export class RunControl {
  private pausedAt: number | null = null;
  private resumeWaiters: (() => void)[] = [];
  /** Milliseconds spent paused so far (excluded from throughput figures). */
  pausedMs = 0;
  stopped = false;

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(): void {
    if (!this.stopped && this.pausedAt === null) this.pausedAt = performance.now();
  }

  resume(): void {
    if (this.pausedAt !== null) this.pausedMs += performance.now() - this.pausedAt;
    this.pausedAt = null;
    this.resumeWaiters.splice(0).forEach((w) => w());
  }

  stop(): void {
    this.stopped = true;
    this.resume();
  }

  /** Resolves immediately when running, or when resumed/stopped. */
  waitWhilePaused(): Promise<void> {
    if (this.pausedAt === null) return Promise.resolve();
    return new Promise((r) => this.resumeWaiters.push(r));
  }
}
