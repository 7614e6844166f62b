// `npm run experiment -- --study forget`: what pruning forgets, across seeds (issue 29; Hooker et al. 2019,
// "What Do Compressed Deep Neural Networks Forget?"). For MNIST, the lab's network (784 → 64 → 32 → 10) is
// trained in the app (headless Chromium, window.__gpl) once per seed; its run.json is then pruned here with
// the app's own engine (criterion index and masks: global, weights; magnitude and |∂L/∂w| at 80/90/95 %)
// and evaluated on MNIST's fixed validation split with the plain forward pass (src/core/base/mlp.ts) and the
// app's comparison (src/core/eval/forgetting.ts). The split does not change with the seed, so a validation
// row is the same digit for every seed: "forgotten by most seeds" is meaningful. Rows are merged into
// results/forget.csv and results/forget-dense.csv after every seed; results/forget.md and the figure
// docs/results-data/forget-pies.png are rebuilt from them (`--summarize`: only that).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { launchChromium } from './lib/browser.mjs';
import { openLab, runToEnd } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';
import { ROOT, fromSrc } from './lib/src.mjs';
import { aucLower, atLeast, countClasses, digitGrid, jaccard } from './lib/forgetStudy.mjs';
import { medianRange } from './lib/study.mjs';
import { grayPng } from './lib/png.mjs';
import { mergeCsv } from './lib/csvMerge.mjs';
import { OUT } from './experiment-results.mjs';

export const FORGET_CRITERIA = ['magnitude', 'gradient'];
export const FORGET_SPARSITIES = [0.8, 0.9, 0.95];
const CSV = join(OUT, 'forget.csv');
const DENSE_CSV = join(OUT, 'forget-dense.csv');
const FIGURE = join(ROOT, 'docs', 'results-data', 'forget-pies.png');
const HEADER =
  'seed,criterion,sparsity,dense_val_acc,pruned_val_acc,forgotten,newly_right,forgotten_rows,newly_right_rows';
const DENSE_HEADER = 'seed,dense_val_acc,epochs,backend,p_true,pred';

/** MNIST's validation split, as the app builds it (public/data, the fixed split). */
async function validation() {
  const file = join(ROOT, 'public', 'data', 'mnist.bin.gz');
  if (!existsSync(file)) throw new Error('public/data/mnist.bin.gz is missing: run `npm run data` first');
  const data = await fromSrc('src/core/data/index.ts');
  return data.mnistDataset(data.decodeMnist(gunzipSync(readFileSync(file)))).val;
}

/** Trains every seed of `o` (o.seeds, o.epochs, o.batch, o.lr, o.backend, o.port) and measures it. */
export async function runForget(o, log) {
  const [prune, formats, base, ev] = await Promise.all(
    ['src/core/prune/index.ts', 'src/core/formats/index.ts', 'src/core/base/index.ts', 'src/core/eval/index.ts'].map(
      fromSrc,
    ),
  );
  const val = await validation();
  const preview = await startPreview({ port: o.port, log });
  const { browser } = await launchChromium();
  try {
    for (const seed of o.seeds) {
      const t = Date.now();
      const { text, backend } = await train(browser, preview.url, { ...o, seed }, log);
      const parsed = formats.parseRun(text);
      if (!parsed.ok) throw new Error(`run.json unreadable: ${parsed.error}`);
      const layers = parsed.run.layers;
      const classes = layers[layers.length - 1].units;
      const outputs = (ls) => ev.rowOutputs(base.forwardLogits(ls, val.x, val.n), val.y, val.n, classes);
      const dense = outputs(layers);
      const denseAcc = dense.pred.filter((p, r) => p === val.y[r]).length / val.n;
      // The app's own figure for the same network and split: the plain forward pass must agree with it.
      const appAcc = parsed.run.metrics.dense.valAcc;
      if (Math.abs(denseAcc - appAcc) > 1e-9) throw new Error(`dense accuracy ${denseAcc} here, ${appAcc} in the app`);
      const rows = [];
      for (const criterion of FORGET_CRITERIA) {
        const index = prune.criterionIndex(criterion, layers, 'weights', seed);
        for (const sparsity of FORGET_SPARSITIES) {
          const { masks } = prune.computeMasks(index, {
            mode: 'sparsity',
            value: sparsity,
            scope: 'global',
            granularity: 'weights',
          });
          const pruned = layers.map((l, i) => ({ ...l, kernel: l.kernel.map((w, k) => w * masks[i][k]) }));
          const r = ev.forgetReport(dense, outputs(pruned), val.y, val.n, classes);
          const acc = r.pruned.correct.reduce((a, b) => a + b, 0) / val.n;
          rows.push(
            [
              seed,
              criterion,
              sparsity,
              denseAcc,
              acc,
              r.forgotten.length,
              r.newlyRight.length,
              r.forgotten.map((e) => e.index).join(';'),
              r.newlyRight.map((e) => e.index).join(';'),
            ].join(','),
          );
          log(
            `seed ${seed}, ${criterion} ${sparsity * 100}%: ${(acc * 100).toFixed(2)}% (dense ${(denseAcc * 100).toFixed(2)}%), ${r.forgotten.length} forgotten, ${r.newlyRight.length} newly right`,
          );
        }
      }
      merge(CSV, HEADER, seed, rows);
      const p = Array.from(dense.pTrue, (v) => v.toFixed(5)).join(';');
      merge(DENSE_CSV, DENSE_HEADER, seed, [
        [seed, denseAcc, o.epochs, backend, p, Array.from(dense.pred).join(';')].join(','),
      ]);
      log(`seed ${seed}: ${((Date.now() - t) / 60000).toFixed(2)} min`);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  await summarizeForget(log);
}

async function train(browser, url, o, log) {
  const hash = `#dataset=mnist&seed=${o.seed}&epochs=${o.epochs}&batch=${o.batch}&lr=${o.lr}`;
  const { page, backend, error } = await openLab(browser, `${url}?backend=${o.backend}${hash}`, { log });
  try {
    if (error) throw new Error(`backend did not start: ${error}`);
    log(`seed ${o.seed}: training ${o.epochs} epochs on ${backend.name}…`);
    await runToEnd(page);
    // run.json needs the network's first pruned numbers and its dense training figures.
    await page.waitForFunction(
      () => {
        const p = window.__gpl.state().pruning;
        return p.status === 'ready' && p.view !== null && !!p.dense?.train;
      },
      null,
      { timeout: 600_000 },
    );
    return { text: await page.evaluate(() => window.__gpl.runFile()), backend: backend.name };
  } finally {
    await page.close();
  }
}

const seedOf = (row) => Number(row.split(',')[0]);
/** Replaces the rows of `seed` in a CSV file (created with `header` if absent) by `lines`, sorted by seed. */
const merge = (file, header, seed, lines) =>
  mergeCsv(
    file,
    header,
    (row) => seedOf(row) === seed,
    lines,
    (a, b) => seedOf(a) - seedOf(b),
  );

const readCsv = (file) => {
  const [head, ...body] = readFileSync(file, 'utf8').trim().split('\n');
  const keys = head.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
};
const rowsOf = (s) => (s ? s.split(';').map(Number) : []);
const pct = (v, d = 1) => (v === null ? '–' : (v * 100).toFixed(d));
const cell = (xs, f = (v) => String(v)) => {
  const m = medianRange(xs);
  return m.n ? `${f(m.median)} [${f(m.min)}–${f(m.max)}]` : '–';
};

/** results/forget.md and the figure, from results/forget.csv and results/forget-dense.csv. */
export async function summarizeForget(log = () => {}) {
  const rows = readCsv(CSV);
  const denseRows = readCsv(DENSE_CSV);
  const seeds = denseRows.map((r) => Number(r.seed));
  const S = seeds.length;
  const majority = Math.floor(S / 2) + 1;
  const pTrue = new Map(denseRows.map((r) => [Number(r.seed), rowsOf(r.p_true)]));
  const pred = new Map(denseRows.map((r) => [Number(r.seed), rowsOf(r.pred)]));
  const val = await validation();
  const n = val.n;
  const denseRight = (seed, r) => pred.get(seed)[r] === val.y[r];
  const rightCount = new Map(seeds.map((s) => [s, pred.get(s).filter((p, r) => p === val.y[r]).length]));
  /** Mean over seeds of the dense networks' probability of the true class: low = hard for the dense networks. */
  const meanP = Array.from({ length: n }, (_, r) => seeds.reduce((a, s) => a + pTrue.get(s)[r], 0) / S);
  const settings = [];
  for (const criterion of FORGET_CRITERIA)
    for (const sparsity of FORGET_SPARSITIES) {
      const at = rows.filter((r) => r.criterion === criterion && Number(r.sparsity) === sparsity);
      if (!at.length) continue;
      const sets = new Map(at.map((r) => [Number(r.seed), new Set(rowsOf(r.forgotten_rows))]));
      const times = new Int32Array(n);
      for (const set of sets.values()) for (const r of set) times[r]++;
      // The null: each seed forgets as many as it did, drawn at random among the rows its dense network got right.
      const rate = new Map(seeds.map((s) => [s, sets.get(s).size / rightCount.get(s)]));
      const chance = (k) => {
        let e = 0;
        for (let r = 0; r < n; r++)
          e += atLeast(
            seeds.map((s) => (denseRight(s, r) ? rate.get(s) : 0)),
            k,
          );
        return e;
      };
      const pairs = [];
      for (let i = 0; i < S; i++)
        for (let j = i + 1; j < S; j++) pairs.push(jaccard(sets.get(seeds[i]), sets.get(seeds[j])));
      const pies = [];
      const rest = [];
      for (let r = 0; r < n; r++) {
        const rightIn = seeds.filter((s) => denseRight(s, r)).length;
        if (times[r] >= majority) pies.push(r);
        else if (rightIn >= majority) rest.push(r);
      }
      settings.push({
        criterion,
        sparsity,
        at,
        times,
        forgotten: at.map((r) => Number(r.forgotten)),
        newly: at.map((r) => Number(r.newly_right)),
        acc: at.map((r) => Number(r.pruned_val_acc)),
        dense: at.map((r) => Number(r.dense_val_acc)),
        union: times.filter((t) => t > 0).length,
        byMajority: pies.length,
        chanceMajority: chance(majority),
        byAll: times.filter((t) => t === S).length,
        chanceAll: chance(S),
        seedJaccard: medianRange(pairs).median,
        pies,
        auc: aucLower(
          pies.map((r) => meanP[r]),
          rest.map((r) => meanP[r]),
        ),
        piesP: medianRange(pies.map((r) => meanP[r])).median,
        restP: medianRange(rest.map((r) => meanP[r])).median,
        classes: countClasses(pies, val.y),
      });
    }
  const criterionJaccard = (sparsity) => {
    const [a, b] = FORGET_CRITERIA.map((c) => rows.filter((r) => r.criterion === c && Number(r.sparsity) === sparsity));
    return medianRange(
      seeds.map((s) => {
        const ra = a.find((r) => Number(r.seed) === s);
        const rb = b.find((r) => Number(r.seed) === s);
        return ra && rb ? jaccard(rowsOf(ra.forgotten_rows), rowsOf(rb.forgotten_rows)) : null;
      }),
    ).median;
  };
  const shown = settings.find((x) => x.criterion === 'magnitude' && x.sparsity === 0.9) ?? settings[0];
  const order = figure(shown, meanP, val);
  const f2 = (v) => (v === null ? '–' : v.toFixed(2));
  const text = [
    `### What pruning forgets, across ${S} seeds (MNIST, global threshold, weights)`,
    '',
    `| criterion | sparsity | dense val acc | pruned val acc | forgotten per seed | newly right per seed | forgotten by any seed | by ≥ ${majority} of ${S} (chance) | by all ${S} (chance) | overlap between seeds (Jaccard) | hardness AUC | dense p(true) PIEs / rest | PIEs' classes |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...settings.map(
      (x) =>
        `| ${x.criterion} | ${pct(x.sparsity, 0)} % | ${cell(x.dense, (v) => pct(v, 2))} | ${cell(x.acc, (v) => pct(v, 2))} | ` +
        `${cell(x.forgotten)} | ${cell(x.newly)} | ${x.union} | ${x.byMajority} (${x.chanceMajority.toFixed(1)}) | ` +
        `${x.byAll} (${x.chanceAll.toFixed(2)}) | ${f2(x.seedJaccard)} | ${f2(x.auc)} | ${f2(x.piesP)} / ${f2(x.restP)} | ${x.classes} |`,
    ),
    '',
    `Overlap of the two criteria's forgotten sets on the same network (median Jaccard over seeds): ` +
      FORGET_SPARSITIES.map((s) => `${pct(s, 0)} %: ${f2(criterionJaccard(s))}`).join(', ') +
      '.',
    '',
    `PIEs (pruning identified exemplars): validation rows forgotten (dense right, pruned wrong) by at least ${majority} of the ${S} seeds. ` +
      '"Chance": how many rows would be forgotten that often if each seed forgot as many rows as it did, drawn at ' +
      'random among the rows its own dense network got right (independent seeds). "Hardness AUC": the probability that ' +
      'a PIE has a lower dense true-class probability (mean over seeds) than a row that at least as many dense networks ' +
      'got right but pruning did not forget that often: 0.5 = unrelated, 1 = the PIEs are exactly the hardest rows.',
    '',
    `![The ${order.length} validation digits forgotten by most seeds, ${shown.criterion} at ${pct(shown.sparsity, 0)} %](results-data/forget-pies.png)`,
    '',
    `The figure: the PIEs of ${shown.criterion} at ${pct(shown.sparsity, 0)} %, most seeds first, then the hardest for the dense networks first; ` +
      `their labels in that order: ${order.map((r) => val.y[r]).join(' ')}.`,
    '',
  ].join('\n');
  writeFileSync(join(OUT, 'forget.md'), text);
  log(`wrote ${join(OUT, 'forget.md')} and ${FIGURE}`);
  process.stdout.write(text);
}

/** Up to 40 PIEs of `x`, most seeds first, then the hardest for the dense networks, as a figure; returns their rows. */
function figure(x, meanP, val) {
  const order = [...x.pies].sort((a, b) => x.times[b] - x.times[a] || meanP[a] - meanP[b] || a - b).slice(0, 40);
  const grid = digitGrid(order, val.x);
  mkdirSync(join(ROOT, 'docs', 'results-data'), { recursive: true });
  writeFileSync(FIGURE, grayPng(grid.pixels, grid.width, grid.height));
  return order;
}
