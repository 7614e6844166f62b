/**
 * "Your own data" in the app state: the file read (its columns and first rows), the options, the table
 * prepared from them (with its split) or the problem that refused it, as a message. Pure.
 */
import type { DataRef, PrepOptions } from '../../core/data';
import type { FromTable, TablePrepared, TableReadout } from '../../data/tableProtocol';
import { msg, type Msg } from '../../i18n/catalogue';
import { problemMsg } from './tableProblems';

export type TableOptions = Omit<PrepOptions, 'seed' | 'valFraction'>;

export interface UserDataState {
  /** The newest request's id (older answers are dropped). */
  id: number;
  status: 'idle' | 'reading' | 'preparing' | 'ready' | 'error';
  readout: TableReadout | null;
  options: TableOptions;
  prepared: TablePrepared | null;
  problem: Msg | null;
  /** The file being read, until the worker answers. */
  reading: string | null;
  /** The last file refused because its first line reads like data: it can be read again without a header row. */
  headerless: string | null;
  /**
   * The table's epochs (see ../data/dataChoice.ts): `userSet`, the user set them (else a table trains for enough
   * steps by default); `stash`, the epochs of the choice not shown (a built-in dataset's while the table is
   * chosen, and the other way round), null when the page never had them.
   */
  epochs: { userSet: boolean; stash: number | null };
}

export const initialUserData = (): UserDataState => ({
  id: 0,
  status: 'idle',
  readout: null,
  options: { label: 0, oneHot: false, missing: 'refuse' },
  prepared: null,
  problem: null,
  reading: null,
  headerless: null,
  epochs: { userSet: false, stash: null },
});

/**
 * A file refused before it was read, or by the reader: the message names it, and the table loaded before
 * (if any) stays, prepared as it was.
 */
export function refusedFile(s: UserDataState, name: string, problem: Msg): UserDataState {
  return {
    ...s,
    status: s.prepared ? 'ready' : 'error',
    reading: null,
    headerless: null,
    problem: msg('data.refused', { name, problem }),
  };
}

/** Folds a table worker's answer in; answers to older requests change nothing. */
export function applyTableMessage(s: UserDataState, m: FromTable): UserDataState {
  if (m.id !== s.id) return s;
  if (s.status === 'reading' && (m.type === 'problem' || m.type === 'error')) {
    const refused = refusedFile(
      s,
      s.reading ?? '',
      m.type === 'problem' ? problemMsg(m.problem) : msg('data.problem.failed', { detail: m.message }),
    );
    return m.type === 'problem' && m.problem.code === 'no-header' ? { ...refused, headerless: s.reading } : refused;
  }
  switch (m.type) {
    case 'read': {
      // The label defaults to the last column; the options are kept otherwise.
      return {
        ...s,
        status: 'preparing',
        reading: null,
        headerless: null,
        readout: m.readout,
        options: { ...s.options, label: m.readout.columns.length - 1 },
        prepared: null,
        problem: null,
      };
    }
    case 'prepared':
      return { ...s, status: 'ready', prepared: m.prepared, problem: null };
    case 'problem':
      return {
        ...s,
        status: 'error',
        prepared: null,
        problem: problemMsg(m.problem, s.readout?.delimiter === 'json' ? 'record' : 'line'),
      };
    case 'error':
      return { ...s, status: 'error', prepared: null, problem: msg('data.problem.failed', { detail: m.message }) };
  }
}

/** The run's data reference for a prepared table (the split seeded by the run's seed). */
export const userDataRef = (p: TablePrepared, seed: number): DataRef => ({
  name: 'user',
  seed,
  trainIndices: p.trainIndices,
  valIndices: p.valIndices,
  table: p.table,
});
