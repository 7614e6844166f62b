#!/usr/bin/env node
// The whole pipeline in headless Chromium, through the app itself (window.__gpl): train, scoring pass,
// sweep every criterion, then prune → fine-tune at 50/80/90/95/98% for every criterion (global, weights),
// and at 50 % in the 2:4 pattern for every criterion; then, at 90 %: iterative magnitude pruning, SNIP at
// initialisation with its shuffled mask, lottery tickets (4 rounds of 50 %, rewound to the initial weights
// and to epoch 1, each against a random re-init), gradual pruning during training and movement pruning
// (-beyond.csv). `--beyond movement,gradual` trains and runs only those (rows merged into -beyond.csv).
// Writes results/<dataset>-seed<k>.csv (fine-tuning), results/<dataset>-seed<k>-sweep.csv (curves) and
// results/<dataset>-seed<k>.md. `--summarize` aggregates every results/*.csv into results/summary.md.
// Usage: npm run experiment -- --dataset mnist --seed 1 [--epochs 5] [--backend wasm]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { int, list, oneOf, parseOptions } from './lib/args.mjs';
import { launchChromium } from './lib/browser.mjs';
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';
import { appConstants, ROOT } from './lib/src.mjs';

const OUT = join(ROOT, 'results');
const { CRITERIA, CURVE_SPARSITIES: LEVELS, DATASET_NAMES, BACKEND_NAMES } = await appConstants();
const BEYOND = ['iterative', 'snip', 'lottery-rewind0', 'lottery-rewind1', 'gradual', 'movement'];

function parse(argv) {
  const o = parseOptions(
    argv,
    {
      dataset: { parse: oneOf(DATASET_NAMES), default: 'mnist', help: 'the dataset' },
      seed: { parse: int(0), default: 1, value: 'N', help: 'the seed' },
      epochs: { parse: int(1), value: 'N', help: 'epochs (default 5 for MNIST, 20 for synthetic-32)' },
      batch: { parse: int(1), default: 32, value: 'N', help: 'batch size' },
      lr: { parse: Number, default: 0.001, value: 'X', help: 'learning rate' },
      backend: { parse: oneOf(['auto', ...BACKEND_NAMES]), default: 'auto', help: 'training backend' },
      port: { parse: int(1), default: 4176, value: 'N', help: 'port for vite preview' },
      summarize: { type: 'boolean', help: 'aggregate every results/*.csv into results/summary.md instead' },
      beyond: {
        parse: list(BEYOND),
        value: 'LIST',
        help: `only these experiments beyond one-shot pruning (${BEYOND.join(', ')}), merged into -beyond.csv`,
      },
    },
    'Usage: npm run experiment -- [options]',
  );
  o.epochs ??= o.dataset === 'mnist' ? 5 : 20;
  return o;
}

const log = (...a) => console.error('[experiment]', ...a);
const pct = (v) => (v * 100).toFixed(2);

async function run(o) {
  const preview = await startPreview({ port: o.port, log });
  const { browser } = await launchChromium();
  try {
    const hash = `#dataset=${o.dataset}&seed=${o.seed}&epochs=${o.epochs}&batch=${o.batch}&lr=${o.lr}`;
    const { page, backend, error } = await openLab(browser, `${preview.url}?backend=${o.backend}${hash}`, {
      log,
      viewport: { width: 1366, height: 900 },
    });
    if (error) throw new Error(`backend did not start: ${error}`);
    log(`${o.dataset}, seed ${o.seed}: training ${o.epochs} epochs on ${backend.name}…`);
    const t0 = Date.now();
    await runToEnd(page);
    log('sweeping every criterion…');
    await waitQuiet(page, 3_600_000);
    const base = await page.evaluate(() => {
      const s = window.__gpl.state();
      return { dense: s.pruning.dense, curves: s.sweep.curves, epochs: s.epochs, config: s.runConfig };
    });
    if (o.beyond) {
      writeBeyond(o, await runBeyond(page, o, 0, o.beyond), o.beyond);
      return;
    }
    for (const c of CRITERIA) {
      log(`fine-tuning ${c} at ${LEVELS.map((s) => s * 100).join('/')}%…`);
      await page.evaluate((crit) => window.__gpl.finetuneCurve(crit), c);
    }
    const curveRows = await page.evaluate(() => window.__gpl.state().experiments.log);
    for (const c of CRITERIA) {
      log(`fine-tuning ${c} at 2:4…`);
      await page.evaluate(
        (crit) => window.__gpl.finetune(crit, { mode: 'sparsity', value: 0.5, scope: 'global', granularity: '2:4' }),
        c,
      );
      await page.waitForFunction(() => window.__gpl.state().experiments.finetune?.status !== 'running', null, {
        timeout: 600_000,
        polling: 250,
      });
    }
    const all = await page.evaluate(() => window.__gpl.state().experiments.log);
    const beyond = await runBeyond(page, o, all.length);
    const logRows = [
      ...curveRows.map((r, i) => ({ ...r, granularity: 'weights', target: LEVELS[i % LEVELS.length] })),
      ...all.slice(curveRows.length).map((r) => ({ ...r, granularity: '2:4', target: 0.5 })),
    ];
    const meta = {
      dataset: o.dataset,
      seed: o.seed,
      epochs: o.epochs,
      batch: o.batch,
      lr: o.lr,
      backend: backend.name,
      minutes: (Date.now() - t0) / 60000,
    };
    write(o, meta, base, logRows);
    writeBeyond(o, beyond);
  } finally {
    await browser.close();
    preview.stop();
  }
}

/** The experiments beyond one-shot pruning, each at 90 % (lottery tickets: 4 rounds of 50 %, to 93.75 %). */
async function runBeyond(page, o, from, only = BEYOND) {
  const idle = () =>
    page.waitForFunction(
      () => {
        const e = window.__gpl.state().experiments;
        return e.finetune?.status !== 'running' && e.series?.status !== 'running';
      },
      null,
      { timeout: 3_600_000, polling: 250 },
    );
  const parts = [
    ['iterative', () => page.evaluate(() => window.__gpl.iterative('magnitude', 0.9))],
    ['snip', () => page.evaluate(() => window.__gpl.snip(0.9))],
    [
      'lottery-rewind0',
      () => page.evaluate((epochs) => window.__gpl.lottery({ rounds: 4, rate: 0.5, rewind: 0, epochs }), o.epochs),
    ],
    [
      'lottery-rewind1',
      () => page.evaluate((epochs) => window.__gpl.lottery({ rounds: 4, rate: 0.5, rewind: 1, epochs }), o.epochs),
    ],
    ['movement', () => page.evaluate(() => window.__gpl.movement(0.9))],
    [
      'gradual',
      () =>
        page.evaluate(
          ({ epochs, batch }) => {
            const total = epochs * Math.ceil(window.__gpl.state().dataset.trainN / batch);
            window.__gpl.gradual({
              initial: 0,
              final: 0.9,
              begin: Math.round(0.1 * total),
              end: Math.round(0.67 * total),
              frequency: 10,
              power: 3,
            });
          },
          { epochs: o.epochs, batch: o.batch },
        ),
    ],
  ];
  const rows = [];
  let seen = from;
  for (const [method, start] of parts.filter(([m]) => only.includes(m))) {
    log(`${method}…`);
    await start();
    await idle();
    const now = await page.evaluate(() => window.__gpl.state().experiments.log);
    const rounds = {};
    for (const r of now.slice(seen))
      rows.push({
        method,
        kind: r.kind,
        round: (rounds[r.kind] = (rounds[r.kind] ?? 0) + 1),
        sparsity: r.sparsity,
        acc: r.afterValAcc,
      });
    seen = now.length;
  }
  return rows;
}

function writeBeyond(o, rows, only = null) {
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

function write(o, meta, base, rows) {
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

/** Mean ± std over seeds of every results/<dataset>-seed<k>.csv. */
function summarize() {
  const files = readdirSync(OUT).filter((f) => DATASET_NAMES.some((d) => new RegExp(`^${d}-seed\\d+\\.csv$`).test(f)));
  const rows = files.flatMap((f) =>
    readFileSync(join(OUT, f), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')),
  );
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
  out.push(...summarizeBeyond(stat));
  const text = `${out.join('\n')}\nValidation accuracy in %, mean ± standard deviation over seeds.\n`;
  writeFileSync(join(OUT, 'summary.md'), text);
  process.stdout.write(text);
}

/** Mean ± std over seeds of every results/<dataset>-seed<k>-beyond.csv, one row per method, kind and round. */
function summarizeBeyond(stat) {
  const files = readdirSync(OUT).filter((f) => /-seed\d+-beyond\.csv$/.test(f));
  const rows = files.flatMap((f) =>
    readFileSync(join(OUT, f), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')),
  );
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

Promise.resolve()
  .then(() => {
    const o = parse(process.argv.slice(2));
    return o.summarize ? summarize() : run(o);
  })
  .catch((e) => {
    console.error(`[experiment] ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
