import { describe, expect, it } from 'vitest';
import { initialRun, initialState, startRun, Store, type AppState } from './store';

describe('Store', () => {
  it('Store notifies subscribers only on change', () => {
    const store = new Store({ n: 1 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.setState((s) => s);
    store.setState({ n: 2 });
    off();
    store.setState({ n: 3 });
    expect(calls).toBe(1);
    expect(store.getState().n).toBe(3);
  });
});

describe('a new run: the page kept, the run replaced, by construction', () => {
  it('every field is the page’s or the run’s, never both; startRun keeps each page field and resets each run field', () => {
    const page = [
      'settings',
      'flags',
      'notices',
      'backend',
      'backendStatus',
      'throughput',
      'evalSpeed',
      'runRates',
      'userData',
    ];
    const run = Object.keys(initialRun());
    expect(run.filter((k) => page.includes(k))).toEqual([]);
    expect(Object.keys(initialState()).sort()).toEqual([...page, ...run].sort());
    // A state where every field differs from its start: each one a fresh object (or a changed value).
    const used = Object.fromEntries(
      Object.entries(initialState()).map(([k, v]) => [
        k,
        typeof v === 'object' && v !== null ? { ...v, touched: k } : `changed ${k}`,
      ]),
    );
    const next = startRun(used as unknown as AppState, 7, null) as unknown as Record<string, unknown>;
    const fresh = initialRun() as unknown as Record<string, unknown>;
    for (const k of page) expect(next[k], k).toBe(used[k]);
    for (const k of run.filter((k) => !['runId', 'phase', 'origin', 'runConfig'].includes(k)))
      expect(next[k], k).toEqual(fresh[k]);
    expect([next.runId, next.phase, next.origin, next.runConfig]).toEqual([7, 'idle', null, null]);
  });
});
