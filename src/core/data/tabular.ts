/**
 * A user's own labelled table (issue 18), read from the bytes of a CSV or JSON file: parsing and the
 * checks that need no choice of label. Preparing it for training is `tabularPrep.ts`; the limits, the
 * problems and how a cell reads are `tableRules.ts`; JSON is `tabularJson.ts`. Pure TypeScript;
 * `TextDecoder` is the web-platform one (browsers, workers, Node ≥ 18). Nothing here mutates its inputs,
 * and no user-facing text is produced: a refusal is a typed `TableProblem` the page translates.
 */
import { cellKind, countProblem, headerProblem, TABLE_LIMITS, type TableProblem, type TableResult } from './tableRules';
import { parseJsonTable } from './tabularJson';

export * from './tableRules';

const fail = (problem: TableProblem): TableResult => ({ problem });

export interface ParseOptions {
  /** false: the file has no header row, every line is data and the columns are named `x1`, `x2`, … (CSV only). */
  header?: boolean;
}

/**
 * Parses CSV or a JSON array of flat records into a `RawTable`, or returns the first problem met.
 * The format: a name ending in `.json` is JSON, in `.csv` or `.tsv` CSV, whatever the first character
 * (a CSV header may start with `[` or `{`); any other name is JSON when its first non-space character is
 * `[` or `{` and it parses as JSON, else CSV (a JSON syntax error is the answer only when the text does
 * not read as CSV either). CSV: the delimiter is the most frequent of `,` `;` tab outside quotes on the
 * first line (ties in that order, `,` when there is none); RFC 4180 quotes with `""` escapes and newlines
 * inside (spaces before an opening quote are skipped, and quoted `\r\n` or `\r` become `\n`); a UTF-8 BOM
 * is stripped; `\n`, `\r\n` and `\r` end lines; blank lines (one unquoted, blank cell) are skipped
 * anywhere; in a semicolon file a decimal comma is read as a point (`3,5` → `3.5`, `-,25e3` → `-.25e3`).
 * The first line is the header unless it reads like the first 1,000 rows below it (`looksLikeData`: refused as `no-header`,
 * which `opts.header = false` answers). Checks, in order: size (on `bytes.byteLength`, before decoding),
 * binary, empty, then each record as it is read (ragged), the header, then the row count. Does not
 * mutate `bytes`.
 */
export function parseTable(bytes: Uint8Array, fileName: string, opts: ParseOptions = {}): TableResult {
  if (bytes.byteLength > TABLE_LIMITS.maxBytes)
    return fail({ code: 'too-large', bytes: bytes.byteLength, max: TABLE_LIMITS.maxBytes });
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
  if (/\.json$/i.test(fileName)) return parseJsonTable(text);
  const csv = () => parseCsv(text, sniffDelimiter(text), opts.header !== false);
  if (/\.(?:csv|tsv)$/i.test(fileName) || (text[start] !== '[' && text[start] !== '{')) return csv();
  const json = parseJsonTable(text);
  if (!('problem' in json) || json.problem.code !== 'json-syntax') return json;
  const asCsv = csv();
  return 'problem' in asCsv ? json : asCsv;
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
  const best =
    counts[1] > counts[0] && counts[1] >= counts[2] ? 1 : counts[2] > counts[0] && counts[2] > counts[1] ? 2 : 0;
  return ([',', ';', '\t'] as const)[best];
}

const NEWLINES = /\r\n?|\n/g;
const DECIMAL_COMMA = /^(\s*[+-]?\d*),(\d+(?:[eE][+-]?\d+)?\s*)$/;
const INTEGER_COMMA = /^(\s*[+-]?\d+),(\s*)$/;
/** A semicolon file's decimal comma as a point; any other cell unchanged. */
const pointed = (cell: string): string =>
  cell.includes(',') ? cell.replace(DECIMAL_COMMA, '$1.$2').replace(INTEGER_COMMA, '$1.$2') : cell;

/**
 * Whether a first line reads like the data below it rather than like column names: it has no text cell
 * (every cell a number or missing, one at least a number); or some column below is numeric (its values
 * all numbers, one at least) and the line has a number in every numeric column (or nothing), and in
 * every other column a number, nothing, or a value that column has below — unless that column's values
 * are mostly distinct (names, ids), where any text fits. So `5.1,3.5,1.4,0.2,setosa` over Iris rows is
 * data, and `0,1,2,label` over pixels and a `cat`/`dog` label is a header.
 */
export function looksLikeData(first: readonly string[], rows: readonly (readonly string[])[]): boolean {
  const kinds = first.map((c) => cellKind(c.trim()));
  if (!kinds.includes('text') && kinds.some((k) => k !== 'missing')) return true;
  let numericColumns = 0;
  for (let c = 0; c < first.length; c++) {
    const values: string[] = [];
    let numeric = true;
    for (const row of rows) {
      const v = row[c].trim();
      const k = cellKind(v);
      if (k === 'missing') continue;
      values.push(v);
      if (k === 'text') numeric = false;
    }
    if (values.length === 0 || kinds[c] === 'missing') continue;
    if (numeric) {
      if (kinds[c] === 'text') return false;
      numericColumns++;
      continue;
    }
    if (kinds[c] !== 'text') continue;
    const distinct = new Set(values);
    if (!distinct.has(first[c].trim()) && distinct.size <= values.length / 2) return false;
  }
  return numericColumns > 0;
}

/** Rows below the first line that `looksLikeData` judges it against (the first ones: a 50 MB file need not be read twice). */
const HEADER_SAMPLE = 1000;

function parseCsv(text: string, delimiter: ',' | ';' | '\t', header: boolean): TableResult {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const atEnd = (j: number) =>
    j >= n || text.charCodeAt(j) === d || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13;
  const comma = delimiter === ';';
  let i = 0;
  let line = 1;
  let first: string[] | null = null;
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
      cells.push(comma ? pointed(cell) : cell);
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
    if (!first) {
      first = cells;
      if (header) {
        const problem = headerProblem(cells.map((c) => c.trim()));
        if (problem) return fail(problem);
        continue;
      }
    }
    if (cells.length !== first.length)
      return fail({ code: 'ragged', row: rowLine, expected: first.length, got: cells.length });
    if (++count <= TABLE_LIMITS.maxRows) {
      rows.push(cells);
      lines.push(rowLine);
    }
  }
  if (!first) return fail({ code: 'empty' });
  if (!header) {
    const columns = first.map((_, c) => `x${c + 1}`);
    const problem = headerProblem(columns) ?? countProblem(count);
    return problem ? fail(problem) : { table: { columns, rows, delimiter, lines, headerless: true } };
  }
  if (looksLikeData(first, rows.length > HEADER_SAMPLE ? rows.slice(0, HEADER_SAMPLE) : rows))
    return fail({ code: 'no-header', first: first.map((c) => c.trim()) });
  const problem = countProblem(count);
  return problem ? fail(problem) : { table: { columns: first.map((c) => c.trim()), rows, delimiter, lines } };
}
