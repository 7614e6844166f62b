import { describe, expect, it, vi } from 'vitest';
import { initialState, startRun, Store, type AppState } from '../store';
import { afterFirstNumbers, createUpdates, reloadLoses } from './update';

const fresh = (): AppState => initialState();
const snapshotOpen = (): AppState => ({
  ...fresh(),
  phase: 'done',
  origin: { kind: 'snapshot', name: 'mnist', provenance: {} as never },
});

describe('reloadLoses', () => {
  it('is nothing on a fresh page or a snapshot, which the link brings back', () => {
    expect(reloadLoses(fresh())).toBeNull();
    expect(reloadLoses(snapshotOpen())).toBeNull();
  });

  it('names a run in progress first, in each of its phases', () => {
    for (const phase of ['loading', 'training', 'paused', 'scoring'] as const)
      expect(reloadLoses({ ...startRun(fresh(), 1, null), phase })).toBe('run');
  });

  it('names a running job, then the network trained or imported here and logged results', () => {
    const s = snapshotOpen();
    const job = { jobId: 1, kind: 'finetune', criterion: 'taylor', sparsity: 0.5, status: 'running' } as const;
    expect(reloadLoses({ ...s, experiments: { ...s.experiments, finetune: job as never } })).toBe('job');
    expect(reloadLoses({ ...s, origin: { kind: 'trained' } })).toBe('work');
    expect(reloadLoses({ ...s, origin: { kind: 'imported', createdAt: '2026-01-01' } })).toBe('work');
    const record = {
      kind: 'finetune',
      criterion: 'taylor',
      sparsity: 0.5,
      beforeValAcc: 0.5,
      afterValAcc: 0.9,
      afterTrainAcc: 0.9,
    };
    expect(reloadLoses({ ...s, experiments: { ...s.experiments, log: [record as never] } })).toBe('work');
  });
});

describe('createUpdates', () => {
  it('shows nothing until a new version waits, and applies it at once when nothing would be lost', () => {
    const u = createUpdates();
    let applied = 0;
    let notified = 0;
    u.subscribe(() => notified++);
    u.reload(fresh()); // no update yet: nothing to apply
    expect(u.view()).toEqual({ kind: 'none' });
    u.found(() => applied++);
    expect(u.view()).toEqual({ kind: 'ready' });
    expect(applied).toBe(0); // never by itself
    u.reload(snapshotOpen());
    expect(applied).toBe(1);
    expect(u.view()).toEqual({ kind: 'none' });
    expect(notified).toBe(2);
  });

  it('asks before a reload that loses a run, and applies only on the answer', () => {
    const u = createUpdates();
    let applied = 0;
    u.found(() => applied++);
    u.reload({ ...startRun(fresh(), 1, null), phase: 'training' });
    expect(u.view()).toEqual({ kind: 'asking', loss: 'run' });
    expect(applied).toBe(0);
    u.confirm();
    expect(applied).toBe(1);
  });

  it('"Later" hides the notice without applying; "Reload anyway" then does nothing', () => {
    const u = createUpdates();
    let applied = 0;
    u.found(() => applied++);
    u.reload({ ...snapshotOpen(), origin: { kind: 'trained' } });
    u.later();
    expect(u.view()).toEqual({ kind: 'none' });
    u.confirm();
    expect(applied).toBe(0);
  });
});

describe('afterFirstNumbers', () => {
  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };
  it('waits for the first network’s pruned numbers, training-set figures included', async () => {
    vi.useFakeTimers();
    const store = new Store<AppState>({ ...fresh(), openingSnapshot: 'mnist' });
    let opened!: () => void;
    const p = afterFirstNumbers(store, new Promise<void>((r) => (opened = r)), 15_000);
    opened();
    store.setState((s) => ({ ...snapshotOpen(), pruning: { ...s.pruning, view: { train: null } as never } }));
    expect(await settled(p)).toBe(false);
    store.setState((s) => ({ ...s, pruning: { ...s.pruning, view: { train: { accuracy: 0.9 } } as never } }));
    expect(await settled(p)).toBe(true);
    vi.useRealTimers();
  });

  it('settles once no network was opened, and at the latest after its timeout', async () => {
    vi.useFakeTimers();
    const none = afterFirstNumbers(new Store(fresh()), Promise.resolve(), 15_000);
    expect(await settled(none)).toBe(true);
    const stuck = afterFirstNumbers(
      new Store<AppState>({ ...fresh(), openingSnapshot: 'mnist' }),
      Promise.resolve(),
      15_000,
    );
    expect(await settled(stuck)).toBe(false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await settled(stuck)).toBe(true);
    vi.useRealTimers();
  });
});
