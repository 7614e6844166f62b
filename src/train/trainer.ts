/**
 * The training loop (mini-batch Adam on the mean cross-entropy): the schedule of batches, read-backs,
 * progress, pauses and validation. The steps themselves run in tfjs (`tfjsSteps.ts`), fused in
 * WebAssembly (`fusedSteps.ts`) or fused in WGSL on WebGPU (`webgpuSteps.ts`); nothing is read back per batch: the batch losses are read in groups
 * (about every 150 ms), which is also when the loop yields for pause/reset.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, deriveSeed, permutation, yieldToEventLoop, FORWARD_SHARE, SCORING_PER_EPOCH } from '../core/base';
import type { Mlp } from './model';
import { RunControl } from './control';
import type { AfterGrads, Steps } from './steps';
import type { DeviceData } from './data';

export type { DeviceData } from './data';
import { tfjsSteps } from './tfjsSteps';
import { fusedFits, fusedSteps } from './fusedSteps';
import { webgpuFits, webgpuSteps } from './webgpuSteps';
import type { EpochMetrics, ProgressInfo, RunOptions, StepsKind, TrainConfig } from './runTypes';

export interface TrainHooks {
  onProgress(progress: ProgressInfo, losses: Float32Array, firstBatch: number): void;
  onEpoch(metrics: EpochMetrics): void;
  onLiveGrads(step: number, gradAbs: Float32Array[]): void;
  /** Called when the loop actually stops at a pause (true) and when it goes on again (false). */
  onPauseChange?(paused: boolean): void;
  /**
   * Called before every step (0-based), synchronously, with the steps: gradual pruning updates the masks
   * here (the model's mask variables for tfjs steps, `steps.setMasks` for the fused ones).
   */
  beforeStep?(step: number, steps: Steps): void;
  /** Called inside each step's `tf.tidy` with the (masked) gradients, before the Adam update: movement pruning accumulates −w·g here. */
  afterGrads?: AfterGrads;
}

export interface TrainOutcome {
  completed: boolean;
  /** What ran the steps. */
  steps: StepsKind;
  batches: number;
  /** Wall time of the timed part (after warm-up), excluding pauses. */
  seconds: number;
  samplesPerSec: number;
}

/**
 * The live |∂L/∂w| estimate is an exponential moving average over every LIVE_GRAD_STRIDE-th batch
 * (sampling keeps its cost small next to the training step itself), decay `LIVE_GRAD_DECAY` per sample.
 */
export const LIVE_GRAD_STRIDE = 4;
const REPORT_TARGET_MS = 150;
/**
 * The live rate (and so the ETA) leaves out a run's first timed batches: kernels compile and the JIT
 * warms up there, and counting them put the first ETAs a third too high. The run's own seconds and
 * average rate still count every batch.
 */
export const RATE_SKIP_BATCHES = 8;
const LIVE_GRADS_EVERY_MS = 500;

let testSteps: StepsKind | undefined;
/**
 * Test hook (`?steps=tfjs` in the page's URL, given to the worker at init): the steps every run and job of
 * this worker trains with, unless its options say otherwise. For the tests whose point needs a run that
 * lasts (pausing, faults mid-epoch): the fused steps finish those runs before the test can act.
 */
export function stepsForTests(kind: StepsKind | undefined): void {
  testSteps = kind;
}

/**
 * Trains `model` in place. With `masks` (one 0/1 tensor per kernel, shaped like it), pruned weights stay
 * exactly 0 (see `tfjsSteps`).
 */
export async function train(
  model: Mlp,
  data: DeviceData,
  config: TrainConfig,
  options: RunOptions,
  control: RunControl,
  hooks: TrainHooks,
  masks?: tf.Tensor2D[],
): Promise<TrainOutcome> {
  const n = data.trainX.shape[0];
  const bs = config.batchSize;
  const batchesPerEpoch = Math.ceil(n / bs);
  const totalBatches = Math.min(config.epochs * batchesPerEpoch, options.maxBatches ?? Infinity);
  const totalSamples = Math.min(config.epochs * n, (options.maxBatches ?? Infinity) * bs);
  const liveStats = options.liveGradStats !== false;
  // At least one batch is always timed.
  const warmup = Math.max(0, Math.min(options.warmupBatches ?? 0, totalBatches - 1));
  const rng = createRng(deriveSeed(config.seed, 'shuffle'));
  const wanted = options.steps ?? testSteps;
  // The fused steps never hand out tfjs gradients (`afterGrads`); the WebGPU ones hold their masks on the
  // GPU, so a hook that changes masks between steps (gradual pruning) runs on the WASM or the tfjs steps.
  const fusable = wanted !== 'tfjs' && !hooks.afterGrads;
  const steps: Steps =
    fusable && !hooks.beforeStep && webgpuFits(model, wanted)
      ? await webgpuSteps(model, data, bs, config.learningRate, liveStats, masks)
      : fusable && data.host && fusedFits(model, wanted)
        ? await fusedSteps(model, data.host, config.learningRate, liveStats, masks)
        : tfjsSteps(model, data, config.learningRate, liveStats, hooks.afterGrads, masks);
  let done = 0;
  let samples = 0;
  let samplesAtWarmup = 0;
  let reportEvery = 4;
  let lastFlush = performance.now();
  let lastGrads = 0;
  let timedStart = warmup === 0 ? performance.now() : 0;
  let pausedAtStart = control.pausedMs;

  // Validation passes are excluded from the training rate and added to the ETA separately.
  let validationMs = 0;
  let lastValidationMs = 0;
  const elapsedMs = () => performance.now() - timedStart - (control.pausedMs - pausedAtStart) - validationMs;
  const runsValidation = options.maxBatches === undefined;
  /**
   * Seconds left until the scoring pass ends, from this run's rate: the training samples left, the
   * validation passes left (each as long as the last one; before the first, a forward pass of the
   * validation set at FORWARD_SHARE of a training step per sample), and the scoring pass (about
   * SCORING_PER_EPOCH of an epoch).
   */
  const etaSec = (rate: number, validationsLeft: number) => {
    if (!(rate > 0)) return NaN;
    const validation = lastValidationMs > 0 ? lastValidationMs / 1000 : (FORWARD_SHARE * data.valX.shape[0]) / rate;
    return (
      Math.max(0, totalSamples - samples) / rate +
      (runsValidation ? validationsLeft * validation : 0) +
      (options.skipScoring ? 0 : (SCORING_PER_EPOCH * n) / rate)
    );
  };
  let lastRate = 0;
  let rateFrom: { ms: number; samples: number } | null = null;
  const progressAt = (stage: ProgressInfo['stage'], epoch: number, batch: number, rate: number): ProgressInfo => {
    if (rate > 0) lastRate = rate;
    // This epoch's validation pass is still to come (or running).
    // No ETA from the first, slow batches: the page shows its estimate until the steady rate is in.
    return {
      stage,
      epoch,
      epochs: config.epochs,
      batch,
      batchesPerEpoch,
      samplesPerSec: lastRate,
      etaSec: rateFrom !== null ? etaSec(lastRate, config.epochs - epoch + 1) : NaN,
      fraction: done / totalBatches,
      steps: steps.kind,
    };
  };

  const flush = async (epoch: number, batchInEpoch: number) => {
    if (steps.queued === 0) return;
    const values = await steps.takeLosses();
    const now = performance.now();
    const perBatch = (now - lastFlush) / Math.max(1, values.length);
    lastFlush = now;
    reportEvery = Math.max(1, Math.min(64, Math.round(REPORT_TARGET_MS / Math.max(perBatch, 0.05))));
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new Error(
        `The training loss became ${values[bad]} at batch ${done - values.length + bad + 1}; training stopped. Try a smaller learning rate.`,
      );
    }
    const elapsed = elapsedMs();
    if (rateFrom === null && timedStart > 0 && done - warmup >= RATE_SKIP_BATCHES) rateFrom = { ms: elapsed, samples };
    const steady =
      rateFrom !== null && samples > rateFrom.samples && elapsed > rateFrom.ms
        ? (samples - rateFrom.samples) / ((elapsed - rateFrom.ms) / 1000)
        : 0;
    const rate =
      steady > 0
        ? steady
        : timedStart > 0 && samples > samplesAtWarmup
          ? (samples - samplesAtWarmup) / (elapsed / 1000)
          : 0;
    hooks.onProgress(progressAt('training', epoch, batchInEpoch, rate), values, done - values.length);
    if (liveStats && now - lastGrads >= LIVE_GRADS_EVERY_MS) {
      lastGrads = now;
      hooks.onLiveGrads(done, await steps.liveGrads());
    }
  };

  try {
    for (let epoch = 1; epoch <= config.epochs && done < totalBatches; epoch++) {
      const epochStart = performance.now();
      const pausedAtEpochStart = control.pausedMs;
      const order = Int32Array.from(permutation(n, rng));
      steps.startEpoch();
      let seen = 0;
      for (let b = 0; b < batchesPerEpoch && done < totalBatches; b++) {
        const start = b * bs;
        const size = Math.min(bs, n - start);
        seen += size;
        hooks.beforeStep?.(done, steps);
        steps.step(order, start, size, done % LIVE_GRAD_STRIDE === 0);
        done++;
        samples += size;
        if (done === warmup) {
          await flush(epoch, b + 1);
          timedStart = performance.now();
          pausedAtStart = control.pausedMs;
          samplesAtWarmup = samples;
        }
        const lastOfEpoch = b === batchesPerEpoch - 1 || done === totalBatches;
        if (steps.queued >= reportEvery || lastOfEpoch) {
          await flush(epoch, b + 1);
          await yieldToEventLoop();
          if (control.paused) {
            hooks.onPauseChange?.(true);
            await control.waitWhilePaused();
            if (!control.stopped) hooks.onPauseChange?.(false);
          }
          if (control.stopped) {
            await steps.finish();
            return {
              completed: false,
              steps: steps.kind,
              batches: done,
              seconds: elapsedMs() / 1000,
              samplesPerSec: 0,
            };
          }
        }
      }
      if (!runsValidation) continue;
      hooks.onProgress(progressAt('validation', epoch, batchesPerEpoch, lastRate), new Float32Array(0), done);
      const validationStart = performance.now();
      const [trainLoss, trainAcc, valLoss, valAcc] = await steps.epochSummary(seen);
      lastValidationMs = performance.now() - validationStart;
      if (timedStart > 0) validationMs += lastValidationMs;
      hooks.onEpoch({
        epoch,
        trainLoss,
        trainAcc,
        valLoss,
        valAcc,
        seconds: (performance.now() - epochStart - (control.pausedMs - pausedAtEpochStart)) / 1000,
        validationSeconds: lastValidationMs / 1000,
        numTensors: tf.memory().numTensors,
      });
    }
    const seconds = elapsedMs() / 1000;
    await steps.finish();
    return {
      completed: true,
      steps: steps.kind,
      batches: done,
      seconds,
      samplesPerSec: seconds > 0 ? (samples - samplesAtWarmup) / seconds : 0,
    };
  } finally {
    steps.dispose();
  }
}
