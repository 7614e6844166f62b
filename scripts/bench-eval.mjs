// The evaluator part of `npm run bench`: trains a short MNIST run on a fast backend, then times the
// masked evaluator and the sweep in the page (src/harness/evalBench.ts, through window.__gpl.benchEval)
// and the slider's in-page latency (src/harness/sliderBench.ts).
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';

const ms = (x) => Number(x.toFixed(2));

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base app URL
 * @param {(...parts: unknown[]) => void} log
 */
export async function benchEvaluator(browser, base, log, repeats = 100) {
  log('evaluator: training a 1-epoch MNIST network (WASM backend) for realistic weights…');
  const { page, error } = await openLab(browser, `${base}?backend=wasm#dataset=mnist&epochs=1&batch=64&lr=0.003`, {
    log,
  });
  try {
    if (error) throw new Error(`backend did not start: ${error}`);
    await runToEnd(page, {}, 600_000);
    // Time a quiet page: after training, the curves of every criterion are computed in a worker.
    await waitQuiet(page);
    log(
      `evaluator: timing ${repeats} slider moves of each kind (after a few untimed ones), full passes and 5 × 51-level sweeps…`,
    );
    const r = await page.evaluate((n) => window.__gpl.benchEval(n), repeats);
    log(`  untimed warm-up moves before each series: ${r.warmupMoves}`);
    log(`  engine: ${r.engine === 'wasm' ? 'WebAssembly SIMD' : 'plain TypeScript (no WebAssembly SIMD here)'}`);
    log(
      `  small move (${r.smallMove.flips} flips): median ${ms(r.smallMove.median)} ms, p95 ${ms(r.smallMove.p95)} ms`,
    );
    log(
      `  large move (${r.largeMove.flips} flips): median ${ms(r.largeMove.median)} ms, p95 ${ms(r.largeMove.p95)} ms`,
    );
    log(
      `  full pass: median ${ms(r.fullPass.median)} ms; sweep ${ms(r.sweep.incrementalMs)} ms (+ ${ms(r.sweep.indexMs)} ms sorting) vs naive ${ms(r.sweep.naiveMs)} ms (${ms(r.sweep.speedup)}×), vs a full pass per level with the same engine ${ms(r.sweep.fullPassMs)} ms (${ms(r.sweep.speedupVsFullPass)}×)`,
    );
    log(
      `  plain-TS engine for comparison: small move median ${ms(r.js.smallMove.median)} ms, p95 ${ms(r.js.smallMove.p95)} ms; large ${ms(r.js.largeMove.median)} ms; full pass ${ms(r.js.fullPass.median)} ms; sweep ${ms(r.sweep.jsIncrementalMs)} ms`,
    );
    log('slider: 200 synthetic moves, each until the frame that paints its numbers and heatmaps…');
    const slider = await page.evaluate(() => window.__gpl.benchSlider(200));
    log(
      `  slider input → commit: median ${ms(slider.commit.medianMs)} ms, p95 ${ms(slider.commit.p95Ms)} ms; → next frame: median ${ms(slider.paint.medianMs)} ms, p95 ${ms(slider.paint.p95Ms)} ms; same frame ${Math.round(slider.sameFrame * 100)}%; long tasks > 50 ms: ${slider.longTasks}`,
    );
    log(
      `  of which: the worker's answer (masks and validation figures) reached the page after median ${ms(slider.answer.medianMs)} ms (p95 ${ms(slider.answer.p95Ms)}); worker validation pass median ${ms(slider.workerVal.medianMs)} ms (p95 ${ms(slider.workerVal.p95Ms)})`,
    );
    return { ...r, slider };
  } finally {
    await page.close().catch(() => {});
  }
}
