// `npm run experiment -- --summarize`: every run in results/ aggregated over seeds into results/summary.md
// (mean ± standard deviation), from the files scripts/experiment-results.mjs writes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT } from './experiment-results.mjs';

/** The data rows (header left out) of the given CSV files in results/, each split into its fields. */
const csvRows = (files) =>
  files.flatMap((f) =>
    readFileSync(join(OUT, f), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')),
  );

/** Mean ± std over seeds of every results/<dataset>-seed<k>.csv. */
export function summarize({ CRITERIA, LEVELS, DATASET_NAMES }) {
  const files = readdirSync(OUT).filter((f) => DATASET_NAMES.some((d) => new RegExp(`^${d}-seed\\d+\\.csv$`).test(f)));
  const rows = csvRows(files);
  const stat = (xs) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
    return `${(m * 100).toFixed(1)} ± ${(sd * 100).toFixed(1)}`;
  };
  const out = [];
  for (const ds of DATASET_NAMES) {
    const d = rows.filter((r) => r[0] === ds);
    if (!d.length) continue;
    const seeds = [...new Set(d.map((r) => r[1]))].sort();
    const dense = seeds.map((s) => Number(d.find((r) => r[1] === s)[5]));
    out.push(`### ${ds} (seeds ${seeds.join(', ')}; dense validation accuracy ${stat(dense)}%)`, '');
    out.push('| criterion | ' + LEVELS.map((s) => `${s * 100}% one-shot | ${s * 100}% fine-tuned`).join(' | ') + ' |');
    out.push('|---|' + LEVELS.map(() => '---:|---:').join('|') + '|');
    for (const c of CRITERIA) {
      const cells = LEVELS.map((s) => {
        const at = d.filter((r) => r[2] === c && Number(r[3]) === s && r[9] === 'weights');
        return at.length ? `${stat(at.map((r) => Number(r[6])))} | ${stat(at.map((r) => Number(r[7])))}` : '– | –';
      });
      out.push(`| ${c} | ${cells.join(' | ')} |`);
    }
    out.push(
      '',
      `2:4 pattern (50 %), ${ds}:`,
      '',
      '| criterion | one-shot | fine-tuned | global 50% one-shot, for comparison |',
      '|---|---:|---:|---:|',
    );
    for (const c of CRITERIA) {
      const nm = d.filter((r) => r[2] === c && r[9] === '2:4');
      const free = d.filter((r) => r[2] === c && Number(r[3]) === 0.5 && r[9] === 'weights');
      if (nm.length)
        out.push(
          `| ${c} | ${stat(nm.map((r) => Number(r[6])))} | ${stat(nm.map((r) => Number(r[7])))} | ${stat(free.map((r) => Number(r[6])))} |`,
        );
    }
    out.push('');
  }
  out.push(...summarizeBeyond(stat, DATASET_NAMES));
  const text = `${out.join('\n')}\nValidation accuracy in %, mean ± standard deviation over seeds.\n`;
  writeFileSync(join(OUT, 'summary.md'), text);
  process.stdout.write(text);
}

/** Mean ± std over seeds of every results/<dataset>-seed<k>-beyond.csv, one row per method, kind and round. */
function summarizeBeyond(stat, DATASET_NAMES) {
  const files = readdirSync(OUT).filter((f) => /-seed\d+-beyond\.csv$/.test(f));
  const rows = csvRows(files);
  const out = [];
  for (const ds of DATASET_NAMES) {
    const d = rows.filter((r) => r[0] === ds);
    if (!d.length) continue;
    const seeds = [...new Set(d.map((r) => r[1]))].sort();
    out.push(
      `### ${ds}: beyond one-shot pruning (seeds ${seeds.join(', ')})`,
      '',
      '| method | kind | round | sparsity | validation accuracy |',
      '|---|---|---:|---:|---:|',
    );
    const keys = [...new Set(d.map((r) => `${r[2]}|${r[3]}|${r[4]}`))];
    for (const k of keys) {
      const at = d.filter((r) => `${r[2]}|${r[3]}|${r[4]}` === k);
      const [method, kind, round] = k.split('|');
      out.push(
        `| ${method} | ${kind} | ${round} | ${stat(at.map((r) => Number(r[5])))} | ${stat(at.map((r) => Number(r[6])))} |`,
      );
    }
    out.push('');
  }
  return out;
}
