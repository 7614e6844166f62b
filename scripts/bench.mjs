#!/usr/bin/env node
/**
 * The benchmark (run with `npm run bench`, which builds first). Serves a private copy of the production
 * build on port 4174, opens it in headless Chromium and drives `window.__gpl`:
 *   - training (bench-training.mjs): samples/s with and without the live statistics, and the scoring
 *     pass, per backend and batch size;
 *   - evaluator (bench-eval.mjs): the masked evaluator, the sweep and the in-page slider latency;
 *   - memory (bench-memory.mjs): the JS heap of the page and of each worker once a run is loaded;
 *   - interaction (bench-interaction.mjs): real input events → painted frames, long tasks;
 *   - first-visit (bench-interaction.mjs): navigation → first pruned numbers and → Train clickable, cold
 *     cache, 5 runs unthrottled and at 4× CPU throttling, medians and ranges;
 *   - sparse (bench-sparse.mjs): measured sparse vs dense inference and export sizes (issue 17).
 * Prints one JSON document to stdout (progress goes to stderr); `--out file.json` also writes it.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { int, list, parseOptions } from './lib/args.mjs';
import { launchChromium } from './lib/browser.mjs';
import { startPreview } from './lib/preview.mjs';
import { appConstants } from './lib/src.mjs';
import { benchEvaluator } from './bench-eval.mjs';
import { benchFirstVisits, benchInteraction } from './bench-interaction.mjs';
import { printTargets, targetsOf } from './bench-targets.mjs';
import { benchMemory } from './bench-memory.mjs';
import { benchSparse } from './bench-sparse.mjs';
import { benchTrainingCase } from './bench-training.mjs';
import { joinNative, nativeTorch } from './lib/torch.mjs';

const PORT = 4174;
const log = (...parts) => console.error('[bench]', ...parts);
const round = (x, digits) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
const errorText = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
const PARTS = ['training', 'evaluator', 'memory', 'interaction', 'first-visit', 'sparse'];

const { BACKEND_NAMES, DATASET_NAMES, median, percentile } = await appConstants();
const opts = parseOptions(
  process.argv.slice(2),
  {
    only: { parse: list(PARTS), default: PARTS, value: 'LIST', help: `parts to run, from ${PARTS.join(',')}` },
    backends: {
      parse: list(BACKEND_NAMES),
      default: [...BACKEND_NAMES],
      value: 'LIST',
      help: 'backends of the training part',
    },
    'batch-sizes': { parse: list(null, int(1)), default: [32, 128], value: 'LIST', help: 'training batch sizes' },
    repeats: { parse: int(1), default: 3, value: 'N', help: 'timed runs per variant, and scoring passes, per case' },
    batches: { parse: int(1), default: 100, value: 'N', help: 'timed batches per run, after the warm-up' },
    warmup: { parse: int(0), default: 5, value: 'N', help: 'untimed warm-up batches at the start of every run' },
    'fast-batches': {
      parse: int(1),
      default: 3000,
      value: 'N',
      help: 'timed batches per run of the fused WebAssembly steps (wasm backend; 20 warm-up batches)',
    },
    'scoring-train-batches': {
      parse: int(1),
      default: 2,
      value: 'N',
      help: 'training batches before each measured scoring pass',
    },
    runs: {
      parse: int(1),
      default: 3,
      value: 'N',
      help: 'runs of the interaction part per dataset (medians are reported)',
    },
    datasets: {
      parse: list(DATASET_NAMES),
      default: [...DATASET_NAMES],
      value: 'LIST',
      help: 'datasets of the interaction and sparse parts',
    },
    'fixed-order': { type: 'boolean', help: 'interleave strictly A B A B… (default alternates: A B, B A, A B…)' },
    'no-warmup-run': { type: 'boolean', help: 'skip the discarded warm-up run at the start of every case' },
    out: { value: 'FILE', help: 'also write the JSON result to FILE' },
  },
  'Usage: node scripts/bench.mjs [options]   (npm run bench builds first, then runs this)',
);
opts.warmupRun = !opts.noWarmupRun;

async function main() {
  const started = new Date();
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  const preview = await startPreview({ port: PORT, privateCopy: true, log });
  const stopAll = async (browser) => {
    await browser?.close().catch(() => {});
    preview.stop();
  };
  let browser = null;
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => stopAll(browser).finally(() => process.exit(130)));
  try {
    const launched = await launchChromium();
    browser = launched.browser;
    const cpus = os.cpus();
    const machine = {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
      totalMemGiB: round(os.totalmem() / 2 ** 30, 1),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      chromium: browser.version(),
    };
    log(
      `Chromium ${machine.chromium} (${launched.source}); ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemGiB} GiB, Node ${machine.node}`,
    );

    const training = [];
    const withTraining = opts.only.includes('training');
    // Native PyTorch in the same run: half its runs before the browser's, half after (a drift shows as spread).
    const nativeHalf = () =>
      nativeTorch({
        batchSizes: opts.batchSizes,
        batches: Math.max(opts.batches, 300),
        warmup: 20,
        repeats: Math.max(1, Math.ceil(opts.repeats / 2)),
      });
    const nativeBefore = withTraining ? nativeHalf() : null;
    if (nativeBefore) log(`native PyTorch (before): ${JSON.stringify(nativeBefore.results ?? nativeBefore.note)}`);
    for (const backend of withTraining ? opts.backends : []) {
      for (let i = 0; i < opts.batchSizes.length; i++) {
        await preview.ensure();
        const before = preview.events.length;
        const c = { base: preview.url, backend, batchSize: opts.batchSizes[i], opts, log, median };
        let entry = await benchTrainingCase(browser, c);
        if (
          entry.error &&
          (preview.events.length > before ||
            /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/.test(entry.error))
        ) {
          log('  the preview server went away; restarting it and retrying this case once');
          await preview.ensure();
          entry = await benchTrainingCase(browser, c);
        }
        training.push(entry);
        // A fallback is the same for every batch size: record it once per size, do not retry.
        if (entry.selectedBackend) {
          for (const bs of opts.batchSizes.slice(i + 1)) training.push({ ...entry, batchSize: bs });
          break;
        }
      }
    }
    const native = nativeBefore ? joinNative(nativeBefore, nativeHalf()) : null;
    const ratios = native ? nativeRatios(training, native) : null;
    if (native?.note) log(`native PyTorch: ${native.note}`);
    if (ratios) ratios.forEach((r) => log(`  ${r.backend}, batch ${r.batchSize}: ${JSON.stringify(r)}`));
    const part = async (name, run) => {
      if (!opts.only.includes(name)) return null;
      await preview.ensure();
      try {
        return await run();
      } catch (e) {
        log(`  ${name} FAILED: ${errorText(e)}`);
        return { error: errorText(e) };
      }
    };
    const evaluator = await part('evaluator', () => benchEvaluator(browser, preview.url, log));
    const memory = await part('memory', () => benchMemory(browser, preview.url, log));
    const interaction = await part('interaction', async () => {
      const out = {};
      for (const dataset of opts.datasets) {
        const runs = [];
        for (let r = 0; r < opts.runs; r++) {
          log(`interaction: ${dataset}, run ${r + 1}/${opts.runs}…`);
          runs.push(
            await benchInteraction(browser, preview.url, dataset, { epochs: dataset === 'mnist' ? 5 : 10, log }),
          );
        }
        out[dataset] = { targets: targetsOf(runs, { median, percentile }), runs };
        printTargets(dataset, out[dataset].targets, log);
      }
      return out;
    });

    // Navigation → first pruned numbers and → Train clickable, cold cache, unthrottled and at 4× CPU.
    const firstVisit = await part('first-visit', () =>
      benchFirstVisits(browser, { lab: preview.url }, { runs: Math.max(opts.runs, 5), median, log }),
    );
    const sparse = await part('sparse', async () => {
      const out = {};
      for (const dataset of opts.datasets)
        out[dataset] = await benchSparse(browser, preview.url, log, { median }, dataset);
      return out;
    });

    const report = {
      date: started.toISOString(),
      machine,
      config: {
        dataset: 'mnist (8,000 training samples)',
        model: '784-64-32-10 MLP, Adam',
        parts: opts.only,
        repeats: opts.repeats,
        warmupBatches: opts.warmup,
        timedBatches: opts.batches,
        fusedTimedBatches: opts.fastBatches,
        scoringTrainBatches: opts.scoringTrainBatches,
        discardedWarmupRun: opts.warmupRun,
        order: opts.fixedOrder ? 'A B A B…' : 'A B, B A, A B… (A = with stats, B = plain)',
      },
      results: training,
      native,
      ratios,
      evaluator,
      memory,
      interaction,
      firstVisit,
      sparse,
      notes: [
        "samplesPerSec is the worker's own figure for the timed part of a run (after the warm-up batches); statsOverheadPct = median(plain) / median(withStats) - 1, in percent.",
        'evaluator: MNIST validation set (2,000 samples), weights of a 1-epoch run; ms of MaskedEvaluator.evaluate for slider moves (small: 0.5% of weights flip, large: 20%), a full pass, and 5 criteria × 51-level sweeps; js = the plain-TypeScript engine.',
        'memory: JS heap in use after forced garbage collection (CDP Runtime.getHeapUsage) of the page and of each worker, MNIST loaded, curves done.',
        ...(preview.events.length ? [`Preview server trouble during the bench: ${preview.events.join('; ')}.`] : []),
        `Medians of ${opts.repeats} run(s) per variant, all from this one bench run. Load average at start ${loadAtStart.join(' ')}, at end ${os
          .loadavg()
          .map((x) => round(x, 2))
          .join(' ')}; ${round((Date.now() - started.getTime()) / 60_000, 1)} min.`,
      ],
    };
    const json = JSON.stringify(report, null, 2);
    process.stdout.write(`${json}\n`);
    if (opts.out) {
      writeFileSync(opts.out, `${json}\n`);
      log(`wrote ${opts.out}`);
    }
  } finally {
    await stopAll(browser);
  }
}

/** Per backend and batch size: the lab's median samples/s over native PyTorch's median (with and without statistics). */
function nativeRatios(training, native) {
  if (native.note) return null;
  return training
    .filter((t) => t.samplesPerSec)
    .map((t) => {
      const runs = native.results.find((r) => r.batchSize === t.batchSize)?.runs ?? [];
      const torch = median(runs);
      return {
        backend: t.backend,
        batchSize: t.batchSize,
        nativeMedian: torch,
        withStats: round(t.samplesPerSec.withStats.median / torch, 2),
        plain: round(t.samplesPerSec.plain.median / torch, 2),
        ...(t.samplesPerSec.tfjsPlain && { tfjsPlain: round(t.samplesPerSec.tfjsPlain.median / torch, 2) }),
      };
    });
}

main().catch((e) => {
  console.error(`[bench] ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
