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
  it('is shown two tasks after the worker’s answer (three shorter tasks at a run’s end), evaluated at the settings', () => {
    const { c, ev, queue, finish } = onQueuedTasks();
    const layers = finish();
    const load = ev.sent[ev.sent.length - 1];
    ev.reply(loadedMessage(load.id, layers));
    // The answer's own task set up the evaluator only, the next evaluates: nothing shown yet.
    expect(c.store.getState().pruning.status).toBe('loading');
    expect(c.store.getState().pruning.view).toBeNull();
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(c.store.getState().pruning.view).toBeNull();
    expect(queue).toHaveLength(1);
    queue.shift()!();
    const p = c.store.getState().pruning;
    expect(p.status).toBe('ready');
    expect(p.view?.spec).toEqual(pruneSpecOf(c.store.getState().settings));
    expect(p.view?.masks.map((m) => m.length)).toEqual(layers.map((l) => l.inputs * l.units));
  });

  it('shows the settings of its last task when they changed after the evaluation', () => {
    const { c, ev, queue, finish } = onQueuedTasks();
    const layers = finish();
    ev.reply(loadedMessage(ev.sent[ev.sent.length - 1].id, layers));
    queue.shift()!(); // evaluated at the settings then
    c.store.setState((s) => ({ ...s, settings: { ...s.settings, mode: 'sparsity', sparsity: 0.6 } }));
    queue.shift()!();
    const view = c.store.getState().pruning.view!;
    expect(view.spec).toEqual(pruneSpecOf(c.store.getState().settings));
    expect(view.report.sparsity).toBeGreaterThan(0.55);
  });

  for (const before of [1, 2])
    it(`takes the dense training figures that came before the task that shows the network (after task ${before})`, () => {
      const { c, ev, queue, finish } = onQueuedTasks();
      const layers = finish();
      const load = ev.sent[ev.sent.length - 1];
      ev.reply(loadedMessage(load.id, layers));
      if (before === 2) queue.shift()!();
      const result = { accuracy: 0.875, loss: 0.25, perClass: [] };
      ev.reply({ type: 'train-dense', id: load.id, result });
      while (queue.length) queue.shift()!();
      expect(c.store.getState().pruning.dense).toMatchObject({ train: result });
    });

  for (const at of [1, 2])
    it(`drops the rest when a newer network came in between (before task ${at + 1})`, () => {
      const { c, ev, queue, finish } = onQueuedTasks();
      const first = finish();
      ev.reply(loadedMessage(ev.sent[ev.sent.length - 1].id, first));
      if (at === 2) queue.shift()!();
      finish(); // another run ended before the page's next task
      queue.shift()!();
      expect(queue).toHaveLength(0);
      expect(c.store.getState().pruning.status).toBe('loading');
      expect(c.store.getState().pruning.view).toBeNull();
    });
});
