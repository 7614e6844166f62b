/**
 * Wiring of "your own data": a file (or the shipped Iris example) goes to the table worker, which
 * parses, describes and prepares it off the main thread; the options and the seed prepare it again.
 * A newly read file, once prepared, becomes what Train trains (the hooks tell the controller). A refused
 * file changes nothing but the message: the table loaded before stays, prepared as it was.
 */
import { TABLE_LIMITS } from '../../core/data';
import { createTableClient, type TablePort } from '../../data/tableClient';
import type { FromTable } from '../../data/tableProtocol';
import { msg } from '../../i18n/catalogue';
import { applyTableMessage, problemMsg, refusedFile, type AppState, type Store, type TableOptions } from '../store';

export interface UserData {
  /** Reads a file the user chose or dropped: refused by its size before a byte is read. */
  load(file: Blob & { name: string }): Promise<void>;
  /** The Iris table shipped with the lab. */
  loadExample(): Promise<void>;
  /** Reads the file just refused for its first line (`no-header`) again, every line as data. */
  readHeaderless(): Promise<void>;
  setOptions(patch: Partial<TableOptions>): void;
  /** The split follows the seed: a new seed prepares the table again. */
  seedChanged(): void;
}

export interface UserDataHooks {
  /** A new file was read (not prepared yet). */
  onRead(name: string): void;
  /** A table was prepared: `fresh`, the first preparation of a newly read file (else new options or seed). */
  onPrepared(fresh: boolean): void;
}

export function createUserData(
  store: Store<AppState>,
  env: { exampleUrl: string; port?: () => TablePort },
  hooks: UserDataHooks,
): UserData {
  /** A file was read and not prepared yet: its first preparation makes it what Train trains. */
  let fresh = false;
  const client = createTableClient((m: FromTable) => {
    const current = m.id === store.getState().userData.id;
    store.setState((s) => ({ ...s, userData: applyTableMessage(s.userData, m) }));
    if (!current) return;
    // A table read is prepared at once with the options (the label defaults to its last column).
    if (m.type === 'read') {
      fresh = true;
      hooks.onRead(m.readout.name);
      prepare();
    } else if (m.type === 'prepared') {
      hooks.onPrepared(fresh);
      fresh = false;
    }
  }, env.port);
  const prepare = () => {
    const s = store.getState();
    const id = client.prepare({ ...s.userData.options, seed: s.settings.seed });
    store.setState((st) => ({ ...st, userData: { ...st.userData, id, status: 'preparing' } }));
  };
  /** The last file sent to be read, kept so a file refused for its first line can be read again without a header. */
  let last: (Blob & { name: string }) | null = null;
  const read = (name: string, bytes: ArrayBuffer, header = true) => {
    const id = client.read(name, bytes, header);
    store.setState((s) => ({ ...s, userData: { ...s.userData, id, status: 'reading', reading: name, problem: null } }));
  };
  /** Refused before reading: nothing is sent, nothing pending is dropped. */
  const refuse = (name: string, problem: ReturnType<typeof msg>) =>
    store.setState((s) => ({ ...s, userData: refusedFile(s.userData, name, problem) }));
  return {
    async load(file) {
      if (file.size > TABLE_LIMITS.maxBytes)
        return refuse(file.name, problemMsg({ code: 'too-large', bytes: file.size, max: TABLE_LIMITS.maxBytes }));
      try {
        last = file;
        read(file.name, await file.arrayBuffer());
      } catch (e) {
        refuse(file.name, msg('data.problem.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    async loadExample() {
      try {
        const r = await fetch(env.exampleUrl);
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        last = null;
        read('iris.csv', await r.arrayBuffer());
      } catch (e) {
        refuse('iris.csv', msg('data.problem.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    async readHeaderless() {
      const file = last;
      if (!file || store.getState().userData.headerless !== file.name) return;
      try {
        read(file.name, await file.arrayBuffer(), false);
      } catch (e) {
        refuse(file.name, msg('data.problem.failed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    setOptions(patch) {
      store.setState((s) => ({ ...s, userData: { ...s.userData, options: { ...s.userData.options, ...patch } } }));
      if (store.getState().userData.readout) prepare();
    },
    seedChanged() {
      if (store.getState().userData.readout) prepare();
    },
  };
}
