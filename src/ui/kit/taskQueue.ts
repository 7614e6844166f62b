/**
 * One queue of deferred view updates (staggered charts, lagged panels): each job runs in a task of its
 * own, oldest first, and the browser handles input and paints between them. A job queued again before
 * its turn keeps its place (a Set keeps insertion order).
 */
export type Job = () => void;

const jobs = new Set<Job>();
let pumping = false;

/** Runs the oldest job, then yields to the browser (input, paint) before the next one. */
function pump() {
  const [job] = jobs;
  if (job) {
    jobs.delete(job);
    job();
  }
  if (jobs.size) post();
  else pumping = false;
}

let channel: MessageChannel | null = null;
/** A task without setTimeout's clamping (nested timeouts wait ≥ 4 ms each). */
function post() {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(pump);
    return;
  }
  channel ??= new MessageChannel();
  channel.port1.onmessage = pump;
  channel.port2.postMessage(null);
}

/** Queues `job` for a task of its own (no-op when it already waits). */
export function enqueue(job: Job): void {
  jobs.add(job);
  if (!pumping) {
    pumping = true;
    post();
  }
}

/** Jobs held until the pruning slider rests (see `holdUntilRest`). */
const held = new Set<Job>();

/** Holds `job` until `releaseHeld` (the slider at rest), then queues it as `enqueue` does. */
export function holdUntilRest(job: Job): void {
  if (!jobs.has(job)) held.add(job);
}

/** Queues every held job (oldest first). */
export function releaseHeld(): void {
  for (const job of held) enqueue(job);
  held.clear();
}

/** Drops a waiting or held job (its view unmounted, or it was shown another way). */
export function dequeue(job: Job): void {
  jobs.delete(job);
  held.delete(job);
}

/** How many view updates wait or are held (the test API: the page is quiet when none does). */
export const pendingViews = () => jobs.size + held.size;
