/** Pause / resume / stop for a running async loop, plus a fast macrotask yield for workers. */

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

let channel: MessageChannel | null = null;
const pending: (() => void)[] = [];

/**
 * Lets queued messages (pause, reset) run: resolves on the next macrotask. Uses a MessageChannel,
 * which, unlike nested setTimeout, is not clamped to 4 ms.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => pending.shift()?.();
  }
  return new Promise((r) => {
    pending.push(r);
    channel!.port2.postMessage(null);
  });
}
