#!/usr/bin/env node
/**
 * Training-throughput benchmark (run with `npm run bench`, which builds first).
 *
 * Serves a copy of the production build with `vite preview` on port 4174, opens it in headless Chromium
 * once per backend and batch size (`?backend=<name>` forces the backend; a fallback is recorded and
 * skipped), and drives `window.__gpl` (src/testApi.ts):
 *   - samples/s of the timed part of a run (after `--warmup` batches), with and without the live
 *     |∂L/∂w| statistics, `--repeats` times each, interleaved (A B, B A, …) after one discarded run;
 *   - the duration of the scoring pass (one sweep over the 8,000 training samples), `--repeats` times.
 * Prints one JSON document to stdout (progress goes to stderr); `--out file.json` also writes it.
 * Under `npm run bench` stdout also carries the build's output, so use `--out` for a clean file.
 *
 * Flags: --backends webgpu,webgl,wasm,cpu  --batch-sizes 32,128  --repeats 3  --batches 100
 *        --warmup 5  --scoring-train-batches 2  --fixed-order  --no-warmup-run  --out file.json
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-browser.mjs';
import { benchEvaluator } from './bench-eval.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4174;
const BASE = `http://localhost:${PORT}/`;
/** Backends the bench can force with `?backend=`; the default set is the one the goals are stated for. */
const KNOWN_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];
const DEFAULT_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

const HELP = `Usage: node scripts/bench.mjs [options]   (npm run bench builds first, then runs this)
  --backends LIST        comma-separated, from ${KNOWN_BACKENDS.join(',')} (default: ${DEFAULT_BACKENDS.join(',')})
  --batch-sizes LIST     comma-separated batch sizes (default: 32,128)
  --repeats N            timed runs per variant, and scoring passes, per case (default: 3)
  --batches N            timed batches per run, after the warm-up (default: 100)
  --warmup N             untimed warm-up batches at the start of every run (default: 5)
  --scoring-train-batches N  training batches before each measured scoring pass (default: 2)
  --fixed-order          interleave strictly A B A B… (default alternates: A B, B A, A B…)
  --no-warmup-run        skip the discarded warm-up run at the start of every case
  --skip-eval            skip the masked-evaluator and sweep timings
  --only-eval            only the masked-evaluator and sweep timings
  --out FILE             also write the JSON result to FILE
  --help                 this text`;

function parseArgs(argv) {
  const opts = { backends: DEFAULT_BACKENDS, batchSizes: [32, 128], repeats: 3, batches: 100, warmup: 5, scoringTrainBatches: 2, fixedOrder: false, warmupRun: true, eval: true, training: true, out: null };
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${v}")`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--backends': {
        const list = value().split(',').map((s) => s.trim()).filter(Boolean);
        const bad = list.filter((b) => !KNOWN_BACKENDS.includes(b));
        if (bad.length || !list.length) throw new Error(`--backends: unknown backend(s) ${bad.join(', ') || '(none given)'}; use ${KNOWN_BACKENDS.join(', ')}`);
        opts.backends = list;
        break;
      }
      case '--batch-sizes':
        opts.batchSizes = value().split(',').map((s) => int('--batch-sizes', s.trim(), 1));
        break;
      case '--repeats':
        opts.repeats = int('--repeats', value(), 1);
        break;
      case '--batches':
        opts.batches = int('--batches', value(), 1);
        break;
      case '--warmup':
        opts.warmup = int('--warmup', value(), 0);
        break;
      case '--scoring-train-batches':
        opts.scoringTrainBatches = int('--scoring-train-batches', value(), 1);
        break;
      case '--fixed-order':
        opts.fixedOrder = true;
        break;
      case '--no-warmup-run':
        opts.warmupRun = false;
        break;
      case '--out':
        opts.out = value();
        break;
      case '--skip-eval':
        opts.eval = false;
        break;
      case '--only-eval':
        opts.training = false;
        break;
      case '--help':
      case '-h':
        console.error(HELP);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${HELP}`);
    }
  }
  return opts;
}

const log = (...parts) => console.error('[bench]', ...parts);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
const errorText = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Copies dist/ to a private temporary folder, so a `vite build` run by someone else during the bench
 * (e.g. `npm test`) cannot swap the code under measurement or break page loads half-way.
 */
function snapshotBuild() {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ has no build; run "npm run bench" (it builds first) or "npm run build".');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gpl-bench-dist-'));
  cpSync(dist, dir, { recursive: true });
  return dir;
}

/**
 * `vite preview` of the snapshot on PORT, in its own process group so the whole group (npx + node) can
 * be stopped. `ensure()` starts it again if it died (the bench then notes the restart).
 */
function createPreview(outDir) {
  let child = null;
  let exited = null;
  let stopping = false;
  let output = '';
  const events = [];
  /** Every process group started; a dead `npx` can leave its vite child behind in the group. */
  const groups = new Set();

  const spawnOnce = () => {
    output = '';
    exited = null;
    const proc = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    if (proc.pid !== undefined) groups.add(proc.pid);
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('exit', (code, signal) => {
      if (child !== proc) return;
      exited = { code, signal };
      if (!stopping) {
        const what = `vite preview (pid ${proc.pid}) exited unexpectedly (code ${code}, signal ${signal})`;
        events.push(`${new Date().toISOString()} ${what}`);
        log(what);
      }
    });
  };

  const stop = () => {
    stopping = true;
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    groups.clear();
  };
  const serving = async () => {
    try {
      return (await fetch(BASE)).ok;
    } catch {
      return false;
    }
  };

  const waitUntilServing = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`vite preview exited (code ${exited.code}, signal ${exited.signal}) before serving:\n${output.trim()}`);
      if (await serving()) return;
      if (Date.now() > deadline) {
        stop();
        throw new Error(`vite preview did not serve ${BASE} within 60 s:\n${output.trim()}`);
      }
      await sleep(250);
    }
  };

  return {
    events,
    stop,
    async start() {
      if (await serving()) throw new Error(`something already serves ${BASE}; stop it first (the bench needs port ${PORT} for itself)`);
      stopping = false;
      spawnOnce();
      await waitUntilServing();
    },
    /** Restarts the server when it is gone. */
    async ensure() {
      if (child && !exited) return;
      // The npx wrapper may have died while its vite child (same process group) still serves.
      if (await serving()) return;
      log('restarting vite preview…');
      events.push(`${new Date().toISOString()} vite preview restarted`);
      await this.start();
    },
  };
}

/** Waits for run `runId` to reach 'done' or 'error'; returns the fields the bench needs. */
async function waitForRun(page, runId, timeoutMs) {
  await page.waitForFunction(
    (id) => {
      const s = window.__gpl.state();
      return s.runId !== id || s.phase === 'done' || s.phase === 'error';
    },
    runId,
    { timeout: timeoutMs, polling: 250 },
  );
  const s = await page.evaluate(() => {
    const s = window.__gpl.state();
    return {
      runId: s.runId,
      phase: s.phase,
      error: s.error,
      result: s.result,
      scoring: s.scoring && { seconds: s.scoring.seconds, batches: s.scoring.batches },
    };
  });
  if (s.runId !== runId) throw new Error(`run ${runId} was replaced by run ${s.runId}`);
  if (s.phase === 'error') throw new Error(`training failed: ${s.error}`);
  return s;
}

/** Starts one run with the test-only options and waits for it. */
async function runOnce(page, options, timeoutMs) {
  const runId = await page.evaluate((o) => {
    window.__gpl.train(o);
    return window.__gpl.state().runId;
  }, options);
  return waitForRun(page, runId, timeoutMs);
}

/** Opens the app on one backend and batch size; returns the backend info once the worker is ready. */
async function openCase(browser, backend, batchSize) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => log(`  page error (${backend}, batch ${batchSize}): ${errorText(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`  console error (${backend}, batch ${batchSize}): ${m.text().split('\n')[0]}`);
  });
  // epochs=100 so maxBatches, not the epoch count, ends every run.
  await page.goto(`${BASE}?backend=${backend}#dataset=mnist&batch=${batchSize}&epochs=100`);
  await page.waitForFunction(() => window.__gpl && window.__gpl.state().backendStatus !== 'starting', null, { timeout: 120_000, polling: 250 });
  const s = await page.evaluate(() => {
    const s = window.__gpl.state();
    return { backendStatus: s.backendStatus, backend: s.backend, error: s.error, settings: s.settings };
  });
  if (s.backendStatus !== 'ready') {
    await page.close();
    throw new Error(`backend did not start: ${s.error ?? s.backendStatus}`);
  }
  if (s.settings.batchSize !== batchSize || s.settings.dataset !== 'mnist' || s.settings.backend !== backend) {
    await page.close();
    throw new Error(`the page did not take the URL settings (backend ${s.settings.backend}, batch ${s.settings.batchSize}, dataset ${s.settings.dataset})`);
  }
  return { page, info: s.backend };
}

async function benchCase(browser, backend, batchSize, opts) {
  const entry = { backend, software: null, adapter: null, batchSize };
  let page = null;
  const runs = { withStats: [], plain: [] };
  const seconds = [];
  try {
    log(`${backend}, batch ${batchSize}: starting the backend…`);
    const opened = await openCase(browser, backend, batchSize);
    page = opened.page;
    entry.software = opened.info.software;
    entry.adapter = opened.info.adapter;
    if (opened.info.name !== backend) {
      entry.selectedBackend = opened.info.name;
      entry.fallbackReason = opened.info.fallbackReason;
      entry.error = `requested ${backend} but the app fell back to ${opened.info.name} (${opened.info.fallbackReason || 'no reason given'}); skipped`;
      log(`  ${entry.error}`);
      return entry;
    }
    log(`  ready: ${opened.info.adapter}${opened.info.software ? ' (software)' : ''}`);

    const timeoutMs = 15 * 60_000;
    const throughputRun = (liveGradStats) =>
      runOnce(page, { maxBatches: opts.warmup + opts.batches, warmupBatches: opts.warmup, liveGradStats, skipScoring: true }, timeoutMs);

    // One discarded run first: the first run on a fresh page is markedly slower (JIT, shader
    // compilation, caches), and would otherwise land in the first variant's samples.
    if (opts.warmupRun) {
      const s = await throughputRun(true);
      log(`  warm-up run (discarded): ${round(s.result?.samplesPerSec, 1)} samples/s`);
    }

    // Throughput: with stats (A) and plain (B) interleaved. With the default alternating order the
    // pairs go A B, B A, A B…, so a steady drift does not always favour the variant run second.
    for (let r = 0; r < opts.repeats; r++) {
      const pair = opts.fixedOrder || r % 2 === 0 ? ['withStats', 'plain'] : ['plain', 'withStats'];
      for (const variant of pair) {
        const s = await throughputRun(variant === 'withStats');
        const rate = s.result?.samplesPerSec;
        runs[variant].push(round(rate, 1));
        log(`  run ${r + 1}/${opts.repeats} ${variant === 'withStats' ? 'with stats' : 'plain     '}: ${round(rate, 1)} samples/s (${round(s.result?.trainSeconds, 2)} s timed)`);
      }
    }
    const mStats = median(runs.withStats);
    const mPlain = median(runs.plain);
    entry.samplesPerSec = {
      withStats: { median: round(mStats, 1), runs: runs.withStats },
      plain: { median: round(mPlain, 1), runs: runs.plain },
    };
    entry.statsOverheadPct = mStats > 0 && mPlain > 0 ? round((mPlain / mStats - 1) * 100, 1) : null;
    log(`  medians: with stats ${round(mStats, 1)}, plain ${round(mPlain, 1)} samples/s → stats overhead ${entry.statsOverheadPct}%`);

    // Scoring pass: a short training, then one sweep over the training set.
    let batches = null;
    for (let r = 0; r < opts.repeats; r++) {
      const s = await runOnce(page, { maxBatches: opts.scoringTrainBatches, warmupBatches: 0, liveGradStats: false, skipScoring: false }, timeoutMs);
      if (!s.scoring) throw new Error('the run finished without a scoring result (does the worker skip scoring when maxBatches is set?)');
      seconds.push(round(s.scoring.seconds, 3));
      batches = s.scoring.batches;
      log(`  scoring pass ${r + 1}/${opts.repeats}: ${round(s.scoring.seconds, 3)} s for ${s.scoring.batches} batches`);
    }
    entry.scoringSeconds = { median: round(median(seconds), 3), runs: seconds };
    entry.scoringBatches = batches;
  } catch (e) {
    entry.error = errorText(e);
    log(`  FAILED: ${entry.error}`);
    // Keep what was measured before the failure.
    if (!entry.samplesPerSec && (runs.withStats.length || runs.plain.length)) entry.partialRuns = runs;
    if (!entry.scoringSeconds && seconds.length) entry.partialScoringSeconds = seconds;
  } finally {
    if (page) await page.close().catch(() => {});
  }
  return entry;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const found = await findChromium();
  if (!found) throw new Error(HOW_TO_GET_ONE);
  const { chromium } = await import('@playwright/test');

  const started = new Date();
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  let preview = null;
  let browser = null;
  let snapshot = null;
  const removeSnapshot = () => {
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
    snapshot = null;
  };
  const stopAll = async () => {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    preview?.stop();
    preview = null;
    // Give vite a moment to exit before its folder goes.
    await sleep(200);
    removeSnapshot();
  };
  const onSignal = (sig) => {
    log(`${sig}: stopping`);
    stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Last resort: never leave the preview server behind (stop() is synchronous).
  process.once('exit', () => {
    preview?.stop();
    removeSnapshot();
  });

  try {
    snapshot = snapshotBuild();
    log(`serving a copy of dist/ (${snapshot}) with vite preview on port ${PORT}…`);
    preview = createPreview(snapshot);
    await preview.start();
    log(`launching Chromium (${found.source})…`);
    browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
    const cpus = os.cpus();
    const machine = {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
      totalMemGiB: round(os.totalmem() / 2 ** 30, 1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: browser.version(),
    };
    log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemGiB} GiB, Node ${machine.node}, Chromium ${machine.chromium}`);

    const results = [];
    for (const backend of opts.training ? opts.backends : []) {
      for (let i = 0; i < opts.batchSizes.length; i++) {
        await preview.ensure();
        const troubleBefore = preview.events.length;
        let entry = await benchCase(browser, backend, opts.batchSizes[i], opts);
        if (entry.error && (preview.events.length > troubleBefore || /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/.test(entry.error))) {
          log('  the preview server went away; restarting it and retrying this case once');
          await preview.ensure();
          entry = await benchCase(browser, backend, opts.batchSizes[i], opts);
        }
        results.push(entry);
        // A fallback is the same for every batch size: record it once per size, do not retry.
        if (entry.selectedBackend) {
          for (const bs of opts.batchSizes.slice(i + 1)) results.push({ ...entry, batchSize: bs });
          break;
        }
      }
    }

    let evaluator = null;
    if (opts.eval) {
      await preview.ensure();
      try {
        evaluator = await benchEvaluator(browser, BASE, log);
      } catch (e) {
        evaluator = { error: errorText(e) };
        log(`  evaluator FAILED: ${evaluator.error}`);
      }
    }

    const finished = new Date();
    const report = {
      date: started.toISOString(),
      machine,
      config: {
        dataset: 'mnist (8,000 training samples)',
        model: '784-64-32-10 MLP, Adam',
        repeats: opts.repeats,
        warmupBatches: opts.warmup,
        timedBatches: opts.batches,
        scoringTrainBatches: opts.scoringTrainBatches,
        discardedWarmupRun: opts.warmupRun,
        order: `per backend and batch size: ${opts.warmupRun ? 'one discarded run, then ' : ''}throughput runs interleaved ${
          opts.fixedOrder ? 'A B A B…' : 'A B, B A, A B…'
        } (A = with stats, B = plain), then the scoring runs`,
      },
      results,
      evaluator,
      notes: [
        'samplesPerSec is the worker\'s own figure for the timed part of a run (after the warm-up batches): samples / wall seconds, losses read back about every 150 ms.',
        'statsOverheadPct = median(plain) / median(withStats) - 1, in percent; positive means the live gradient statistics make training slower.',
        'evaluator: MNIST validation set (2,000 samples), weights of a 1-epoch run; times in ms of MaskedEvaluator.evaluate for slider moves (small: 0.5% of weights flip, large: 20%), of a full pass, and of 5 criteria × 51-level sweeps (incremental vs a from-scratch plain-TS forward pass per level, and vs the evaluator\'s own full pass per level); engine = the evaluator\'s arithmetic (wasm = WebAssembly SIMD), js = the same with the plain-TypeScript engine.',
        'scoringSeconds is the worker\'s time for the scoring pass (one sweep over the training set with the training batch size, plus the final readback).',
        ...(preview.events.length ? [`Preview server trouble during the bench: ${preview.events.join('; ')}.`] : []),
        `Medians of ${opts.repeats} run(s) per variant, all from this one bench run. Load average (1, 5, 15 min) at start ${loadAtStart.join(' ')}, at end ${os
          .loadavg()
          .map((x) => round(x, 2))
          .join(' ')}; the bench took ${round((finished - started) / 60_000, 1)} min.`,
      ],
    };
    const json = JSON.stringify(report, null, 2);
    process.stdout.write(`${json}\n`);
    if (opts.out) {
      writeFileSync(opts.out, `${json}\n`);
      log(`wrote ${opts.out}`);
    }
  } finally {
    await stopAll();
  }
}

main().catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
