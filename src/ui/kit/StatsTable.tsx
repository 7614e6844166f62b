import { isValidElement, type ReactNode } from 'react';

/** A column's header: its content, or its content with a class for its `<th>`. */
export type StatsColumn = ReactNode | { head: ReactNode; className?: string };

export interface StatsTableProps {
  /** One `<th scope="col">` each, in order; `false`, `null` and `undefined` are left out (`scoring && …`). */
  columns: readonly StatsColumn[];
  /** Plain rows, a `<td>` per cell (rendered before `children`). */
  rows?: readonly (readonly ReactNode[])[];
  /** Rows of their own (`<tr>` elements: a row header, a testid, a class). */
  children?: ReactNode;
  caption?: ReactNode;
  testid?: string;
  /** Classes beside `stats-table`. */
  className?: string;
}

const isHead = (c: StatsColumn): c is { head: ReactNode; className?: string } =>
  typeof c === 'object' && c !== null && !isValidElement(c) && 'head' in c;

const shown = (c: StatsColumn) => c !== false && c !== null && c !== undefined;

/**
 * The lab's table of figures: right-aligned tabular numbers with the first column left, a header row of
 * column headers, and a scroll box of its own so a wide table scrolls instead of widening the page.
 */
export function StatsTable({ columns, rows, children, caption, testid, className }: StatsTableProps) {
  return (
    <div className="table-scroll">
      <table className={className ? `stats-table ${className}` : 'stats-table'} data-testid={testid}>
        {caption !== undefined && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.filter(shown).map((c, i) =>
              isHead(c) ? (
                <th key={i} scope="col" className={c.className}>
                  {c.head}
                </th>
              ) : (
                <th key={i} scope="col">
                  {c}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows?.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
          {children}
        </tbody>
      </table>
    </div>
  );
}
