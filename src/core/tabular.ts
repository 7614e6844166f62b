/**
 * A user's own labelled table (issue 18), read from the bytes of a CSV or JSON file: parsing and the
 * checks that need no choice of label. Preparing it for training is `tabularPrep.ts`. Pure TypeScript;
 * `TextDecoder` is the web-platform one (browsers, workers, Node ≥ 18). Nothing here mutates its inputs,
 * and no user-facing text is produced: a refusal is a typed `TableProblem` the page translates.
 */

export const TABLE_LIMITS = { maxBytes: 50 * 1024 * 1024, maxRows: 100_000, maxFeatures: 1000, minClasses: 2, maxClasses: 100, minRows: 10 };

export type TableProblem =
  /** Checked on the byte length before anything is decoded or parsed. */
  | { code: 'too-large'; bytes: number; max: number }
  /** A NUL byte or invalid UTF-8 anywhere (UTF-16 files have NUL bytes, so they land here too). */
  | { code: 'binary' }
  /** Nothing but a BOM and white space, or a JSON `[]`. */
  | { code: 'empty' }
  /** The first line has no text cell (every cell is a number or missing, at least one a number). */
  | { code: 'no-header' }
  /** `row` is the 1-based line of the file where the record starts. */
  | { code: 'ragged'; row: number; expected: number; got: number }
  | { code: 'too-many-rows'; rows: number; max: number }
  /** `features` is the column count less one (the label). */
  | { code: 'too-many-features'; features: number; max: number }
  /** Two header names equal once trimmed (case-sensitive). */
  | { code: 'duplicate-column'; column: string }
  /**
   * JSON that is not an array of flat records with the same keys. `detail` is one of `syntax`,
   * `not-array`, `record N: not-object`, `record N: no-keys`, `record N: missing "key"`,
   * `record N: extra "key"`, `record N: nested "key"` (N 1-based, key as in the file).
   */
  | { code: 'json-shape'; detail: string }
  | { code: 'too-few-rows'; rows: number; min: number };

export interface RawTable {
  /** Header names, trimmed. */
  columns: string[];
  /** Data rows, each `columns.length` cells as text, untrimmed (JSON: numbers and booleans as `String(v)`, null → ''). */
  rows: string[][];
  delimiter: ',' | ';' | '\t' | 'json';
  /** CSV: the 1-based file line where each row starts (quoted newlines make it differ from the row index). JSON: absent. */
  lines?: number[];
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
 * decimal literal (`12`, `-3.5`, `.5`, `1e-3`; no hex, no thousands separators, no decimal comma);
 * `non-finite` for `inf`/`infinity` (any case, signed) or a decimal beyond the float32 range (`1e999`,
 * `4e38`); `text` otherwise.
 */
export function cellKind(cell: string): CellKind {
  if (cell === '' || MISSING.test(cell)) return 'missing';
  if (DECIMAL.test(cell)) return Math.abs(Number(cell)) <= FLOAT32_MAX ? 'number' : 'non-finite';
  return INFINITE.test(cell) ? 'non-finite' : 'text';
}

const fail = (problem: TableProblem): TableResult => ({ problem });

/**
 * Parses CSV or a JSON array of flat records into a `RawTable`, or returns the first problem met.
 * JSON when the first non-space character is `[` or `{`, or the name ends in `.json` (any case). CSV:
 * the delimiter is the most frequent of `,` `;` tab outside quotes on the header line (ties in that
 * order, `,` when there is none); RFC 4180 quotes with `""` escapes and newlines inside (spaces before
 * an opening quote are skipped, and quoted `\r\n` or `\r` become `\n`); a UTF-8 BOM is stripped; `\n`,
 * `\r\n` and `\r` end lines; blank lines (one unquoted, blank cell) are skipped anywhere. Checks, in
 * order: size (on `bytes.byteLength`, before decoding), binary, empty, then the header, each record as
 * it is read, then the row count. `fileName` only chooses the format. Does not mutate `bytes`.
 */
export function parseTable(bytes: Uint8Array, fileName: string): TableResult {
  if (bytes.byteLength > TABLE_LIMITS.maxBytes) return fail({ code: 'too-large', bytes: bytes.byteLength, max: TABLE_LIMITS.maxBytes });
  if (bytes.indexOf(0) !== -1) return fail({ code: 'binary' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ code: 'binary' });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const start = text.search(/\S/);
  if (start === -1) return fail({ code: 'empty' });
  return text[start] === '[' || text[start] === '{' || /\.json$/i.test(fileName) ? parseJson(text) : parseCsv(text, sniffDelimiter(text));
}

/** Checks of the header names shared by both formats; null when they pass. */
function headerProblem(columns: string[]): TableProblem | null {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) return { code: 'duplicate-column', column: c };
    seen.add(c);
  }
  if (columns.length - 1 > TABLE_LIMITS.maxFeatures) return { code: 'too-many-features', features: columns.length - 1, max: TABLE_LIMITS.maxFeatures };
  return null;
}

function countProblem(rows: number): TableProblem | null {
  if (rows > TABLE_LIMITS.maxRows) return { code: 'too-many-rows', rows, max: TABLE_LIMITS.maxRows };
  if (rows < TABLE_LIMITS.minRows) return { code: 'too-few-rows', rows, min: TABLE_LIMITS.minRows };
  return null;
}

/** The header line's delimiter: counts outside quotes on the first line with a non-space character. */
function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = [0, 0, 0];
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 10 || ch === 13) {
      if (seen) break;
      continue;
    } else if (ch === 44) counts[0]++;
    else if (ch === 59) counts[1]++;
    else if (ch === 9) counts[2]++;
    if (ch !== 32) seen = true;
  }
  const best = counts[1] > counts[0] && counts[1] >= counts[2] ? 1 : counts[2] > counts[0] && counts[2] > counts[1] ? 2 : 0;
  return ([',', ';', '\t'] as const)[best];
}

const NEWLINES = /\r\n?|\n/g;

function parseCsv(text: string, delimiter: ',' | ';' | '\t'): TableResult {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const atEnd = (j: number) => j >= n || text.charCodeAt(j) === d || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
  let i = 0;
  let line = 1;
  let columns: string[] | null = null;
  const rows: string[][] = [];
  const lines: number[] = [];
  let count = 0;
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let anyQuoted = false;
    for (;;) {
      let j = i;
      while (j < n && text.charCodeAt(j) === 32) j++;
      let cell: string;
      if (j < n && text.charCodeAt(j) === 34) {
        anyQuoted = true;
        let value = '';
        let k = j + 1;
        for (;;) {
          const q = text.indexOf('"', k);
          if (q === -1) {
            value += text.slice(k);
            k = n;
            break;
          }
          value += text.slice(k, q);
          k = q + 1;
          if (text.charCodeAt(k) !== 34) break;
          value += '"';
          k++;
        }
        if (value.includes('\n') || value.includes('\r')) {
          value = value.replace(NEWLINES, '\n');
          for (let p = value.indexOf('\n'); p !== -1; p = value.indexOf('\n', p + 1)) line++;
        }
        let e = k;
        while (!atEnd(e)) e++;
        cell = value + text.slice(k, e);
        i = e;
      } else {
        let e = i;
        while (!atEnd(e)) e++;
        cell = text.slice(i, e);
        i = e;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n) {
        i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
      }
      break;
    }
    if (cells.length === 1 && !anyQuoted && cells[0].trim() === '') continue;
    if (!columns) {
      columns = cells.map((c) => c.trim());
      const kinds = columns.map(cellKind);
      if (!kinds.includes('text') && kinds.some((k) => k !== 'missing')) return fail({ code: 'no-header' });
      const problem = headerProblem(columns);
      if (problem) return fail(problem);
      continue;
    }
    if (cells.length !== columns.length) return fail({ code: 'ragged', row: rowLine, expected: columns.length, got: cells.length });
    if (++count <= TABLE_LIMITS.maxRows) {
      rows.push(cells);
      lines.push(rowLine);
    }
  }
  const problem = countProblem(count);
  return problem ? fail(problem) : { table: { columns: columns!, rows, delimiter, lines } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shape = (detail: string): TableResult => fail({ code: 'json-shape', detail });

function parseJson(text: string): TableResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return shape('syntax');
  }
  if (!Array.isArray(data)) return shape('not-array');
  if (data.length === 0) return fail({ code: 'empty' });
  if (data.length > TABLE_LIMITS.maxRows) return fail({ code: 'too-many-rows', rows: data.length, max: TABLE_LIMITS.maxRows });
  if (!isRecord(data[0])) return shape('record 1: not-object');
  const keys = Object.keys(data[0]);
  if (keys.length === 0) return shape('record 1: no-keys');
  const columns = keys.map((k) => k.trim());
  const problem = headerProblem(columns);
  if (problem) return fail(problem);
  const keySet = new Set(keys);
  const rows: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const record: unknown = data[r];
    if (!isRecord(record)) return shape(`record ${r + 1}: not-object`);
    const own = Object.keys(record);
    if (own.length !== keys.length || own.some((k) => !keySet.has(k))) {
      const missing = keys.find((k) => !Object.prototype.hasOwnProperty.call(record, k));
      return shape(missing !== undefined ? `record ${r + 1}: missing ${JSON.stringify(missing)}` : `record ${r + 1}: extra ${JSON.stringify(own.find((k) => !keySet.has(k)))}`);
    }
    const cells: string[] = new Array(keys.length);
    for (let c = 0; c < keys.length; c++) {
      const v = record[keys[c]];
      if (typeof v === 'object' && v !== null) return shape(`record ${r + 1}: nested ${JSON.stringify(keys[c])}`);
      cells[c] = v === null ? '' : String(v);
    }
    rows.push(cells);
  }
  const counted = countProblem(rows.length);
  return counted ? fail(counted) : { table: { columns, rows, delimiter: 'json' } };
}
