/**
 * What a user's table is and what refuses it, shared by the CSV and JSON readers (`tabular.ts`,
 * `tabularJson.ts`): the limits, the typed problems, how a cell reads. Pure; no user-facing text: a
 * refusal is a typed `TableProblem` the page words (src/state/store/tableProblems.ts).
 */

export const TABLE_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 100_000,
  maxFeatures: 1000,
  minClasses: 2,
  maxClasses: 100,
  minRows: 10,
};

/** What a JSON value is, as a refusal names it. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export type TableProblem =
  /** Checked on the byte length before anything is decoded or parsed. */
  | { code: 'too-large'; bytes: number; max: number }
  /** A NUL byte or invalid UTF-8 anywhere (UTF-16 files have NUL bytes, so they land here too). */
  | { code: 'binary' }
  /** Nothing but a BOM and white space, or a JSON `[]`. */
  | { code: 'empty' }
  /**
   * The first line reads like the data below it, not like column names (see `looksLikeData` in
   * tabular.ts); `first`, its cells trimmed. The page offers to read the file without a header row.
   */
  | { code: 'no-header'; first: string[] }
  /** `row` is the 1-based line of the file where the record starts. */
  | { code: 'ragged'; row: number; expected: number; got: number }
  | { code: 'too-many-rows'; rows: number; max: number }
  /** `features` is the column count less one (the label). */
  | { code: 'too-many-features'; features: number; max: number }
  /** Two header names equal once trimmed (case-sensitive). */
  | { code: 'duplicate-column'; column: string }
  /** Not JSON: where `JSON.parse` stopped (1-based), when the engine says. */
  | { code: 'json-syntax'; line: number | null; column: number | null }
  /** JSON, but not an array: what it is instead. */
  | { code: 'json-not-array'; got: JsonKind }
  /**
   * Record `record` (1-based) of the array is not a flat record with the first record's keys: not an
   * object (`got`), no keys (record 1 only), `missing` or `extra` a `key`, or a `nested` value (`got`).
   */
  | {
      code: 'json-record';
      record: number;
      issue: 'not-object' | 'no-keys' | 'missing' | 'extra' | 'nested';
      key?: string;
      got?: JsonKind;
    }
  | { code: 'too-few-rows'; rows: number; min: number };

export interface RawTable {
  /** Header names, trimmed (a file read without a header row: `x1`, `x2`, …). */
  columns: string[];
  /** Data rows, each `columns.length` cells as text, untrimmed (JSON: numbers and booleans as `String(v)`, null → ''). */
  rows: string[][];
  delimiter: ',' | ';' | '\t' | 'json';
  /** CSV: the 1-based file line where each row starts (quoted newlines make it differ from the row index). JSON: absent. */
  lines?: number[];
  /** CSV read without a header row (every line is data, the columns named `x1`, `x2`, …). */
  headerless?: boolean;
}

export type TableResult = { table: RawTable } | { problem: TableProblem };

/** How a (trimmed) cell reads: see `cellKind`. */
export type CellKind = 'missing' | 'number' | 'non-finite' | 'text';

const MISSING = /^(?:na|nan|null)$/i;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?inf(?:inity)?$/i;
/** The largest finite float32: the network computes in float32, so a larger magnitude is not finite for it. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * How a trimmed cell reads: `missing` when it is '' or NA, NaN or null (any case); `number` for a finite
 * decimal literal (`12`, `-3.5`, `.5`, `1e-3`; no hex, no thousands separators, no decimal comma — a
 * semicolon file's decimal commas are made points when it is read); `non-finite` for `inf`/`infinity`
 * (any case, signed) or a decimal beyond the float32 range (`1e999`, `4e38`); `text` otherwise.
 */
export function cellKind(cell: string): CellKind {
  if (cell === '' || MISSING.test(cell)) return 'missing';
  if (DECIMAL.test(cell)) return Math.abs(Number(cell)) <= FLOAT32_MAX ? 'number' : 'non-finite';
  return INFINITE.test(cell) ? 'non-finite' : 'text';
}

/** A decimal too large for float32 but finite as a float64 (`1e308`, `4e38`): an overflow, not an infinity in the file. */
export const overflowsFloat32 = (cell: string): boolean =>
  DECIMAL.test(cell) && Number.isFinite(Number(cell)) && Math.abs(Number(cell)) > FLOAT32_MAX;

/** Checks of the header names shared by both formats; null when they pass. */
export function headerProblem(columns: string[]): TableProblem | null {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) return { code: 'duplicate-column', column: c };
    seen.add(c);
  }
  if (columns.length - 1 > TABLE_LIMITS.maxFeatures)
    return { code: 'too-many-features', features: columns.length - 1, max: TABLE_LIMITS.maxFeatures };
  return null;
}

export function countProblem(rows: number): TableProblem | null {
  if (rows > TABLE_LIMITS.maxRows) return { code: 'too-many-rows', rows, max: TABLE_LIMITS.maxRows };
  if (rows < TABLE_LIMITS.minRows) return { code: 'too-few-rows', rows, min: TABLE_LIMITS.minRows };
  return null;
}
