/**
 * Snapshot wiring: opening a pre-trained network shipped with the site (`snapshots/<dataset>.gpls.gz`)
 * so a first visit prunes at once. The file is fetched and checked on the page (it is small); the
 * network then goes to the evaluation workers like a finished run's. A file that cannot be opened
 * (missing, damaged, another version) leaves an empty, working lab and a notice that says why.
 */
import type { DatasetName } from '../core/dataset';
import { decodeSnapshot, type Snapshot } from '../core/snapshotFormat';
import { fetchGunzip } from '../data/fetch';
import type { Settings } from './settings';
import { snapshotState } from './snapshotState';
import type { AppState, Store } from './store';

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

export async function fetchSnapshot(url: string): Promise<Snapshot> {
  const r = decodeSnapshot(await fetchGunzip(url, 'the snapshot'));
  if (!r.ok) throw new Error(`${url} is not a snapshot this lab can read: ${r.error}`);
  return r.snapshot;
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
      try {
        const snap = await fetchSnapshot(deps.url(name));
        // Something else started meanwhile (the user pressed Train, imported a run, opened another).
        if (!still()) return;
        if (snap.data.name !== name) throw new Error(`it holds a ${snap.data.name} network`);
        store.setState((s) => ({ ...snapshotState(s, name, snap, deps.newRun(), given), openingSnapshot: null }));
        deps.loaded();
      } catch (e) {
        if (!still()) return;
        const why = e instanceof Error ? e.message : String(e);
        store.setState((s) => ({ ...s, openingSnapshot: null, notices: [...s.notices, `The pre-trained ${name} network could not be opened (${why}). The lab starts empty: press Train to train one.`] }));
      }
    },
  };
}
