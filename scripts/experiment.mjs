#!/usr/bin/env node
// The whole pipeline in headless Chromium, through the app itself (window.__gpl): train, scoring pass,
// sweep every criterion, then prune → fine-tune at 50/80/90/95/98% for every criterion.
// Writes results/<dataset>-seed<k>.csv (fine-tuning), results/<dataset>-seed<k>-sweep.csv (curves) and
// results/<dataset>-seed<k>.md. `--summarize` aggregates every results/*.csv into results/summary.md.
// Usage: npm run experiment -- --dataset mnist --seed 1 [--epochs 5] [--backend wasm]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-browser.mjs';
import { startPreview } from './preview.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'results');
const CRITERIA = ['gradient', 'magnitude', 'taylor', 'obd', 'random'];
const LEVELS = [0.5, 0.8, 0.9, 0.95, 0.98];

function parse(argv) {
  const o = { dataset: 'mnist', seed: 1, epochs: null, batch: 32, lr: 0.001, backend: 'auto', port: 4176, summarize: false };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=');
    const v = () => inline ?? argv[++i];
    if (k === '--dataset') o.dataset = v();
    else if (k === '--seed') o.seed = Number(v());
    else if (k === '--epochs') o.epochs = Number(v());
    else if (k === '--batch') o.batch = Number(v());
    else if (k === '--lr') o.lr = Number(v());
    else if (k === '--backend') o.backend = v();
    else if (k === '--port') o.port = Number(v());
    else if (k === '--summarize') o.summarize = true;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!['mnist', 'synthetic-32'].includes(o.dataset)) throw new Error('--dataset must be mnist or synthetic-32');
  if (!Number.isInteger(o.seed) || o.seed < 0) throw new Error('--seed must be a whole number ≥ 0');
  o.epochs ??= o.dataset === 'mnist' ? 5 : 20;
  return o;
}

const log = (...a) => console.error('[experiment]', ...a);
const pct = (v) => (v * 100).toFixed(2);

async function run(o) {
  const found = await findChromium();
  if (!found) throw new Error(HOW_TO_GET_ONE);
  const { chromium } = await import('@playwright/test');
  const preview = await startPreview(o.port);
  const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (e) => log('page error:', e.message));
    const hash = `#dataset=${o.dataset}&seed=${o.seed}&epochs=${o.epochs}&batch=${o.batch}&lr=${o.lr}`;
    await page.goto(`${preview.url}?backend=${o.backend}${hash}`);
    await page.waitForFunction(() => window.__gpl?.state().backendStatus === 'ready', null, { timeout: 120_000 });
    const backend = await page.evaluate(() => window.__gpl.state().backend);
    log(`${o.dataset}, seed ${o.seed}: training ${o.epochs} epochs on ${backend.name}…`);
    const t0 = Date.now();
    await page.evaluate(() => window.__gpl.train());
    await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().phase), null, { timeout: 3_600_000, polling: 500 });
    const err = await page.evaluate(() => window.__gpl.state().error);
    if (err) throw new Error(`training failed: ${err}`);
    log('sweeping every criterion…');
    await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().sweep.status), null, { timeout: 3_600_000, polling: 500 });
    const base = await page.evaluate(() => {
      const s = window.__gpl.state();
      return { dense: s.pruning.dense, curves: s.sweep.curves, epochs: s.epochs, config: s.runConfig };
    });
    for (const c of CRITERIA) {
      log(`fine-tuning ${c} at ${LEVELS.map((s) => s * 100).join('/')}%…`);
      await page.evaluate((crit) => window.__gpl.finetuneCurve(crit), c);
    }
    const logRows = await page.evaluate(() => window.__gpl.state().finetuneLog);
    const meta = { dataset: o.dataset, seed: o.seed, epochs: o.epochs, batch: o.batch, lr: o.lr, backend: backend.name, minutes: (Date.now() - t0) / 60000 };
    write(o, meta, base, logRows);
  } finally {
    await browser.close();
    preview.stop();
  }
}

function write(o, meta, base, rows) {
  mkdirSync(OUT, { recursive: true });
  const stem = join(OUT, `${o.dataset}-seed${o.seed}`);
  const denseVal = base.dense.val.accuracy;
  const header = 'dataset,seed,criterion,target_sparsity,actual_sparsity,dense_val_acc,one_shot_val_acc,finetuned_val_acc,finetuned_train_acc';
  const lines = rows.map((r, i) => [o.dataset, o.seed, r.criterion, LEVELS[i % LEVELS.length], r.sparsity.toFixed(6), denseVal, r.beforeValAcc, r.afterValAcc, r.afterTrainAcc].join(','));
  writeFileSync(`${stem}.csv`, `${header}\n${lines.join('\n')}\n`);
  const sweep = ['dataset,seed,criterion,split,target,sparsity,threshold,accuracy,loss'];
  for (const [c, v] of Object.entries(base.curves)) for (const split of ['val', 'train']) for (const p of v[split]) sweep.push([o.dataset, o.seed, c, split, p.target, p.sparsity, p.threshold, p.accuracy, p.loss].join(','));
  writeFileSync(`${stem}-sweep.csv`, `${sweep.join('\n')}\n`);
  const md = [
    `# ${o.dataset}, seed ${o.seed}`,
    '',
    `${meta.epochs} epochs, batch ${meta.batch}, learning rate ${meta.lr}, backend ${meta.backend}; ${meta.minutes.toFixed(1)} min. Dense validation accuracy ${pct(denseVal)}%.`,
    '',
    '| criterion | ' + LEVELS.map((s) => `${s * 100}%`).join(' | ') + ' |',
    '|---|' + LEVELS.map(() => '---:').join('|') + '|',
    ...CRITERIA.map((c) => `| ${c} | ` + rows.filter((r) => r.criterion === c).map((r) => `${pct(r.beforeValAcc)} → ${pct(r.afterValAcc)}`).join(' | ') + ' |'),
    '',
    'Validation accuracy (%): one-shot pruning → after 2 epochs of masked fine-tuning at a tenth of the learning rate.',
    '',
  ].join('\n');
  writeFileSync(`${stem}.md`, md);
  log(`wrote ${stem}.csv, ${stem}-sweep.csv, ${stem}.md`);
  process.stdout.write(md);
}

/** Mean ± std over seeds of every results/<dataset>-seed<k>.csv. */
function summarize() {
  const files = readdirSync(OUT).filter((f) => /^(mnist|synthetic-32)-seed\d+\.csv$/.test(f));
  const rows = files.flatMap((f) => readFileSync(join(OUT, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')));
  const stat = (xs) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) : 0;
    return `${(m * 100).toFixed(1)} ± ${(sd * 100).toFixed(1)}`;
  };
  const out = [];
  for (const ds of ['mnist', 'synthetic-32']) {
    const d = rows.filter((r) => r[0] === ds);
    if (!d.length) continue;
    const seeds = [...new Set(d.map((r) => r[1]))].sort();
    const dense = seeds.map((s) => Number(d.find((r) => r[1] === s)[5]));
    out.push(`### ${ds} (seeds ${seeds.join(', ')}; dense validation accuracy ${stat(dense)}%)`, '');
    out.push('| criterion | ' + LEVELS.map((s) => `${s * 100}% one-shot | ${s * 100}% fine-tuned`).join(' | ') + ' |');
    out.push('|---|' + LEVELS.map(() => '---:|---:').join('|') + '|');
    for (const c of CRITERIA) {
      const cells = LEVELS.map((s) => {
        const at = d.filter((r) => r[2] === c && Number(r[3]) === s);
        return at.length ? `${stat(at.map((r) => Number(r[6])))} | ${stat(at.map((r) => Number(r[7])))}` : '– | –';
      });
      out.push(`| ${c} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  const text = `${out.join('\n')}\nValidation accuracy in %, mean ± standard deviation over seeds.\n`;
  writeFileSync(join(OUT, 'summary.md'), text);
  process.stdout.write(text);
}

const o = parse(process.argv.slice(2));
(o.summarize ? Promise.resolve(summarize()) : run(o)).catch((e) => {
  console.error(`[experiment] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
