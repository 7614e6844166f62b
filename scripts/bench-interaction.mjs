// The interaction part of `npm run bench`: what a user feels, with real input events (Playwright's
// mouse and keyboard, i.e. CDP input) and every main-thread long task (scripts/lib/probe.mjs):
//   - navigation → first pruned numbers painted from the snapshot, cold cache, and the bytes fetched;
//   - a run from Train pressed under the pointer (`pointAt`), its end and the curves; a change of criterion,
//     mode, scope and granularity (keyboard on the select), a window resize; slider drags with the mouse and
//     key presses: input → painted frame; then again under 4× CPU throttling (Emulation.setCPUThrottlingRate).
import { longTasksBetween, movesSince, pageNow, installProbe } from './lib/probe.mjs';
import { pointAt, pressHere } from './lib/lab.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** In the page: no curves computing, and the numbers on screen the slider's. */
const isQuiet = () =>
  !!window.__gpl && window.__gpl.state().sweep.status !== 'running' && window.__gpl.pruningSettled();
const quiet = (page, timeout = 600_000) => page.waitForFunction(isQuiet, null, { timeout, polling: 100 });

/** Opens `url` in a fresh context (cold cache) and times navigation → the first pruned numbers painted. */
async function firstVisit(browser, url) {
  // No service worker: its precache (~7 MB, fetched after the first numbers) would run during the measured
  // interactions; the first visits below keep it, as a reader's first visit has it.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  const bytes = new Map();
  page.on('requestfinished', async (r) => {
    const s = await r.sizes().catch(() => null);
    if (s)
      bytes.set(
        new URL(r.url()).pathname
          .split('/')
          .pop()
          .replace(/-[\w-]{8}(?=\.\w+$)/, ''),
        s.responseBodySize + s.responseHeadersSize,
      );
  });
  await page.goto(url);
  // The first frame painted after the numbers of the first evaluation are in the DOM (and the heatmaps, drawn in the same commit).
  await page.waitForFunction(() => !!document.querySelector('[data-testid="prune.numbers"]'), null, {
    timeout: 60_000,
    polling: 'raf',
  });
  const ms = await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now())))),
  );
  await quiet(page);
  const long = await longTasksBetween(page, 0, ms);
  return {
    page,
    context,
    firstPruneMs: ms,
    longTasksBeforeIt: long,
    bytes: Object.fromEntries([...bytes].sort((a, b) => b[1] - a[1])),
  };
}

/** Presses `key` on a select (a real key event: the closed select changes its value), then waits for quiet. */
async function change(page, testid, key = 'ArrowDown') {
  await page.getByTestId(testid).focus();
  const t0 = await pageNow(page);
  await page.keyboard.press(key);
  await quiet(page);
  await sleep(300);
  return longTasksBetween(page, t0);
}

/** A back-and-forth mouse drag over the slider, one move per frame; then key presses. */
async function slider(page, { moves = 120, keys = 60 } = {}) {
  await page.getByTestId('controls.threshold').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('controls.threshold').boundingBox();
  const y = box.y + box.height / 2;
  const x = (f) => box.x + 6 + (box.width - 12) * f;
  const before = await page.evaluate(() => window.__probe.moves.length);
  const t0 = await pageNow(page);
  await page.mouse.move(x(0.3), y);
  await page.mouse.down();
  for (let k = 0; k < moves; k++) {
    await page.mouse.move(x(0.3 + 0.4 * (k % 60 < 30 ? (k % 30) / 30 : 1 - (k % 30) / 30)), y);
    await sleep(16);
  }
  await page.mouse.up();
  await quiet(page);
  const drag = { ...(await movesSince(page, before)), longTasks: await longTasksBetween(page, t0) };
  const beforeKeys = await page.evaluate(() => window.__probe.moves.length);
  const t1 = await pageNow(page);
  await page.getByTestId('controls.threshold').focus();
  for (let k = 0; k < keys; k++) {
    await page.keyboard.press(k % 20 < 10 ? 'ArrowRight' : 'ArrowLeft');
    await sleep(60);
  }
  await quiet(page);
  return { drag, keys: { ...(await movesSince(page, beforeKeys)), longTasks: await longTasksBetween(page, t1) } };
}

async function resize(page) {
  const t0 = await pageNow(page);
  for (const [w, h] of [
    [1000, 700],
    [1366, 768],
    [800, 900],
    [1366, 768],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await sleep(400);
  }
  return longTasksBetween(page, t0);
}

/** The run's expected seconds the page shows before Train (once the backend's throughput is measured). */
async function expectedSeconds(page) {
  const el = page.getByTestId('progress.expected');
  await el.waitFor({ timeout: 120_000 });
  return { seconds: Number(await el.getAttribute('data-seconds')), text: await el.textContent() };
}

/** Records, in the page, when the first ETA appears and what it says (data-seconds). */
async function watchFirstEta(page) {
  await page.evaluate(() => {
    window.__firstEta = null;
    const o = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="progress.eta"]');
      if (el && window.__firstEta === null) {
        window.__firstEta = { at: performance.now(), seconds: Number(el.getAttribute('data-seconds')) };
        o.disconnect();
      }
    });
    o.observe(document.body, { subtree: true, childList: true });
  });
}

/** The expected and first ETA against what the run took, Train → the last curve point (page timing). */
async function estimateAccuracy(page, expectedSec, clickedAt) {
  const { first, timing, result, scoring, sweepMs } = await page.evaluate(() => {
    const s = window.__gpl.state();
    return {
      first: window.__firstEta,
      timing: s.timing,
      result: s.result,
      scoring: s.scoring?.seconds,
      sweepMs: s.sweep.ms,
    };
  });
  const tookSec = (timing.curvesAt - clickedAt) / 1000;
  const firstEtaAtSec = first ? (first.at - clickedAt) / 1000 : null;
  const left = first ? tookSec - firstEtaAtSec : null;
  return {
    phases: { training: result?.trainSeconds, scoring, curves: sweepMs / 1000 },
    expectedSec,
    tookSec,
    expectedErrorPct: 100 * (expectedSec / tookSec - 1),
    firstEtaSec: first?.seconds ?? null,
    firstEtaAtSec,
    firstEtaErrorPct: first ? 100 * (first.seconds / left - 1) : null,
  };
}

/**
 * One full pass for a dataset. `train` runs a short training from the page's Train button.
 * @param {import('@playwright/test').Browser} browser
 */
export async function benchInteraction(browser, base, dataset, { epochs, throttle = 4, log }) {
  const { page, context, firstPruneMs, longTasksBeforeIt, bytes } = await firstVisit(
    browser,
    `${base}#dataset=${dataset}`,
  );
  try {
    const origin = await page.evaluate(() => window.__gpl.state().origin?.kind);
    log(
      `  ${dataset}: first pruned numbers painted ${firstPruneMs.toFixed(0)} ms after navigation (${origin}); long tasks before: ${longTasksBeforeIt.count}, max ${longTasksBeforeIt.maxMs.toFixed(0)} ms`,
    );
    const out = { dataset, firstPruneMs, longTasksBeforeFirstPrune: longTasksBeforeIt, bytes, changes: {} };
    for (const [name, testid] of [
      ['criterion', 'controls.criterion'],
      ['mode', 'controls.mode'],
      ['scope', 'controls.scope'],
      ['granularity', 'controls.granularity'],
    ]) {
      out.changes[name] = await change(page, testid);
      log(
        `  ${dataset}: ${name} change: ${out.changes[name].count} long tasks, ${out.changes[name].totalMs.toFixed(0)} ms in all, max ${out.changes[name].maxMs.toFixed(0)} ms`,
      );
      if (name !== 'mode') await change(page, testid, 'ArrowUp'); // back, so the slider bench runs on the default view
    }
    out.resize = await resize(page);
    log(`  ${dataset}: resize: ${out.resize.count} long tasks, max ${out.resize.maxMs.toFixed(0)} ms`);
    out.slider = await slider(page);
    log(`  ${dataset}: slider drag ${out.slider.drag.count} moves, keys ${out.slider.keys.count}`);
    // Training from the Train button, its end and the curves arriving.
    await page.getByTestId('controls.epochs').fill(String(epochs));
    const expected = await expectedSeconds(page);
    await watchFirstEta(page);
    await pointAt(page, 'controls.train');
    const t0 = await pageNow(page);
    await pressHere(page);
    await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().phase), null, {
      timeout: 1_800_000,
      polling: 250,
    });
    const t1 = await pageNow(page);
    await quiet(page);
    const t2 = await pageNow(page);
    out.training = { wallMs: t1 - t0, ...(await longTasksBetween(page, t0, t1)) };
    out.runEnd = { curvesMs: t2 - t1, ...(await longTasksBetween(page, t1, t2)) };
    out.estimate = { ...(await estimateAccuracy(page, expected.seconds, t0)), expectedText: expected.text };
    log(`  ${dataset}: ${expected.text}`);
    log(
      `  ${dataset}: expected ${expected.seconds} s, took ${out.estimate.tookSec.toFixed(1)} s (${JSON.stringify(out.estimate.phases)}); first ETA ${out.estimate.firstEtaSec} s at ${out.estimate.firstEtaAtSec?.toFixed(1)} s (${out.estimate.firstEtaErrorPct?.toFixed(0)}% off the time left)`,
    );
    log(
      `  ${dataset}: training ${(out.training.wallMs / 1000).toFixed(1)} s with ${out.training.totalMs.toFixed(0)} ms of long tasks (max ${out.training.maxMs.toFixed(0)}); run end + curves ${out.runEnd.totalMs.toFixed(0)} ms (max ${out.runEnd.maxMs.toFixed(0)})`,
    );
    // The same under CPU throttling (DevTools' low-end laptop).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    out.throttled = { rate: throttle, slider: await slider(page, { moves: 60, keys: 30 }) };
    await page.getByTestId('controls.epochs').fill('1');
    await pointAt(page, 'controls.train');
    const t3 = await pageNow(page);
    await pressHere(page);
    await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().phase), null, {
      timeout: 1_800_000,
      polling: 250,
    });
    const t4 = await pageNow(page);
    await quiet(page);
    const t5 = await pageNow(page);
    // Long tasks from the click to the last curve point: the run, its end and the curves arriving.
    out.throttled.oneEpoch = { wallMs: t4 - t3, ...(await longTasksBetween(page, t3, t5)) };
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    log(
      `  ${dataset}: ${throttle}× throttled: one epoch ${(out.throttled.oneEpoch.wallMs / 1000).toFixed(1)} s, long tasks max ${out.throttled.oneEpoch.maxMs.toFixed(0)} ms`,
    );
    return out;
  } finally {
    await context.close();
  }
}

/** In the page from its first script: when the first pruned numbers are painted and when Train can be clicked. */
function watchFirstVisit() {
  window.__visit = { pruneAt: null, trainAt: null };
  const tick = () => {
    const v = window.__visit;
    const train = document.querySelector('[data-testid="controls.train"]');
    if (v.trainAt === null && train && !train.disabled) v.trainAt = performance.now();
    if (v.pruneAt === null && document.querySelector('[data-testid="prune.numbers"]')) {
      v.pruneAt = -1; // painted in the frame after this one (as `firstVisit` measures it)
      requestAnimationFrame(() => setTimeout(() => (window.__visit.pruneAt = performance.now())));
    }
    if (v.trainAt === null || v.pruneAt === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * A first visit, cold cache (a fresh context), `runs` times per URL of `urls` (interleaved A B, B A, …;
 * e.g. main's build and a branch's), at each CPU throttling rate of `rates` (CDP, set before navigation):
 * navigation → first pruned numbers painted and → Train enabled (page time from navigation start), their
 * medians and ranges.
 */
export async function benchFirstVisits(browser, urls, { runs = 5, rates = [1, 4], median, log }) {
  const out = {};
  for (const rate of rates) {
    const got = Object.fromEntries(Object.keys(urls).map((k) => [k, { pruneMs: [], trainMs: [] }]));
    for (let r = 0; r < runs; r++) {
      const order = r % 2 === 0 ? Object.keys(urls) : Object.keys(urls).reverse();
      for (const name of order) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        await context.addInitScript(watchFirstVisit);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await page.goto(urls[name]);
        const v = await page
          .waitForFunction(
            () => window.__visit.trainAt !== null && window.__visit.pruneAt > 0 && window.__visit,
            null,
            {
              timeout: 120_000,
              polling: 100,
            },
          )
          .then((h) => h.jsonValue());
        got[name].pruneMs.push(Math.round(v.pruneAt));
        got[name].trainMs.push(Math.round(v.trainAt));
        log(
          `  first visit ${name}, ${rate}× CPU, run ${r + 1}/${runs}: pruned numbers ${v.pruneAt.toFixed(0)} ms, Train ${v.trainAt.toFixed(0)} ms`,
        );
        await context.close();
      }
    }
    const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });
    out[`${rate}x`] = Object.fromEntries(
      Object.entries(got).map(([k, v]) => [k, { pruneMs: summary(v.pruneMs), trainMs: summary(v.trainMs) }]),
    );
  }
  return out;
}
