/** Cooperative scheduling for long loops in workers. */

let channel: MessageChannel | null = null;
const pending: (() => void)[] = [];

/**
 * Lets queued messages (pause, reset, a newer request) run: resolves on the next macrotask. Uses a
 * MessageChannel, which, unlike nested setTimeout, is not clamped to 4 ms.
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
