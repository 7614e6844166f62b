import { describe, expect, it } from 'vitest';
import { createController } from '../controller';
import { pruneSpecOf } from '../store';
import { backend, fakeEval, fakeTraining, loadedMessage, scoredLayers, syntheticSplit } from '../testPorts';

/** A controller whose "next task" jobs wait in `queue` until the test runs them. */
function onQueuedTasks() {
  const queue: (() => void)[] = [];
  const t = fakeTraining();
  const ev = fakeEval();
  const c = createController({
    nextTask: (job) => queue.push(job),
    search: '',
    hash: '#snapshot=none',
    dataUrl: 'http://x/d',
    snapshotUrl: () => 'http://x/s',
    writeHash: () => {},
    ports: { training: () => t.port, evaluation: ev.port, curves: fakeEval().port },
  });
  t.reply({ type: 'ready', backend });
  const finish = () => {
    c.train();
    const runId = c.store.getState().runId;
    t.reply({ type: 'dataset', runId, data: { name: 'synthetic-32', seed: 1, ...syntheticSplit() } });
    const layers = scoredLayers();
    t.reply({ type: 'done', runId, trainSeconds: 1, samplesPerSec: 1, scoring: { layers, batches: 1, seconds: 1 } });
    return layers;
  };
  return { c, ev, queue, finish };
}

describe('a network loaded into the slider', () => {
  it('is shown in a task after the worker’s answer (two shorter tasks at a run’s end), evaluated at the settings', () => {
    const { c, ev, queue, finish } = onQueuedTasks();
    const layers = finish();
    const load = ev.sent[ev.sent.length - 1];
    ev.reply(loadedMessage(load.id, layers));
    // The answer's own task set up the evaluator only: nothing shown yet.
    expect(c.store.getState().pruning.status).toBe('loading');
    expect(c.store.getState().pruning.view).toBeNull();
    expect(queue).toHaveLength(1);
    queue.shift()!();
    const p = c.store.getState().pruning;
    expect(p.status).toBe('ready');
    expect(p.view?.spec).toEqual(pruneSpecOf(c.store.getState().settings));
    expect(p.view?.masks.map((m) => m.length)).toEqual(layers.map((l) => l.inputs * l.units));
  });

  it('takes the dense training figures that came before the task that shows the network', () => {
    const { c, ev, queue, finish } = onQueuedTasks();
    const layers = finish();
    const load = ev.sent[ev.sent.length - 1];
    ev.reply(loadedMessage(load.id, layers));
    const result = { accuracy: 0.875, loss: 0.25, perClass: [] };
    ev.reply({ type: 'train-dense', id: load.id, result });
    queue.shift()!();
    expect(c.store.getState().pruning.dense).toMatchObject({ train: result });
  });

  it('drops the second half when a newer network came in between', () => {
    const { c, ev, queue, finish } = onQueuedTasks();
    const first = finish();
    ev.reply(loadedMessage(ev.sent[ev.sent.length - 1].id, first));
    finish(); // another run ended before the page's next task
    queue.shift()!();
    expect(c.store.getState().pruning.status).toBe('loading');
    expect(c.store.getState().pruning.view).toBeNull();
  });
});
