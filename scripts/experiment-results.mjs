// The experiment's results files for one dataset and seed (scripts/experiment.mjs): results/<dataset>-seed<k>.csv
// (fine-tuning), -sweep.csv (curves), .md (its tables, also printed) and -beyond.csv (the methods beyond
// one-shot pruning).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/src.mjs';

export const OUT = join(ROOT, 'results');
const pct = (v) => (v * 100).toFixed(2);

/** The rows of the methods beyond one-shot pruning into -beyond.csv, and printed as a table. */
export function writeBeyond(o, rows, only = null) {
  const stem = join(OUT, `${o.dataset}-seed${o.seed}`);
  // With --beyond, the other methods' rows of an earlier run stay.
  const kept =
    only && existsSync(`${stem}-beyond.csv`)
      ? readFileSync(`${stem}-beyond.csv`, 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .filter((l) => !only.includes(l.split(',')[2]))
      : [];
  const lines = [
    ...kept,
    ...rows.map((r) => [o.dataset, o.seed, r.method, r.kind, r.round, r.sparsity.toFixed(6), r.acc].join(',')),
  ];
  writeFileSync(`${stem}-beyond.csv`, `dataset,seed,method,kind,round,sparsity,val_acc\n${lines.join('\n')}\n`);
  process.stdout.write(
    [
      '',
      '| method | kind | round | sparsity | val acc |',
      '|---|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.method} | ${r.kind} | ${r.round} | ${pct(r.sparsity)} | ${pct(r.acc)} |`),
      '',
    ].join('\n'),
  );
}

/** The fine-tuning rows, the curves of `base` and their tables; `log` says where they went. */
export function writeRun(o, meta, base, rows, { CRITERIA, LEVELS, log }) {
  mkdirSync(OUT, { recursive: true });
  const stem = join(OUT, `${o.dataset}-seed${o.seed}`);
  const denseVal = base.dense.val.accuracy;
  const header =
    'dataset,seed,criterion,target_sparsity,actual_sparsity,dense_val_acc,one_shot_val_acc,finetuned_val_acc,finetuned_train_acc,granularity';
  const lines = rows.map((r) =>
    [
      o.dataset,
      o.seed,
      r.criterion,
      r.target,
      r.sparsity.toFixed(6),
      denseVal,
      r.beforeValAcc,
      r.afterValAcc,
      r.afterTrainAcc,
      r.granularity,
    ].join(','),
  );
  writeFileSync(`${stem}.csv`, `${header}\n${lines.join('\n')}\n`);
  const sweep = ['dataset,seed,criterion,split,target,sparsity,threshold,accuracy,loss'];
  for (const [c, v] of Object.entries(base.curves))
    for (const split of ['val', 'train'])
      for (const p of v[split])
        sweep.push([o.dataset, o.seed, c, split, p.target, p.sparsity, p.threshold, p.accuracy, p.loss].join(','));
  writeFileSync(`${stem}-sweep.csv`, `${sweep.join('\n')}\n`);
  const md = [
    `# ${o.dataset}, seed ${o.seed}`,
    '',
    `${meta.epochs} epochs, batch ${meta.batch}, learning rate ${meta.lr}, backend ${meta.backend}; ${meta.minutes.toFixed(1)} min. Dense validation accuracy ${pct(denseVal)}%.`,
    '',
    '| criterion | ' + LEVELS.map((s) => `${s * 100}%`).join(' | ') + ' |',
    '|---|' + LEVELS.map(() => '---:').join('|') + '|',
    ...CRITERIA.map(
      (c) =>
        `| ${c} | ` +
        rows
          .filter((r) => r.criterion === c && r.granularity === 'weights')
          .map((r) => `${pct(r.beforeValAcc)} → ${pct(r.afterValAcc)}`)
          .join(' | ') +
        ' |',
    ),
    '',
    'Validation accuracy (%), global scope: one-shot pruning → after 2 epochs of masked fine-tuning at a tenth of the learning rate.',
    '',
    '| criterion | 2:4 (50%) |',
    '|---|---:|',
    ...CRITERIA.map(
      (c) =>
        `| ${c} | ` +
        rows
          .filter((r) => r.criterion === c && r.granularity === '2:4')
          .map((r) => `${pct(r.beforeValAcc)} → ${pct(r.afterValAcc)}`)
          .join(' | ') +
        ' |',
    ),
    '',
  ].join('\n');
  writeFileSync(`${stem}.md`, md);
  log(`wrote ${stem}.csv, ${stem}-sweep.csv, ${stem}.md`);
  process.stdout.write(md);
}
