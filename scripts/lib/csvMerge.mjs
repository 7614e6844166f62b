// Results CSV files that grow run by run: a run's rows replace its earlier ones. Node only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Rewrites the CSV `file` (created with `header` if absent, its folder too): its rows for which
 * `replaced(row)` holds give way to `lines`; `order` (a comparator of rows) sorts the result, else the
 * kept rows come first, then the new ones.
 * @param {string} file
 * @param {string} header
 * @param {(row: string) => boolean} replaced
 * @param {readonly string[]} lines
 * @param {((a: string, b: string) => number) | undefined} [order]
 */
export function mergeCsv(file, header, replaced, lines, order) {
  mkdirSync(dirname(file), { recursive: true });
  const kept = existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .filter((l) => l && !replaced(l))
    : [];
  const rows = [...kept, ...lines];
  if (order) rows.sort(order);
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
}
