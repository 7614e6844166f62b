// auto's choice by measurement, asked by the page: not while the first network opens and prunes nor while
// the worker is busy; after a short delay once idle; at once before the first Train (which waits for it);
// never for a forced backend; and the switch keeps everything the page shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendInfo } from '../../train/runTypes';
import { initialState, type AppState } from '../store';
import { backend, controllerOnFakes } from '../testPorts';
import { CHOICE_DELAY_MS, choiceDue } from './choiceTiming';

const waiting: BackendInfo = { ...backend, requested: 'auto', pending: 'waiting' };
const measured: BackendInfo = {
  ...backend,
  requested: 'auto',
  measured: [
    { name: 'wasm', software: false, adapter: 'wasm', samplesPerSec: 21000 },
    { name: 'webgpu', software: true, adapter: 'swiftshader', samplesPerSec: 900 },
  ],
  measuredBatch: 32,
};
type PruneView = AppState['pruning']['view'];
const view = (id: number, train: boolean) => ({ id, train: train ? {} : null }) as unknown as PruneView;
const at = (patch: Partial<AppState>): AppState => ({ ...initialState(), backend: waiting, ...patch });

describe('choiceDue (pure)', () => {
  it('is never for a forced backend, a chosen one, or one being measured', () => {
    expect(choiceDue(at({ backend: null }))).toBe('never');
    expect(choiceDue(at({ backend: backend }))).toBe('never');
    expect(choiceDue(at({ backend: measured }))).toBe('never');
    expect(choiceDue(at({ backend: { ...waiting, pending: 'measuring' } }))).toBe('never');
  });

  it('waits while a snapshot opens, until its pruned numbers settle, and while a run holds the worker', () => {
    const snapshot = { kind: 'snapshot', name: 'mnist' } as AppState['origin'];
    const pruning = (status: AppState['pruning']['status'], v: PruneView | null, requested = 1) => ({
      ...initialState().pruning,
      status,
      view: v,
      requested,
    });
    expect(choiceDue(at({ openingSnapshot: 'mnist' }))).toBe('wait');
    expect(choiceDue(at({ origin: snapshot, pruning: pruning('loading', null) }))).toBe('wait');
    expect(choiceDue(at({ origin: snapshot, pruning: pruning('ready', view(1, false)) }))).toBe('wait');
    expect(choiceDue(at({ origin: snapshot, pruning: pruning('ready', view(1, true), 2) }))).toBe('wait');
    expect(choiceDue(at({ origin: snapshot, pruning: pruning('ready', view(1, true)) }))).toBe('now');
    expect(choiceDue(at({ origin: snapshot, pruning: pruning('error', null) }))).toBe('now');
    expect(choiceDue(at({ phase: 'training' }))).toBe('wait');
    expect(choiceDue(at({}))).toBe('now');
  });
});

describe("the page asks for auto's choice", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const asks = (t: ReturnType<typeof controllerOnFakes>['t']) => t.sent.filter((m) => m.type === 'choose-backend');

  it('once, a short delay after the page is idle, at the batch size of the settings', () => {
    const { c, t } = controllerOnFakes('#snapshot=none&batch=128');
    t.reply({ type: 'ready', backend: waiting });
    expect(c.store.getState().backendStatus).toBe('ready'); // Train is clickable before the choice
    vi.advanceTimersByTime(CHOICE_DELAY_MS - 1);
    expect(asks(t)).toEqual([]);
    vi.advanceTimersByTime(CHOICE_DELAY_MS + 300);
    expect(asks(t)).toEqual([{ type: 'choose-backend', batchSize: 128 }]);
  });

  it("right before the first Train, whose run then waits in the worker's queue; not again when idle", () => {
    const { c, t } = controllerOnFakes('#snapshot=none&batch=64');
    t.reply({ type: 'ready', backend: waiting });
    c.train();
    const types = t.sent.map((m) => m.type);
    expect(types.slice(types.indexOf('choose-backend'))).toEqual(['choose-backend', 'train']);
    vi.advanceTimersByTime(10_000); // under the watchdog's 15 s (the fake worker answers no ping)
    expect(asks(t)).toEqual([{ type: 'choose-backend', batchSize: 64 }]);
  });

  it('never for a forced backend', () => {
    const { c, t } = controllerOnFakes('#snapshot=none');
    t.reply({ type: 'ready', backend });
    vi.advanceTimersByTime(10_000); // under the watchdog's 15 s (the fake worker answers no ping)
    c.train();
    expect(asks(t)).toEqual([]);
  });

  it('shows the measurement, then the chosen backend with its rates; the page keeps its run and settings', () => {
    const { c, t } = controllerOnFakes('#snapshot=none&seed=5');
    t.reply({ type: 'ready', backend: waiting });
    vi.advanceTimersByTime(CHOICE_DELAY_MS + 300);
    t.reply({ type: 'choosing' });
    expect(c.store.getState().backend?.pending).toBe('measuring');
    const before = c.store.getState();
    t.reply({ type: 'ready', backend: measured });
    const s = c.store.getState();
    expect([s.backend, s.backendStatus]).toEqual([measured, 'ready']);
    expect([s.runId, s.phase, s.settings, s.origin, s.userData]).toEqual([
      before.runId,
      before.phase,
      before.settings,
      before.origin,
      before.userData,
    ]);
    expect(s.settings.seed).toBe(5);
    vi.advanceTimersByTime(10_000); // under the watchdog's 15 s (the fake worker answers no ping)
    expect(asks(t)).toHaveLength(1);
  });
});
