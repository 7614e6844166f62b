// The training part of `npm run bench`: samples/s with and without the live |∂L/∂w| statistics, and the
// scoring pass, for one backend and batch size (see docs/benchmarks.md for the method).
import { openLab, runToEnd } from './lib/lab.mjs';

const round = (x, digits) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
const errorText = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ base: string, backend: string, batchSize: number, opts: any, log: (...a: unknown[]) => void, median: (x: number[]) => number }} c
 */
export async function benchTrainingCase(browser, { base, backend, batchSize, opts, log, median }) {
  const entry = { backend, software: null, adapter: null, batchSize };
  let page = null;
  const runs = { withStats: [], plain: [] };
  const seconds = [];
  try {
    log(`${backend}, batch ${batchSize}: starting the backend…`);
    // epochs=100 so maxBatches, not the epoch count, ends every run.
    const opened = await openLab(browser, `${base}?backend=${backend}#dataset=mnist&batch=${batchSize}&epochs=100`, {
      log,
      label: ` (${backend}, batch ${batchSize})`,
    });
    page = opened.page;
    if (opened.error) throw new Error(`backend did not start: ${opened.error}`);
    const s = opened.settings;
    if (s.batchSize !== batchSize || s.dataset !== 'mnist' || s.backend !== backend)
      throw new Error(
        `the page did not take the URL settings (backend ${s.backend}, batch ${s.batchSize}, dataset ${s.dataset})`,
      );
    Object.assign(entry, { software: opened.backend.software, adapter: opened.backend.adapter });
    if (opened.backend.name !== backend) {
      entry.selectedBackend = opened.backend.name;
      entry.fallbackReason = opened.backend.fallbackReason;
      entry.error = `requested ${backend} but the app fell back to ${opened.backend.name} (${opened.backend.fallbackReason || 'no reason given'}); skipped`;
      log(`  ${entry.error}`);
      return entry;
    }
    log(`  ready: ${opened.backend.adapter}${opened.backend.software ? ' (software)' : ''}`);

    const timeoutMs = 15 * 60_000;
    // The fused WebAssembly steps (the wasm backend's default) run ~10× faster than tfjs: they get
    // `fastBatches` timed batches so a run lasts long enough to time (about a second or more).
    const fast = backend === 'wasm';
    const timed = fast ? opts.fastBatches : opts.batches;
    const throughputRun = (liveGradStats, steps) =>
      runToEnd(
        page,
        {
          maxBatches: (fast ? 20 : opts.warmup) + (steps === 'tfjs' ? opts.batches : timed),
          warmupBatches: fast ? 20 : opts.warmup,
          liveGradStats,
          skipScoring: true,
          ...(steps && { steps }),
        },
        timeoutMs,
      );
    // One discarded run first: the first run on a fresh page is markedly slower (JIT, shader
    // compilation, caches), and would otherwise land in the first variant's samples.
    if (opts.warmupRun)
      log(`  warm-up run (discarded): ${round((await throughputRun(true)).result?.samplesPerSec, 1)} samples/s`);

    // With stats (A) and plain (B) interleaved; by default A B, B A, A B…, so a steady drift does not
    // always favour the variant run second. On the fused steps' backends (wasm, webgpu), tfjs's own steps
    // (C, plain) after each pair: the path the fused steps replaced, measured in the same page.
    const compare = fast || backend === 'webgpu';
    if (compare) runs.tfjsPlain = [];
    for (let r = 0; r < opts.repeats; r++) {
      const pair = opts.fixedOrder || r % 2 === 0 ? ['withStats', 'plain'] : ['plain', 'withStats'];
      for (const variant of compare ? [...pair, 'tfjsPlain'] : pair) {
        const s = await throughputRun(variant === 'withStats', variant === 'tfjsPlain' ? 'tfjs' : undefined);
        if (s.phase !== 'done') throw new Error(`the run ended in phase ${s.phase}: ${JSON.stringify(s.error)}`);
        runs[variant].push(round(s.result?.samplesPerSec, 1));
        log(
          `  run ${r + 1}/${opts.repeats} ${variant.padEnd(10)}: ${runs[variant].at(-1)} samples/s (${round(s.result?.trainSeconds, 2)} s timed)`,
        );
      }
    }
    if (backend === 'webgpu') {
      // Dispatches per training step, counted by wrapping the compute pass encoder (a short parity run on MNIST).
      const p = await page.evaluate(() =>
        window.__gpl.stepsParity({ dataset: 'mnist', seed: 1, steps: 12, batchSize: 32, learningRate: 0.01 }),
      );
      entry.dispatchesPerStep = { fused: p.dispatches.webgpu, tfjs: round(p.dispatches.tfjs, 1) };
      log(`  dispatches per step: fused ${p.dispatches.webgpu}, tfjs ${round(p.dispatches.tfjs, 1)}`);
    }
    const [mStats, mPlain] = [median(runs.withStats), median(runs.plain)];
    entry.steps = fast ? 'fused-wasm' : backend === 'webgpu' ? 'fused-webgpu' : 'tfjs';
    entry.samplesPerSec = {
      withStats: { median: round(mStats, 1), runs: runs.withStats },
      plain: { median: round(mPlain, 1), runs: runs.plain },
      ...(compare && { tfjsPlain: { median: round(median(runs.tfjsPlain), 1), runs: runs.tfjsPlain } }),
    };
    if (compare) entry.fusedOverTfjsSteps = round(mPlain / median(runs.tfjsPlain), 2);
    entry.statsOverheadPct = mStats > 0 && mPlain > 0 ? round((mPlain / mStats - 1) * 100, 1) : null;
    log(
      `  medians: with stats ${round(mStats, 1)}, plain ${round(mPlain, 1)} samples/s → stats overhead ${entry.statsOverheadPct}%` +
        (compare ? `; tfjs steps ${round(median(runs.tfjsPlain), 1)} (fused ÷ tfjs ${entry.fusedOverTfjsSteps}×)` : ''),
    );

    // Scoring pass: a short training, then one sweep over the training set.
    let batches = null;
    for (let r = 0; r < opts.repeats; r++) {
      const s = await runToEnd(
        page,
        { maxBatches: opts.scoringTrainBatches, warmupBatches: 0, liveGradStats: false, skipScoring: false },
        timeoutMs,
      );
      if (!s.scoring) throw new Error('the run finished without a scoring result');
      seconds.push(round(s.scoring.seconds, 3));
      batches = s.scoring.batches;
      log(`  scoring pass ${r + 1}/${opts.repeats}: ${seconds.at(-1)} s for ${batches} batches`);
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
