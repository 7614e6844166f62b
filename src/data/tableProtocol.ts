/**
 * Messages between the page and the table worker, which parses and prepares a user's table off the
 * main thread (a 50 MB CSV takes seconds). The worker keeps the parsed table, so a new label column or
 * option only prepares again. Every answer names the request `id` it belongs to; the page keeps the newest.
 */
import type { UserTable, TableProblem, ColumnInfo, PrepOptions, PrepProblem } from '../core/data';

/** What the page shows before training: the file, its columns and its first rows. */
export interface TableReadout {
  name: string;
  bytes: number;
  hash: string;
  rows: number;
  delimiter: ',' | ';' | '\t' | 'json';
  /** Read without a header row (the columns named x1, x2, …). */
  headerless: boolean;
  columns: ColumnInfo[];
  /** The first rows, cells as text. */
  preview: string[][];
}

/** A prepared table: the data (standardised, transferred) with its split, and what the page shows of it. */
export interface TablePrepared {
  table: UserTable;
  trainIndices: Uint32Array;
  valIndices: Uint32Array;
  classCounts: number[];
  imputed: { name: string; count: number }[];
}

export type ToTable =
  /** `header: false` reads a CSV without a header row (every line data). */
  | { type: 'read'; id: number; name: string; bytes: ArrayBuffer; header: boolean }
  | { type: 'prepare'; id: number; options: PrepOptions };

export type FromTable =
  | { type: 'read'; id: number; readout: TableReadout }
  | { type: 'prepared'; id: number; prepared: TablePrepared }
  | { type: 'problem'; id: number; problem: TableProblem | PrepProblem }
  | { type: 'error'; id: number; message: string };

/** Rows a preview shows. */
export const PREVIEW_ROWS = 5;
