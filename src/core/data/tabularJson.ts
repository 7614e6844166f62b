/**
 * A JSON table: an array of flat records with the same keys (`tabular.ts` chooses this format). Pure;
 * refusals are typed problems naming the record (1-based) and key, as the page words them.
 */
import {
  countProblem,
  headerProblem,
  TABLE_LIMITS,
  type JsonKind,
  type TableProblem,
  type TableResult,
} from './tableRules';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (problem: TableProblem): TableResult => ({ problem });

/** What a JSON value is, in the words of a refusal. */
export const jsonKind = (v: unknown): JsonKind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonKind);

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259), `text.length` when it
 * ends too soon, or -1 when it is JSON. Iterative (a deeply nested file cannot overflow the stack); the
 * engines' own messages do not all say where.
 */
export function jsonErrorAt(text: string): number {
  const n = text.length;
  let i = 0;
  const ws = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < n;) {
      const c = text.charCodeAt(i);
      if (c === 34) return (i++, true);
      if (c < 32) return false;
      if (c !== 92) i++;
      else {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.exec(text)) return false;
        i = ESCAPE.lastIndex;
      }
    }
    return false;
  };
  /** A key and its colon, then white space. */
  const key = (): boolean => {
    if (!string()) return false;
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return ((i += word.length), true);
    NUMBER.lastIndex = i;
    if (!NUMBER.exec(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  };
  /** Open arrays (']') and objects ('}'), innermost last. */
  const open: string[] = [];
  for (;;) {
    ws();
    const c = text[i];
    if (c === '[' || c === '{') {
      i++;
      ws();
      if (text[i] === (c === '[' ? ']' : '}')) i++;
      else {
        if (c === '{' && !key()) return i;
        open.push(c === '[' ? ']' : '}');
        continue;
      }
    } else if (!scalar()) return i;
    // After a value: close what ends here, then a comma starts the next value (and key).
    for (;;) {
      ws();
      if (open.length === 0) return i < n ? i : -1;
      const close = open[open.length - 1];
      if (text[i] === close) {
        i++;
        open.pop();
        continue;
      }
      if (text[i] !== ',') return i;
      i++;
      ws();
      if (close === '}' && !key()) return i;
      break;
    }
  }
}

/** The 1-based line and column of offset `at` of `text` (lines end at \n, \r\n or \r). */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < at; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/** `text` (BOM stripped) as a table, or the first problem: syntax, shape, each record in order, then the row count. */
export function parseJsonTable(text: string): TableResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const at = jsonErrorAt(text);
    const where = at === -1 ? null : lineColumn(text, at);
    return fail({ code: 'json-syntax', line: where?.line ?? null, column: where?.column ?? null });
  }
  if (!Array.isArray(data)) return fail({ code: 'json-not-array', got: jsonKind(data) });
  if (data.length === 0) return fail({ code: 'empty' });
  if (data.length > TABLE_LIMITS.maxRows)
    return fail({ code: 'too-many-rows', rows: data.length, max: TABLE_LIMITS.maxRows });
  if (!isRecord(data[0])) return fail({ code: 'json-record', record: 1, issue: 'not-object', got: jsonKind(data[0]) });
  const keys = Object.keys(data[0]);
  if (keys.length === 0) return fail({ code: 'json-record', record: 1, issue: 'no-keys' });
  const columns = keys.map((k) => k.trim());
  const problem = headerProblem(columns);
  if (problem) return fail(problem);
  const keySet = new Set(keys);
  const rows: string[][] = [];
  for (let r = 0; r < data.length; r++) {
    const record: unknown = data[r];
    const at = r + 1;
    if (!isRecord(record)) return fail({ code: 'json-record', record: at, issue: 'not-object', got: jsonKind(record) });
    const own = Object.keys(record);
    if (own.length !== keys.length || own.some((k) => !keySet.has(k))) {
      const missing = keys.find((k) => !Object.prototype.hasOwnProperty.call(record, k));
      if (missing !== undefined) return fail({ code: 'json-record', record: at, issue: 'missing', key: missing });
      return fail({ code: 'json-record', record: at, issue: 'extra', key: own.find((k) => !keySet.has(k))! });
    }
    const cells: string[] = new Array(keys.length);
    for (let c = 0; c < keys.length; c++) {
      const v = record[keys[c]];
      if (typeof v === 'object' && v !== null)
        return fail({ code: 'json-record', record: at, issue: 'nested', key: keys[c], got: jsonKind(v) });
      cells[c] = v === null ? '' : String(v);
    }
    rows.push(cells);
  }
  const counted = countProblem(rows.length);
  return counted ? fail(counted) : { table: { columns, rows, delimiter: 'json' } };
}
