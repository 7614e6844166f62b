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
// `--study width-depth [--seeds 1,2,3] [--networks 16-16,64]`: the width and depth study (experiment-study.mjs).
// `--study forget [--seeds 1,2,3,4,5]`: what pruning forgets across seeds (experiment-forget.mjs).
import { int, list, oneOf, parseOptions } from './lib/args.mjs';
import { launchChromium } from './lib/browser.mjs';
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';
import { appConstants } from './lib/src.mjs';
import { writeBeyond, writeRun } from './experiment-results.mjs';
import { summarize } from './experiment-summary.mjs';
import { STUDY_NETWORKS, runStudy, summarizeStudy } from './experiment-study.mjs';
import { runForget, summarizeForget } from './experiment-forget.mjs';

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
      study: {
        parse: oneOf(['width-depth', 'forget']),
        value: 'NAME',
        help: 'run a study instead: width-depth or forget (MNIST; with --summarize, its table only)',
      },
      seeds: { parse: list(null, int(0)), default: [1, 2, 3], value: 'LIST', help: "the study's seeds" },
      networks: {
        parse: list(STUDY_NETWORKS),
        default: STUDY_NETWORKS,
        value: 'LIST',
        help: "the study's networks, hidden widths joined by '-'",
      },
    },
    'Usage: npm run experiment -- [options]',
  );
  o.epochs ??= o.dataset === 'mnist' ? 5 : 20;
  if (o.study && o.dataset !== 'mnist') {
    console.error(`--study ${o.study} is of MNIST only (got --dataset ${o.dataset})`);
    process.exit(2);
  }
  return o;
}

const log = (...a) => console.error('[experiment]', ...a);

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
    writeRun(o, meta, base, logRows, { CRITERIA, LEVELS, log });
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

Promise.resolve()
  .then(() => {
    const o = parse(process.argv.slice(2));
    if (o.study === 'forget') return o.summarize ? summarizeForget(log) : runForget(o, log);
    if (o.study) return o.summarize ? summarizeStudy(log) : runStudy(o, log);
    return o.summarize ? summarize({ CRITERIA, LEVELS, DATASET_NAMES }) : run(o);
  })
  .catch((e) => {
    console.error(`[experiment] ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
