// The sparse part of `npm run bench` (issue 17): what pruning buys, measured in the page with its own
// "Measure speed and sizes" button (a real click) on a network of each dataset (MNIST: 1 epoch; WASM backend), once at each
// slider sparsity of LEVELS (each click measures the whole speed curve, so every level's speed-up gets
// LEVELS.length runs, of which the medians are reported; within a run the page measures in 3 rounds of
// paired samples, sparse and dense interleaved, and each run's ratio is the median of its paired
// ratios); the sizes of every export format at each slider sparsity; one run with neuron pruning (the
// smaller dense network); the click → painted status latency and the main-thread long tasks of each
// measurement; and one measurement under 4× CPU throttling.
import { longTasksBetween, pageNow, installProbe } from './lib/probe.mjs';

export const LEVELS = [0.5, 0.8, 0.9, 0.95, 0.98];
const round = (x, d = 3) => (Number.isFinite(x) ? Number(x.toPrecision(d)) : x);
const quiet = (page) =>
  page.waitForFunction(
    () => {
      const s = window.__gpl?.state();
      return (
        !!s &&
        s.sweep.status !== 'running' &&
        window.__gpl.pruningSettled() &&
        s.speed.current?.id === s.pruning.view?.id
      );
    },
    null,
    { timeout: 600_000, polling: 100 },
  );

async function setSparsity(page, v) {
  await page.getByTestId('controls.threshold.number').fill(String(v * 100));
  await page.getByTestId('controls.threshold.number').press('Enter');
  await quiet(page);
}

/** Clicks Measure; returns the click → painted status latency, the long tasks until done, and the state's measurement. */
async function measure(page) {
  const t0 = await pageNow(page);
  await page.getByTestId('speed.measure').click();
  // The frame that shows the measurement has started (the status line), after the click's event.
  const painted = await page.evaluate(
    () =>
      new Promise((r) => {
        const check = () =>
          document.querySelector('[data-testid="speed.status"]')?.textContent
            ? setTimeout(() => r(performance.now()))
            : requestAnimationFrame(check);
        requestAnimationFrame(check);
      }),
  );
  const input = await page.evaluate(() => window.__probe.lastInput?.t ?? null);
  await page.waitForFunction(
    () => {
      const s = window.__gpl.state().speed;
      return s.curve?.id > 0 && s.curve.status !== 'running' && s.sizes?.status !== 'running';
    },
    null,
    { timeout: 600_000, polling: 100 },
  );
  const t1 = await pageNow(page);
  const speed = await page.evaluate(() => window.__gpl.state().speed);
  return {
    clickToPaintMs: input === null ? null : painted - input,
    wallMs: t1 - t0,
    longTasks: await longTasksBetween(page, t0, t1),
    speed,
  };
}

const at = (points, batch, level) => points.find((p) => p.batch === batch && Math.abs(p.sparsity - level) < 0.006);

/** @param {{ median: (xs: number[]) => number }} stats */
export async function benchSparse(browser, base, log, { median }, dataset = 'mnist') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' }); // no precache download meanwhile
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && log(`  console error: ${m.text().split('\n')[0]}`));
  try {
    const params =
      dataset === 'mnist'
        ? 'dataset=mnist&epochs=1&batch=64&lr=0.003'
        : `dataset=${dataset}&epochs=10&batch=64&lr=0.01`;
    log(`sparse: training a ${dataset} network (WASM backend, ${params})…`);
    await page.goto(`${base}?backend=wasm#${params}&mode=sparsity&criterion=magnitude&snapshot=none`);
    await page.waitForFunction(() => window.__gpl?.state().backendStatus === 'ready', null, { timeout: 120_000 });
    await page.evaluate(() => window.__gpl.train());
    await page.waitForFunction(() => window.__gpl.state().phase === 'done', null, { timeout: 600_000, polling: 250 });
    await quiet(page);
    const runs = [];
    for (const level of LEVELS) {
      await setSparsity(page, level);
      const r = await measure(page);
      runs.push({ level, ...r });
      log(
        `  slider ${level * 100}%: measured in ${round(r.wallMs / 1000)} s, click → status painted ${round(r.clickToPaintMs)} ms, long tasks ${r.longTasks.count} (longest ${round(r.longTasks.maxMs)} ms)`,
      );
    }
    const speedups = {};
    for (const batch of [1, 256]) {
      speedups[batch] = LEVELS.map((level) => {
        const pts = runs.map((r) => at(r.speed.curve.points, batch, level)).filter(Boolean);
        // Each run's speed-up: the median of its paired ratios (3 rounds × 4 samples), with their 10th–90th percentile.
        const ratio = pts.map((p) => p.ratio.csr.median);
        const spread = pts.map((p) => [round(p.ratio.csr.p10), round(p.ratio.csr.p90)]);
        return {
          sparsity: level,
          runs: pts.length,
          speedUp: round(median(ratio)),
          denseMs: round(median(pts.map((p) => p.dense.medianMs))),
          csrMs: round(median(pts.map((p) => p.csr.medianMs))),
          min: round(Math.min(...ratio)),
          max: round(Math.max(...ratio)),
          spread,
        };
      });
      log(
        `  batch ${batch}: ${speedups[batch].map((s) => `${s.sparsity * 100}% ${s.speedUp}× (${s.csrMs} vs ${s.denseMs} ms)`).join(' · ')}`,
      );
    }
    const tfjs = runs[0].speed.tfjs;
    log(
      `  TensorFlow.js predict on ${tfjs?.backend}: batch 1 ${round(tfjs?.timings?.[1]?.medianMs)} ms, batch 256 ${round(tfjs?.timings?.[256]?.medianMs)} ms`,
    );
    const sizes = runs.map((r) => ({ sparsity: round(r.speed.sizes.sparsity, 4), rows: r.speed.sizes.rows }));
    const at90 = sizes.find((s) => Math.abs(s.sparsity - 0.9) < 0.01);
    if (at90)
      for (const row of at90.rows)
        log(
          `  90%: ${row.format} ${row.layout}: ${row.bytes} B, gzip ${row.gzipBytes} B, val ${(row.valAccuracy * 100).toFixed(2)}%`,
        );

    log('sparse: neuron pruning at 90%…');
    await page.getByTestId('controls.granularity').selectOption('neurons');
    await setSparsity(page, 0.9);
    const neurons = await measure(page);
    // With neuron granularity the curve's levels are fractions of hidden units: each point's weight sparsity is its own.
    const stripped = neurons.speed.curve.points.map((p) => ({
      batch: p.batch,
      sparsity: round(p.sparsity, 4),
      denseMs: round(p.dense.medianMs),
      csrMs: round(p.csr.medianMs),
      strippedMs: round(p.stripped?.medianMs),
      shapes: p.strippedShapes,
    }));
    for (const p of stripped.filter((q) => q.batch === 256))
      log(
        `  neurons, batch 256, ${(p.sparsity * 100).toFixed(1)}% of weights: dense ${p.denseMs} ms, CSR ${p.csrMs} ms, smaller dense ${p.shapes?.join('-')} ${p.strippedMs} ms`,
      );

    log('sparse: one measurement under 4× CPU throttling (main-thread blocking)…');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const throttled = await measure(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    log(
      `  4×: click → status painted ${round(throttled.clickToPaintMs)} ms, long tasks ${throttled.longTasks.count} (longest ${round(throttled.longTasks.maxMs)} ms, total ${round(throttled.longTasks.totalMs)} ms) over ${round(throttled.wallMs / 1000)} s`,
    );
    const strip = (r) => ({
      level: r.level,
      clickToPaintMs: round(r.clickToPaintMs),
      wallMs: round(r.wallMs),
      longTasks: r.longTasks,
    });
    return {
      dataset,
      params,
      engine: runs[0].speed.curve.points[0]?.engine,
      speedups,
      tfjs: tfjs && {
        backend: tfjs.backend,
        batch1Ms: round(tfjs.timings?.[1]?.medianMs),
        batch256Ms: round(tfjs.timings?.[256]?.medianMs),
      },
      sizes,
      stripped,
      interaction: { runs: runs.map(strip), neurons: strip(neurons), throttled4x: strip(throttled) },
      curves: runs.map((r) => ({
        slider: r.level,
        points: r.speed.curve.points.map((p) => ({
          batch: p.batch,
          sparsity: round(p.sparsity, 4),
          denseMs: round(p.dense.medianMs),
          csrMs: round(p.csr.medianMs),
          p10: [round(p.dense.p10Ms), round(p.csr.p10Ms)],
          p90: [round(p.dense.p90Ms), round(p.csr.p90Ms)],
          speedUp: [round(p.ratio.csr.p10), round(p.ratio.csr.median), round(p.ratio.csr.p90)],
          samples: p.ratio.csr.samples,
        })),
      })),
    };
  } finally {
    await context.close().catch(() => {});
  }
}
