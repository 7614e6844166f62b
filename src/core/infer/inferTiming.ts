/**
 * Timing of small pieces of work (an inference call) for the benchmark worker: repeated calls per
 * sample so the clock's resolution does not matter, samples of all the timed functions interleaved so
 * that drift (thermal, another tab, a garbage collection) hits all of them alike. Measures, never asserts.
 */
import { median, percentile } from '../base';

export interface Timing {
  /** Per-call milliseconds: the median over samples, and the 10th and 90th percentiles (nearest rank). */
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  samples: number;
  /** Calls per sample (the calibrated repetition count). */
  repsPerSample: number;
}

/** Per-call milliseconds of every sample, per fn; sample i of every fn was taken in the same round. */
export interface Samples<K extends string> {
  perCall: Record<K, number[]>;
  /** Calls per sample, per fn (pass them back as `reps` to time the same fns again without calibrating). */
  reps: Record<K, number>;
}

/** Calibration stops doubling here even if the clock never reaches minSampleMs (a stopped clock). */
const MAX_REPS = 1 << 20;

export interface TimingOptions<K extends string> {
  samples?: number;
  minSampleMs?: number;
  now?: () => number;
  /** Repetitions per sample from an earlier call on the same fns: no calibration (a short sample still doubles them). */
  reps?: Record<K, number>;
}

/**
 * Times each fn (one call = one unit of work) and returns every sample's per-call ms: samples taken in
 * rounds, one sample of every fn per round in key order, so drift hits all alike and sample i of two fns
 * forms a pair (their ratio is measured at one time). Each sample repeats its fn enough times to last
 * ≥ minSampleMs (calibrated once per fn, doubling from 1, unless `reps` are given). `now` injectable
 * (default performance.now). Order of calls: every warm-up (each fn once, untimed), then each fn's
 * calibration (1, 2, 4, … calls until one run lasts ≥ minSampleMs; the run that did sets the
 * repetitions), then `samples` rounds of every fn in key order. A sample shorter than minSampleMs / 2 (a
 * calibration slowed by a pause) doubles its fn's repetitions and restarts the rounds of every fn (so the
 * pairs stay pairs; at most 10 times per fn). Defaults: 15 samples, minSampleMs 4.
 */
export function sampleInterleaved<K extends string>(
  fns: Record<K, () => void>,
  opts: TimingOptions<K> = {},
): Samples<K> {
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
    let r = opts.reps?.[k] ?? 1;
    if (!opts.reps) while (run(fns[k], r) < minSampleMs && r < MAX_REPS) r *= 2;
    reps[k] = r;
  }
  const perCall = {} as Record<K, number[]>;
  // A calibration slowed by a pause (a garbage collection, the JIT, another thread) sets too few
  // repetitions, and later samples then last less than the clock can resolve (a coarse browser timer
  // reads them as 0): a sample shorter than half the minimum doubles its fn's repetitions and starts the
  // rounds again (at most 10 times per fn).
  const redone = {} as Record<K, number>;
  for (const k of keys) redone[k] = 0;
  restart: for (;;) {
    for (const k of keys) perCall[k] = [];
    for (let s = 0; s < samples; s++) {
      for (const k of keys) {
        const ms = run(fns[k], reps[k]);
        if (ms < minSampleMs / 2 && redone[k] < 10 && reps[k] < MAX_REPS) {
          redone[k]++;
          reps[k] *= 2;
          continue restart;
        }
        perCall[k].push(ms / reps[k]);
      }
    }
    return { perCall, reps };
  }
}

/** Median, 10th and 90th percentile (nearest rank) of per-call samples. */
export function timingOf(perCall: readonly number[], repsPerSample: number): Timing {
  return {
    medianMs: median(perCall),
    p10Ms: percentile(perCall, 0.1),
    p90Ms: percentile(perCall, 0.9),
    samples: perCall.length,
    repsPerSample,
  };
}

/** `sampleInterleaved`, summarised per fn: median, 10th and 90th percentile over samples. */
export function timeInterleaved<K extends string>(
  fns: Record<K, () => void>,
  opts: TimingOptions<K> = {},
): Record<K, Timing> {
  const { perCall, reps } = sampleInterleaved(fns, opts);
  const out = {} as Record<K, Timing>;
  for (const k of Object.keys(fns) as K[]) out[k] = timingOf(perCall[k], reps[k]);
  return out;
}

/** A measured ratio: the median and 10th–90th percentiles (nearest rank) of its paired samples. */
export interface RatioSpread {
  median: number;
  p10: number;
  p90: number;
  /** Paired samples behind it, and the measurement rounds they came from. */
  samples: number;
  rounds: number;
}

/**
 * The spread of a ratio measured in pairs: `num[i] / den[i]` for every pair (two fns' samples taken in
 * the same round, so drift divides out), then the median and 10th and 90th percentiles of those ratios —
 * not a ratio of percentiles, which pairs one time's fast sample with another time's slow one. Pairs of
 * each round are concatenated by the caller (`rounds` says how many). Arrays of equal length.
 */
export function pairedRatio(num: readonly number[], den: readonly number[], rounds = 1): RatioSpread {
  if (num.length !== den.length) throw new Error(`paired samples differ in number: ${num.length} and ${den.length}`);
  const r = num.map((v, i) => v / den[i]);
  return { median: median(r), p10: percentile(r, 0.1), p90: percentile(r, 0.9), samples: r.length, rounds };
}
