/**
 * Timing of small pieces of work (an inference call) for the benchmark worker: repeated calls per
 * sample so the clock's resolution does not matter, samples of all the timed functions interleaved so
 * that drift (thermal, another tab, a garbage collection) hits all of them alike. Measures, never asserts.
 */
import { median, percentile } from './stats';

export interface Timing {
  /** Per-call milliseconds: the median over samples, and the 10th and 90th percentiles (nearest rank). */
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  samples: number;
  /** Calls per sample (the calibrated repetition count). */
  repsPerSample: number;
}

/** Calibration stops doubling here even if the clock never reaches minSampleMs (a stopped clock). */
const MAX_REPS = 1 << 20;

/**
 * Times each fn (one call = one unit of work); samples interleaved round-robin across fns so drift hits
 * all alike; each sample repeats the fn enough times to last ≥ minSampleMs (calibrated once per fn,
 * doubling from 1); returns per-call ms statistics (median, 10th and 90th percentile over samples).
 * `now` injectable (default performance.now). Each fn is called once untimed first (warm-up).
 * Order of calls: every warm-up, then each fn's calibration (1, 2, 4, … calls until one run lasts
 * ≥ minSampleMs; the run that did sets the repetitions), then `samples` rounds of every fn in key order.
 * A sample shorter than minSampleMs / 2 (a calibration slowed by a pause) doubles the repetitions and
 * restarts that fn's samples. Defaults: 15 samples, minSampleMs 4.
 */
export function timeInterleaved<K extends string>(fns: Record<K, () => void>, opts: { samples?: number; minSampleMs?: number; now?: () => number } = {}): Record<K, Timing> {
  const samples = opts.samples ?? 15;
  const minSampleMs = opts.minSampleMs ?? 4;
  const now = opts.now ?? (() => performance.now());
  const keys = Object.keys(fns) as K[];
  const run = (fn: () => void, reps: number) => {
    const t0 = now();
    for (let i = 0; i < reps; i++) fn();
    return now() - t0;
  };
  for (const k of keys) fns[k]();
  const reps = {} as Record<K, number>;
  for (const k of keys) {
    let r = 1;
    while (run(fns[k], r) < minSampleMs && r < MAX_REPS) r *= 2;
    reps[k] = r;
  }
  const perCall = {} as Record<K, number[]>;
  for (const k of keys) perCall[k] = [];
  // A calibration slowed by a pause (a garbage collection, the JIT, another thread) sets too few
  // repetitions, and later samples then last less than the clock can resolve (a coarse browser timer
  // reads them as 0): a sample shorter than half the minimum doubles its fn's repetitions and restarts
  // that fn's samples (at most 10 times).
  const redone = {} as Record<K, number>;
  for (const k of keys) redone[k] = 0;
  for (let s = 0; s < samples || keys.some((k) => perCall[k].length < samples); s++) {
    for (const k of keys) {
      if (perCall[k].length >= samples) continue;
      const ms = run(fns[k], reps[k]);
      if (ms < minSampleMs / 2 && redone[k] < 10 && reps[k] < MAX_REPS) {
        redone[k]++;
        reps[k] *= 2;
        perCall[k] = [];
        continue;
      }
      perCall[k].push(ms / reps[k]);
    }
  }
  const out = {} as Record<K, Timing>;
  for (const k of keys) {
    const v = perCall[k];
    out[k] = { medianMs: median(v), p10Ms: percentile(v, 0.1), p90Ms: percentile(v, 0.9), samples, repsPerSample: reps[k] };
  }
  return out;
}
