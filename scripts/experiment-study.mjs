// `npm run experiment -- --study width-depth`: the width and depth study (issue 28). For MNIST, networks of
// equal hidden widths 16/64/256 at depth 2 and depths 1–4 at width 64, seeds 1–3: each is trained in the
// app (headless Chromium, window.__gpl) and swept; then, for magnitude and gradient (|∂L/∂w|) under one
// global threshold, weights: the sparsity at which validation accuracy first falls 1 point below dense
// (interpolated on the app's 51-level sweep), the onset of the app's collapse warning (some kernel 100 %
// pruned, or no input reaching any output: maskReport's `collapse`, found exactly by bisection on the
// pruned count) and the first layer a global threshold empties. Rows are merged into
// results/width-depth.csv (and -sweep.csv) after every run; results/width-depth.md is rebuilt from them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';
import { fromSrc } from './lib/src.mjs';
import { dropSparsity, emptiedAt, firstTrue, medianRange } from './lib/study.mjs';
import { OUT } from './experiment-results.mjs';
import { mergeCsv } from './lib/csvMerge.mjs';

export const STUDY_CRITERIA = ['magnitude', 'gradient'];
/** Width at depth 2 (equal widths, so that 64-64 is also the depth series' depth 2), then depth at width 64. */
export const STUDY_NETWORKS = ['16-16', '64-64', '256-256', '64', '64-64-64', '64-64-64-64'];
const WIDTHS = ['16-16', '64-64', '256-256'];
const DEPTHS = ['64', '64-64', '64-64-64', '64-64-64-64'];
const CSV = join(OUT, 'width-depth.csv');
const SWEEP_CSV = join(OUT, 'width-depth-sweep.csv');
const HEADER =
  'network,seed,criterion,weights,dense_val_acc,drop1_sparsity,collapse_sparsity,emptied_sparsity,emptied_layer,layers,' +
  'layers_at_drop1,layers_emptied_at,epochs,backend,minutes';
const SWEEP_HEADER = 'network,seed,criterion,target,sparsity,threshold,val_acc';

/** Runs every network × seed of `o` (o.networks, o.seeds, o.epochs, o.batch, o.lr, o.backend, o.port). */
export async function runStudy(o, log) {
  const [prune, formats] = await Promise.all([
    fromSrc('src/core/prune/index.ts'),
    fromSrc('src/core/formats/index.ts'),
  ]);
  const preview = await startPreview({ port: o.port, log });
  const { browser } = await launchChromium();
  const t0 = Date.now();
  try {
    for (const seed of o.seeds)
      for (const network of o.networks) {
        const t = Date.now();
        const run = await trainAndSweep(browser, preview.url, { ...o, seed, network }, log);
        const minutes = (Date.now() - t) / 60000;
        const rows = STUDY_CRITERIA.map((c) => measure(prune, formats, run, c, seed));
        merge(
          CSV,
          HEADER,
          network,
          seed,
          rows.map((r) => csvRow(network, seed, r, run, o, minutes)),
        );
        merge(
          SWEEP_CSV,
          SWEEP_HEADER,
          network,
          seed,
          STUDY_CRITERIA.flatMap((c) =>
            run.curves[c].val.map((p) => [network, seed, c, p.target, p.sparsity, p.threshold, p.accuracy].join(',')),
          ),
        );
        log(`${network}, seed ${seed}: ${minutes.toFixed(2)} min; ${rows.map(describe).join('; ')}`);
      }
  } finally {
    await browser.close();
    preview.stop();
  }
  log(`study: ${((Date.now() - t0) / 60000).toFixed(1)} min in all`);
  summarizeStudy(log);
}

async function trainAndSweep(browser, url, o, log) {
  const hash = `#dataset=mnist&seed=${o.seed}&epochs=${o.epochs}&batch=${o.batch}&lr=${o.lr}&hidden=${o.network.replaceAll('-', ',')}`;
  const { page, backend, error } = await openLab(browser, `${url}?backend=${o.backend}${hash}`, {
    log,
    viewport: { width: 1366, height: 900 },
  });
  try {
    if (error) throw new Error(`backend did not start: ${error}`);
    log(`${o.network}, seed ${o.seed}: training ${o.epochs} epochs on ${backend.name}…`);
    await runToEnd(page);
    await waitQuiet(page, 3_600_000);
    await page.waitForFunction(() => window.__gpl.state().sweep.status === 'done', null, {
      timeout: 3_600_000,
      polling: 250,
    });
    const s = await page.evaluate(() => {
      const s = window.__gpl.state();
      return { dense: s.pruning.dense, curves: s.sweep.curves, sweep: s.sweep, hidden: s.settings.hidden };
    });
    if (s.hidden.join('-') !== o.network) throw new Error(`the page trained ${s.hidden.join('-')}, not ${o.network}`);
    if (s.sweep.scope !== 'global' || s.sweep.granularity !== 'weights')
      throw new Error(`the sweep is ${s.sweep.scope}, ${s.sweep.granularity}; the study needs global, weights`);
    const text = await page.evaluate(() => window.__gpl.runFile());
    return { ...s, text, backend: backend.name };
  } finally {
    await page.close();
  }
}

/** One criterion's figures on a trained run, with the app's own prune index, masks and mask report. */
function measure(prune, formats, run, criterion, seed) {
  const parsed = formats.parseRun(run.text);
  if (!parsed.ok) throw new Error(`run.json unreadable: ${parsed.error}`);
  const layers = parsed.run.layers;
  const index = prune.criterionIndex(criterion, layers, 'weights', seed);
  const n = index.global.order.length;
  const masksAt = (k) => {
    const r = prune.computeMasks(index, { mode: 'sparsity', value: k / n, scope: 'global', granularity: 'weights' });
    if (r.prunedPerGroup.reduce((a, b) => a + b, 0) !== k)
      throw new Error(`the masks at ${k}/${n} prune another count`);
    return r.masks;
  };
  const collapseK = firstTrue(0, n, (k) => prune.maskReport(masksAt(k), index.shapes).collapse);
  const emptied = emptiedAt(index.global.order, index.offsets);
  const first = emptied.indexOf(Math.min(...emptied));
  const drop1 = dropSparsity(run.curves[criterion].val, run.dense.val.accuracy, 0.01);
  const spec = { mode: 'sparsity', value: drop1 ?? 0, scope: 'global', granularity: 'weights' };
  const atDrop1 = prune.prunedCounts(index, spec).map((c, l) => c / (index.shapes[l].inputs * index.shapes[l].units));
  return {
    criterion,
    weights: n,
    layers: layers.length,
    dense: run.dense.val.accuracy,
    drop1,
    /** Each kernel's own sparsity at the 1-point drop (null when the sweep never drops that far). */
    atDrop1: drop1 === null ? null : atDrop1,
    /** For each kernel, the global sparsity at which it is entirely pruned. */
    emptiedAll: emptied.map((k) => k / n),
    collapse: collapseK === null ? null : collapseK / n,
    emptied: emptied[first] / n,
    emptiedLayer: first + 1,
  };
}

const fix = (v) => (v === null ? '' : Number(v.toFixed(6)));
const csvRow = (network, seed, r, run, o, minutes) =>
  [
    network,
    seed,
    r.criterion,
    r.weights,
    r.dense,
    fix(r.drop1),
    fix(r.collapse),
    fix(r.emptied),
    r.emptiedLayer,
    r.layers,
    r.atDrop1 ? r.atDrop1.map(fix).join(';') : '',
    r.emptiedAll.map(fix).join(';'),
    o.epochs,
    run.backend,
    minutes.toFixed(3),
  ].join(',');
const pct = (v, d = 1) => (v === null ? '–' : (v * 100).toFixed(d));
const describe = (r) =>
  `${r.criterion}: dense ${pct(r.dense)}%, −1 pt at ${pct(r.drop1)}%, collapse at ${pct(r.collapse)}% (layer ${r.emptiedLayer} emptied at ${pct(r.emptied)}%)`;

/** Replaces the rows of (network, seed) in a CSV file (created with `header` if absent) by `lines`. */
function merge(file, header, network, seed, lines) {
  mergeCsv(
    file,
    header,
    (row) => {
      const [n, s] = row.split(',');
      return n === network && Number(s) === seed;
    },
    lines,
  );
}

/** results/width-depth.md from results/width-depth.csv: medians and ranges over seeds. */
export function summarizeStudy(log = () => {}) {
  const [head, ...body] = readFileSync(CSV, 'utf8').trim().split('\n');
  const keys = head.split(',');
  const rows = body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
  const num = (v) => (v === '' ? null : Number(v));
  const cell = (xs, d = 1) => {
    const m = medianRange(xs);
    if (m.n === 0) return xs.length ? '> 99 (never)' : '–';
    const never = xs.length - m.n;
    return `${pct(m.median, d)} [${pct(m.min, d)}–${pct(m.max, d)}]${never ? `, ${never}× none` : ''}`;
  };
  // Per kernel, the median over seeds of its own sparsity at the 1-point drop, e.g. "75 / 31 / 12".
  const perLayer = (at) => {
    const per = at.filter((r) => r.layers_at_drop1).map((r) => r.layers_at_drop1.split(';').map(Number));
    if (!per.length) return '–';
    return per[0].map((_, l) => pct(medianRange(per.map((p) => p[l])).median, 0)).join(' / ');
  };
  const table = (title, networks) => {
    if (!rows.some((r) => networks.includes(r.network))) return [];
    const out = [
      title,
      '',
      '| network | weights | criterion | seeds | dense val acc | sparsity at −1 point | each kernel’s sparsity there | ' +
        'collapse onset | first kernel emptied (which) |',
      '|---|---:|---|---:|---:|---:|---:|---:|---:|',
    ];
    for (const net of networks)
      for (const c of STUDY_CRITERIA) {
        const at = rows.filter((r) => r.network === net && r.criterion === c);
        if (!at.length) continue;
        const which = [...new Set(at.map((r) => `${r.emptied_layer}/${r.layers}`))].join(', ');
        out.push(
          `| ${net.replaceAll('-', '→')} | ${at[0].weights} | ${c} | ${at.length} | ${cell(at.map((r) => num(r.dense_val_acc)))} | ` +
            `${cell(at.map((r) => num(r.drop1_sparsity)))} | ${perLayer(at)} | ${cell(at.map((r) => num(r.collapse_sparsity)))} | ` +
            `${cell(at.map((r) => num(r.emptied_sparsity)))} (${which}) |`,
        );
      }
    return [...out, ''];
  };
  const minutes = rows.filter((r) => r.criterion === STUDY_CRITERIA[0]).reduce((a, r) => a + Number(r.minutes), 0);
  const text = [
    ...table('### Width (two hidden layers of equal width)', WIDTHS),
    ...table('### Depth (hidden layers of 64 units)', DEPTHS),
    'MNIST, global scope, weights. Percentages: median [smallest–largest] over seeds. "Sparsity at −1 point": ' +
      'where validation accuracy first falls 1 point below dense, interpolated on the 51-level sweep, and each kernel’s own sparsity there (median, input side first); "collapse ' +
      'onset": the first sparsity at which the app warns of collapse (some kernel entirely pruned, or no input ' +
      'reaching any output); "first kernel emptied": the first sparsity at which a kernel is entirely pruned, ' +
      'and which (k/K: the k-th of K kernels, the last one the output layer). ' +
      `Training and sweeps: ${minutes.toFixed(1)} min in all.`,
    '',
  ].join('\n');
  writeFileSync(join(OUT, 'width-depth.md'), text);
  log(`wrote ${join(OUT, 'width-depth.md')}`);
  process.stdout.write(text);
}
