/**
 * What the columns of a user's table hold, for the page to show before anything is trained
 * (`describeColumns`), and the one order of a column's values (`sortValues`: the label's classes, a
 * one-hot column's categories). Pure; cells read trimmed by `cellKind` (missing: '', NA, NaN, null, any case).
 */
import { cellKind, TABLE_LIMITS, type RawTable } from './tableRules';

export type ColumnKind = 'numeric' | 'categorical' | 'empty';

export interface ColumnInfo {
  name: string;
  /** `empty`: every cell missing; `categorical`: some cell is text; else `numeric` (non-finite cells included). */
  kind: ColumnKind;
  /** Missing cells ('' or NA/NaN/null, any case, once trimmed). */
  missing: number;
  /** Distinct non-missing values as trimmed text, counted up to 101 (so 101 means "more than 100"). */
  distinct: number;
  /** The first text (non-number, non-missing) cell, trimmed, or null. */
  nonNumericExample: string | null;
}

/** What each column holds, in column order; cells read trimmed by `cellKind` (missing: '', NA, NaN, null, any case). Pure. */
export function describeColumns(t: RawTable): ColumnInfo[] {
  return t.columns.map((name, c) => {
    let missing = 0;
    let example: string | null = null;
    const distinct = new Set<string>();
    for (const row of t.rows) {
      const v = row[c].trim();
      const kind = cellKind(v);
      if (kind === 'missing') {
        missing++;
        continue;
      }
      if (distinct.size <= TABLE_LIMITS.maxClasses) distinct.add(v);
      if (kind === 'text' && example === null) example = v;
    }
    const kind: ColumnKind = missing === t.rows.length ? 'empty' : example !== null ? 'categorical' : 'numeric';
    return { name, kind, missing, distinct: distinct.size, nonNumericExample: example };
  });
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Values sorted numerically when every one is a finite number (ties by text), else by UTF-16 code units. Returns a new array. */
export function sortValues(values: readonly string[]): string[] {
  const numeric = values.every((v) => cellKind(v) === 'number');
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) || byCodeUnits(a, b) : byCodeUnits);
}
