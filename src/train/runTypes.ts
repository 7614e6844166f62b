/**
 * What a training run is and reports, and the backend that runs it: the settings, the test options, the
 * backend's description, progress, epoch metrics, the live gradients and the scoring pass. Shared by the
 * worker's messages (`protocol.ts`) and its job table (`jobs.ts`).
 */
import type { LayerArrays, LayerShape } from '../core/base';
import type { DataName } from '../core/data';

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendPreference = 'auto' | BackendName;

export interface TrainConfig {
  /** 'user': a table the user brought, which the 'train' message carries (`data`). */
  dataset: DataName;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** The hidden layers' widths, input side first; absent: HIDDEN_UNITS (64, 32; runs and snapshots made before the choice). */
  hidden?: readonly number[];
}

/** Options that only tests and the benchmark use. */
export interface RunOptions {
  /** Batches run before throughput timing starts (benchmark warm-up). */
  warmupBatches?: number;
  /** Keep the running |∂L/∂w| estimate and send it for live display (default true). */
  liveGradStats?: boolean;
  /** Stop after this many batches in total (benchmark); per-epoch validation is skipped. */
  maxBatches?: number;
  /** Skip the scoring pass after training. */
  skipScoring?: boolean;
  /**
   * Test and bench hook: which steps train. By default the fused WGSL steps on the webgpu backend
   * (`webgpuFits`) and the fused WebAssembly steps on the wasm backend (`fusedFits`) where they fit, else
   * tfjs; `fused-wasm` runs the WebAssembly steps on any backend where they fit.
   */
  steps?: StepsKind;
  /** Test hook: overrides the learning rate (beyond the form's limit of 10) to force a diverging loss. */
  testLearningRate?: number;
}

export interface BackendInfo {
  name: BackendName;
  requested: BackendPreference;
  /** True when the adapter is a software/fallback one (SwiftShader, llvmpipe, WARP…). */
  software: boolean;
  /** Adapter or renderer description, e.g. "google swiftshader". */
  adapter: string;
  /** One line explaining why a preferred backend was not used, in English (logs, scripts); empty when none was skipped. */
  fallbackReason: string;
  /** The same, as the page shows it in its language: the backends that could not start, and why. */
  skipped?: { name: BackendName; reason: SkipReason }[];
  /**
   * `auto` before its choice: it runs on WASM (quick to start, always there) and waits for the page to ask
   * for the measurement (`waiting`: when idle, or at the first Train), or measures (`measuring`). Absent
   * once chosen, and for a forced backend.
   */
  pending?: 'waiting' | 'measuring';
  /** What `auto` measured, fastest first (the chosen one first): each candidate that started, at `measuredBatch`. */
  measured?: Measured[];
  measuredBatch?: number;
}

/** One candidate `auto` measured: training samples per second at the run's batch size, 784 inputs. */
export interface Measured {
  name: BackendName;
  software: boolean;
  adapter: string;
  samplesPerSec: number;
}

/** Why a backend could not be used; `detail`: the browser's or tfjs's own words, shown as they come. */
export interface SkipReason {
  code: 'no-webgpu' | 'no-adapter' | 'start-threw' | 'start-failed' | 'check-failed' | 'check-threw';
  detail?: string;
}

export interface ProgressInfo {
  /** `validation`: the pass over the validation set at the end of `epoch`. */
  stage: 'training' | 'validation';
  epoch: number; // 1-based epoch in progress
  epochs: number;
  batch: number; // batches finished in this epoch
  batchesPerEpoch: number;
  samplesPerSec: number;
  /** Seconds left until the scoring pass ends: training, the remaining validation passes and the scoring pass (estimated from this run's rate). */
  etaSec: number;
  /** Fraction of all training batches finished, 0..1. */
  fraction: number;
  /** What runs the training steps: tfjs on the run's backend, or a fused step (`src/train/fusedSteps.ts`, `webgpuSteps.ts`). */
  steps?: StepsKind;
}

/** What runs a run's training steps (see `src/train/steps.ts`). */
export type StepsKind = 'tfjs' | 'fused-wasm' | 'fused-webgpu';

export interface EpochMetrics {
  epoch: number;
  /** Mean training loss/accuracy over the epoch's batches (as Keras reports them). */
  trainLoss: number;
  trainAcc: number;
  valLoss: number;
  valAcc: number;
  seconds: number;
  /** Of those, the validation pass. */
  validationSeconds: number;
  /** tf.memory().numTensors after the epoch (leak check). */
  numTensors: number;
}

/** The live |∂L/∂w| estimate of one layer, row-major `[inputs, units]`. */
export interface LiveGradLayer extends LayerShape {
  gradAbs: Float32Array;
}

export interface ScoringResult {
  layers: LayerArrays[];
  batches: number;
  seconds: number;
}
