// The training wiring across a crashed worker: the fresh worker's runs go on with the page's run ids
// (a restart at 0 would reuse ids of runs the page has seen), and a pending request of the dead one
// is rejected rather than left waiting for ever.
import { describe, expect, it } from 'vitest';
import { isJobError } from '../../train/client';
import { createController } from '../controller';
import { backend, fakeEval, fakeTraining } from '../testPorts';

/** A controller whose training port is a fresh fake each time the page starts a worker. */
function crashable() {
  const workers: ReturnType<typeof fakeTraining>[] = [];
  const training = () => {
    workers.push(fakeTraining());
    return workers[workers.length - 1].port;
  };
  const ports = { training, evaluation: fakeEval().port, curves: fakeEval().port };
  const hash = '#dataset=synthetic-32&snapshot=none';
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/d',
    snapshotUrl: () => 'http://x/s',
    writeHash: () => {},
    ports,
  });
  const current = () => workers[workers.length - 1];
  const die = () => current().port.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
  return { c, workers, current, die };
}
const runIds = (w: ReturnType<typeof fakeTraining>) => w.sent.flatMap((m) => ('runId' in m ? [m.runId] : []));

describe('training wiring: a crashed worker replaced', () => {
  it("numbers the new worker's runs after the old one's", () => {
    const { c, workers, current, die } = crashable();
    current().reply({ type: 'ready', backend });
    c.train();
    c.reset();
    c.train();
    const before = c.store.getState().runId;
    die();
    expect(workers).toHaveLength(2);
    current().reply({ type: 'ready', backend });
    c.train();
    const after = c.store.getState().runId;
    expect(after).toBeGreaterThan(before);
    const used = runIds(workers[0]);
    for (const id of runIds(workers[1])) expect(used).not.toContain(id);
  });

  it("rejects the dead worker's pending memory request", async () => {
    const { c, die } = crashable();
    const memory = c.memory().then(
      () => 'answered',
      (e: unknown) => (isJobError(e, 'worker-gone') ? 'worker-gone' : String(e)),
    );
    die();
    expect(await memory).toBe('worker-gone');
  });
});
