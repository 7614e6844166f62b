/**
 * Wiring of "your own data": a file (or the shipped Iris example) goes to the table worker, which
 * parses, describes and prepares it off the main thread; the options and the seed prepare it again.
 * Training on it hands the prepared table, with its split, to the training worker as the run's data.
 * A refused file leaves everything else as it was (only this slice changes).
 */
import { TABLE_LIMITS } from '../core/tabular';
import { createTableClient, type TablePort } from '../data/tableClient';
import type { FromTable } from '../data/tableProtocol';
import { msg } from '../i18n/catalogue';
import { applyTableMessage, userDataRef, type TableOptions } from './userDataState';
import type { AppState, Store } from './store';

export interface UserData {
  /** Reads a file the user chose or dropped: refused by its size before a byte is read. */
  load(file: Blob & { name: string }): Promise<void>;
  /** The Iris table shipped with the lab. */
  loadExample(): Promise<void>;
  setOptions(patch: Partial<TableOptions>): void;
  /** The split follows the seed: a new seed prepares the table again. */
  seedChanged(): void;
  /** The run's data for the prepared table, or null when none is ready. */
  dataRef(): ReturnType<typeof userDataRef> | null;
}

export function createUserData(store: Store<AppState>, env: { exampleUrl: string; port?: () => TablePort }): UserData {
  const client = createTableClient((m: FromTable) => {
    store.setState((s) => ({ ...s, userData: applyTableMessage(s.userData, m) }));
    // A table read is prepared at once with the options (the label defaults to its last column).
    if (m.type === 'read' && m.id === store.getState().userData.id) prepare();
  }, env.port);
  const prepare = () => {
    const s = store.getState();
    const id = client.prepare({ ...s.userData.options, seed: s.settings.seed });
    store.setState((st) => ({ ...st, userData: { ...st.userData, id, status: 'preparing' } }));
  };
  const read = (name: string, bytes: ArrayBuffer) => {
    const id = client.read(name, bytes);
    store.setState((s) => ({ ...s, userData: { ...s.userData, id, status: 'reading', problem: null } }));
  };
  const refuse = (problem: ReturnType<typeof msg>) => {
    const id = client.skip();
    store.setState((s) => ({ ...s, userData: { ...s.userData, id, status: 'error', readout: null, prepared: null, problem } }));
  };
  return {
    async load(file) {
      if (file.size > TABLE_LIMITS.maxBytes) return refuse(msg('data.problem.too-large', { mb: (file.size / 2 ** 20).toFixed(1), max: (TABLE_LIMITS.maxBytes / 2 ** 20).toFixed(1) }));
      try {
        read(file.name, await file.arrayBuffer());
      } catch (e) {
        refuse(msg('data.problem.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    async loadExample() {
      try {
        const r = await fetch(env.exampleUrl);
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        read('iris.csv', await r.arrayBuffer());
      } catch (e) {
        refuse(msg('data.problem.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    setOptions(patch) {
      store.setState((s) => ({ ...s, userData: { ...s.userData, options: { ...s.userData.options, ...patch } } }));
      if (store.getState().userData.readout) prepare();
    },
    seedChanged() {
      if (store.getState().userData.readout) prepare();
    },
    dataRef() {
      const s = store.getState();
      const p = s.userData.prepared;
      return p && s.userData.status === 'ready' ? userDataRef(p, s.settings.seed) : null;
    },
  };
}
