import { describe, expect, it } from 'vitest';
import { createController } from './controller';
import { backend, fakeEval, fakeTraining } from './testPorts';

function setup(hash: string) {
  const t = fakeTraining();
  const c = createController({
    nextTask: (job) => job(),
    search: '',
    hash,
    dataUrl: 'http://x/data/mnist.bin.gz',
    snapshotUrl: (name) => `http://x/snapshots/${name}.gpls.gz`,
    writeHash: () => {},
    ports: { training: () => t.port, evaluation: fakeEval().port, curves: fakeEval().port },
  });
  return { c, t };
}

describe('page visibility', () => {
  it('a hidden page pauses a run in training and resumes it when shown; a run the user paused stays paused', () => {
    const { c, t } = setup('#dataset=synthetic-32&snapshot=none');
    t.reply({ type: 'ready', backend });
    c.train();
    const runId = c.store.getState().runId;
    t.reply({ type: 'phase', runId, phase: 'training' });
    c.pageVisibility(true);
    expect(t.sent.at(-1)).toEqual({ type: 'pause', runId });
    t.reply({ type: 'phase', runId, phase: 'paused' });
    c.pageVisibility(false);
    expect(t.sent.at(-1)).toEqual({ type: 'resume', runId });
    t.reply({ type: 'phase', runId, phase: 'training' });
    // Paused by the user, then hidden and shown: it stays paused.
    c.pause();
    t.reply({ type: 'phase', runId, phase: 'paused' });
    const before = t.sent.length;
    c.pageVisibility(true);
    c.pageVisibility(false);
    expect(t.sent.length).toBe(before);
    expect(c.store.getState().phase).toBe('paused');
  });
});
