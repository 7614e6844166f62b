/**
 * "Your own data" in the app state: the file read (its columns and first rows), the options, the table
 * prepared from them (with its split) or the problem that refused it, as a message. Pure.
 */
import type { DataRef } from '../core/dataset';
import type { TableProblem } from '../core/tabular';
import type { PrepOptions, PrepProblem } from '../core/tabularPrep';
import type { FromTable, TablePrepared, TableReadout } from '../data/tableProtocol';
import { msg, type Msg } from '../i18n/catalogue';

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
  /**
   * The table's epochs (see dataChoice.ts): `userSet`, the user set them (else a table trains for enough
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
  epochs: { userSet: false, stash: null },
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A refusal as a message of its own (each class of bad file gets one). */
export function problemMsg(p: TableProblem | PrepProblem): Msg {
  switch (p.code) {
    case 'too-large':
      return msg('data.problem.too-large', { mb: mb(p.bytes), max: mb(p.max) });
    case 'ragged':
      return msg('data.problem.ragged', { row: p.row, got: p.got, expected: p.expected });
    case 'too-many-rows':
      return msg('data.problem.too-many-rows', { rows: p.rows, max: p.max });
    case 'too-many-features':
      return msg('data.problem.too-many-features', { features: p.features, max: p.max });
    case 'duplicate-column':
      return msg('data.problem.duplicate-column', { column: p.column });
    case 'json-shape':
      return msg('data.problem.json-shape', { detail: p.detail });
    case 'too-few-rows':
      return msg('data.problem.too-few-rows', { rows: p.rows, min: p.min });
    case 'one-class':
      return msg('data.problem.one-class', { label: p.label });
    case 'too-many-classes':
      return msg('data.problem.too-many-classes', { label: p.label, classes: p.classes, max: p.max });
    case 'non-numeric':
      return msg('data.problem.non-numeric', { column: p.column, example: p.example, row: p.row });
    case 'missing':
      return msg('data.problem.missing', { columns: p.columns.map((c) => `${c.name} (${c.count})`).join(', ') });
    case 'missing-label':
      return msg('data.problem.missing-label', { row: p.row });
    case 'non-finite':
      return msg('data.problem.non-finite', { column: p.column, value: p.value, row: p.row });
    case 'class-too-small':
      return msg('data.problem.class-too-small', { klass: p.klass, label: p.label, count: p.count });
    case 'binary':
      return msg('data.problem.binary');
    case 'empty':
      return msg('data.problem.empty');
    case 'no-header':
      return msg('data.problem.no-header');
    case 'no-features':
      return msg('data.problem.no-features');
  }
}

/**
 * A file refused before it was read, or by the reader: the message names it, and the table loaded before
 * (if any) stays, prepared as it was.
 */
export function refusedFile(s: UserDataState, name: string, problem: Msg): UserDataState {
  return { ...s, status: s.prepared ? 'ready' : 'error', reading: null, problem: msg('data.refused', { name, problem }) };
}

/** Folds a table worker's answer in; answers to older requests change nothing. */
export function applyTableMessage(s: UserDataState, m: FromTable): UserDataState {
  if (m.id !== s.id) return s;
  if (s.status === 'reading' && (m.type === 'problem' || m.type === 'error')) {
    return refusedFile(s, s.reading ?? '', m.type === 'problem' ? problemMsg(m.problem) : msg('data.problem.failed', { detail: m.message }));
  }
  switch (m.type) {
    case 'read': {
      // The label defaults to the last column; the options are kept otherwise.
      return { ...s, status: 'preparing', reading: null, readout: m.readout, options: { ...s.options, label: m.readout.columns.length - 1 }, prepared: null, problem: null };
    }
    case 'prepared':
      return { ...s, status: 'ready', prepared: m.prepared, problem: null };
    case 'problem':
      return { ...s, status: 'error', prepared: null, problem: problemMsg(m.problem) };
    case 'error':
      return { ...s, status: 'error', prepared: null, problem: msg('data.problem.failed', { detail: m.message }) };
  }
}

/** The run's data reference for a prepared table (the split seeded by the run's seed). */
export const userDataRef = (p: TablePrepared, seed: number): DataRef => ({ name: 'user', seed, trainIndices: p.trainIndices, valIndices: p.valIndices, table: p.table });
