/**
 * Snapshot wiring: opening a pre-trained network shipped with the site (`snapshots/<dataset>.gpls.gz`)
 * so a first visit prunes at once. The file is fetched and checked on the page (it is small); the
 * network then goes to the evaluation workers like a finished run's. A file that cannot be opened
 * (missing, damaged, another version) leaves an empty, working lab and a notice that says why.
 */
import type { DatasetName } from '../../core/data';
import { decodeSnapshot, type Snapshot } from '../../core/formats';
import { fetchGunzip } from '../../data/fetch';
import { msg, type Msg } from '../../i18n/catalogue';
import type { AppState, Settings, Store } from '../store';
import { snapshotState } from './snapshotState';

export interface Snapshots {
  /**
   * Opens `name`'s snapshot; resolves once it is on screen, or refused with a notice. `given`: the
   * settings a link set, which the snapshot's training settings do not replace.
   */
  open(name: DatasetName, given?: readonly (keyof Settings)[]): Promise<void>;
}

export interface SnapshotDeps {
  url(name: DatasetName): string;
  /** Stops whatever the training worker runs and numbers the snapshot as the current run. */
  newRun(): number;
  /** Hands the network in the store to the evaluation workers. */
  loaded(): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The snapshot at `url`, or why it cannot be opened: the browser's or the fetch's own words (raw), or
 * the decoder's reason (English detail from core) inside a translated sentence.
 */
export async function fetchSnapshot(url: string): Promise<{ snapshot: Snapshot } | { why: Msg | string }> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchGunzip(url, 'the snapshot');
  } catch (e) {
    return { why: errorText(e) };
  }
  const r = decodeSnapshot(bytes);
  return r.ok ? { snapshot: r.snapshot } : { why: msg('snapshot.unreadable', { url, reason: r.error }) };
}

export function createSnapshots(store: Store<AppState>, deps: SnapshotDeps): Snapshots {
  return {
    async open(name, given = []) {
      const before = store.getState();
      store.setState((s) => ({ ...s, openingSnapshot: name }));
      const still = () => {
        const s = store.getState();
        return s.openingSnapshot === name && s.runId === before.runId && s.phase === before.phase;
      };
      const refuse = (reason: Msg | string) =>
        store.setState((s) => ({
          ...s,
          openingSnapshot: null,
          notices: [...s.notices, msg('snapshot.failed', { name, reason })],
        }));
      try {
        const got = await fetchSnapshot(deps.url(name));
        // Something else started meanwhile (the user pressed Train, imported a run, opened another).
        if (!still()) return;
        if ('why' in got) return refuse(got.why);
        const snap = got.snapshot;
        if (snap.data.name !== name) return refuse(msg('snapshot.otherNetwork', { name: snap.data.name }));
        store.setState((s) => ({ ...snapshotState(s, name, snap, deps.newRun(), given), openingSnapshot: null }));
        deps.loaded();
      } catch (e) {
        if (still()) refuse(errorText(e));
      }
    },
  };
}
