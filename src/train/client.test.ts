// The training client on a fake worker port: a job's promise resolves with its result and hears its
// progress; it rejects with a typed error when cancelled, superseded by a newer run, failed in the
// worker, or when the worker dies — and so do pending memory and timing requests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTrainingClient, isJobError, JobError, startLater, type TrainingPort } from './client';
import type { FromWorker, ToWorker } from './protocol';
import type { JobOf } from './jobs';

const data = { name: 'synthetic-32' as const, seed: 1, trainIndices: Uint32Array.of(0), valIndices: Uint32Array.of(1) };
const grads: JobOf<'init-grads'> = { kind: 'init-grads', data, layers: [] };

/** A fake worker port that records what the page sends and can answer, throw or fall silent. */
function fakePort() {
  const sent: ToWorker[] = [];
  const port: TrainingPort = { postMessage: (m) => sent.push(m), onmessage: null, onerror: null, terminate: () => {} };
  return {
    port,
    sent,
    reply: (msg: FromWorker) => port.onmessage?.({ data: msg } as MessageEvent<unknown>),
    die: (message: string) => port.onerror?.({ message, preventDefault: () => {} } as ErrorEvent),
  };
}

let clients: { terminate(): void }[] = [];
afterEach(() => {
  clients.forEach((c) => c.terminate());
  clients = [];
});
function client(nextRunId = counter()) {
  const w = fakePort();
  const crashes: string[] = [];
  const forwarded: FromWorker[] = [];
  const c = createTrainingClient(
    'http://x/d',
    (m) => forwarded.push(m),
    (m) => crashes.push(m),
    nextRunId,
    w.port,
  );
  clients.push(c);
  return { c, w, crashes, forwarded };
}
function counter() {
  let n = 0;
  return () => ++n;
}
/** How a promise ended: its value, or the reason of its JobError. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (e: unknown) => ({ reason: e instanceof JobError ? e.reason : String(e), message: (e as Error).message }),
  );
const config = { dataset: 'synthetic-32' as const, seed: 1, epochs: 1, batchSize: 8, learningRate: 0.1 };

describe('training client: jobs', () => {
  it("sends one 'job' message and resolves with the answer of its run; progress goes to onProgress", async () => {
    const { c, w, forwarded } = client();
    const seen: unknown[] = [];
    const job = { kind: 'movement' as const, config, data, layers: [], epochs: 1, learningRate: 0.01 };
    const p = c.run(job, { onProgress: (x) => seen.push(x.fraction) });
    const msg = w.sent.at(-1);
    expect(msg).toMatchObject({ type: 'job', runId: 1, job: { kind: 'movement', epochs: 1 } });
    const progress = {
      stage: 'training' as const,
      epoch: 1,
      epochs: 1,
      batch: 1,
      batchesPerEpoch: 2,
      samplesPerSec: 1,
      etaSec: 1,
      fraction: 0.5,
    };
    w.reply({ type: 'job-progress', runId: 1, kind: 'movement', progress });
    w.reply({ type: 'job-progress', runId: 0, kind: 'movement', progress: { ...progress, fraction: 0.9 } }); // another run's: not this job's
    const result = { scores: [Float32Array.of(1)], layers: [] };
    w.reply({ type: 'job-done', runId: 1, kind: 'movement', result });
    expect(await p).toBe(result);
    expect(seen).toEqual([0.5]);
    expect(forwarded).toEqual([]); // the job's messages are the job's, not the store's
  });

  it('rejects a cancelled job (and tells the worker), a superseded one, and a failed one with its words', async () => {
    const { c, w } = client();
    const abort = new AbortController();
    const cancelled = outcome(c.run(grads, { signal: abort.signal }));
    abort.abort();
    expect(w.sent.at(-1)).toEqual({ type: 'cancel', runId: 1 });
    const superseded = outcome(c.run(grads));
    c.reset(); // a new run: the worker stops the job, whose answer never comes
    const failed = outcome(c.run(grads));
    w.reply({ type: 'error', runId: 4, message: 'out of memory' });
    expect(await cancelled).toMatchObject({ reason: 'cancelled' });
    expect(await superseded).toMatchObject({ reason: 'superseded' });
    expect(await failed).toEqual({ reason: 'failed', message: 'out of memory' });
    const late = outcome(c.run(grads, { signal: abort.signal })); // an aborted signal: nothing is sent
    expect(await late).toMatchObject({ reason: 'cancelled' });
    expect(w.sent.filter((m) => m.type === 'job')).toHaveLength(3);
  });

  it('rejects every pending job and request when the worker crashes, and each one once', async () => {
    const { c, w, crashes } = client();
    const job = outcome(c.run(grads));
    const memory = outcome(c.memory());
    const timing = outcome(c.timePredict([], [1, 8]));
    w.die('boom');
    expect(crashes).toEqual(['boom']);
    for (const p of [job, memory, timing]) expect(await p).toEqual({ reason: 'worker-gone', message: 'boom' });
    w.reply({ type: 'job-done', runId: 1, kind: 'init-grads', result: { gradAbs: [] } }); // too late: nobody waits
  });

  it('rejects pending jobs, not requests, when the GPU device is lost (the worker lives on)', async () => {
    const { c, w, forwarded } = client();
    const job = outcome(c.run(grads));
    let memory: unknown = null;
    void c.memory().then((m) => (memory = m));
    w.reply({ type: 'device-lost', message: 'The GPU device was lost.' });
    expect(await job).toMatchObject({ reason: 'worker-gone', message: 'The GPU device was lost.' });
    expect(forwarded.map((m) => m.type)).toEqual(['device-lost']);
    w.reply({ type: 'memory', requestId: 1, numTensors: 3, numBytes: 12 });
    await Promise.resolve();
    expect(memory).toMatchObject({ numTensors: 3, numBytes: 12 });
  });

  it('takes its run ids from the page: a second client goes on counting where the first stopped', () => {
    const next = counter();
    const first = client(next);
    expect([first.c.train(config), first.c.reset()]).toEqual([1, 2]);
    first.w.die('gone');
    const second = client(next);
    expect(second.c.reset()).toBe(3);
    void second.c.run(grads).catch(() => {});
    expect(second.w.sent.at(-1)).toMatchObject({ type: 'job', runId: 4 });
  });

  it('isJobError tells the reasons apart', () => {
    const e = new JobError('superseded', 'x');
    expect([
      isJobError(e),
      isJobError(e, 'superseded'),
      isJobError(e, 'failed', 'cancelled'),
      isJobError(new Error('x')),
    ]).toEqual([true, true, false, false]);
  });
});

describe('training client: a worker made later', () => {
  it('holds start-up and controls in order, drops pings, and makes the worker at start() or at a run', () => {
    const made: ReturnType<typeof fakePort>[] = [];
    const make = () => (made.push(fakePort()), made.at(-1)!.port);
    const later = startLater(make);
    const c = createTrainingClient(
      'http://x/d',
      () => {},
      () => {},
      counter(),
      later,
    );
    clients.push(c);
    c.init('auto');
    const stopId = c.stop();
    later.postMessage({ type: 'ping' });
    expect([made.length, later.started]).toEqual([0, false]);
    const runId = c.train(config); // a run needs the worker: it is made, and gets what waited first
    expect([made.length, later.started]).toEqual([1, true]);
    expect(made[0].sent.map((m) => m.type)).toEqual(['init', 'stop', 'train']);
    expect([made[0].sent[1], made[0].sent[2]]).toMatchObject([{ runId: stopId }, { runId }]);
    // Its answers reach the client; start() again makes no second worker.
    const heard: FromWorker[] = [];
    later.onmessage = (ev) => heard.push(ev.data as FromWorker);
    made[0].reply({ type: 'pong' });
    later.start();
    expect([made.length, heard]).toEqual([1, [{ type: 'pong' }]]);
    // start() makes it too; a port stopped before it started never makes one.
    const other = startLater(make);
    other.postMessage({ type: 'init', backend: 'wasm', dataUrl: 'u' });
    other.start();
    expect(made[1].sent.map((m) => m.type)).toEqual(['init']);
    const ended = startLater(make);
    ended.terminate();
    ended.postMessage({ type: 'memory', requestId: 1 });
    ended.start();
    expect(made.length).toBe(2);
  });

  it('the watchdog does not count the time before the worker is made', () => {
    vi.useFakeTimers();
    try {
      const later = startLater(() => fakePort().port);
      const crashes: string[] = [];
      const c = createTrainingClient(
        'http://x/d',
        () => {},
        (m) => crashes.push(m),
        counter(),
        later,
      );
      clients.push(c);
      vi.advanceTimersByTime(60_000);
      expect(crashes).toEqual([]);
      later.start(); // a worker that then never answers is noticed
      vi.advanceTimersByTime(20_000);
      expect(crashes).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
