/**
 * What the training loop (`trainer.ts`) asks of whatever runs its steps: tfjs on any backend
 * (`tfjsSteps.ts`, the reference), or the fused WebAssembly step (`fusedSteps.ts`) where it can.
 * The loop owns the schedule — batches, read-backs, progress, pauses, validation — and the steps own the
 * weights while they run; `finish` hands the weights back to the model's variables.
 */
import type * as tf from '@tensorflow/tfjs';
import type { StepsKind } from './runTypes';

/** A hook given each step's (masked) gradients before the Adam update (movement pruning's scores). */
export type AfterGrads = (grads: tf.NamedTensorMap) => void;

export interface Steps {
  /** Which runs the steps: named in the run's result and the badge. */
  readonly kind: StepsKind;
  /** One Adam step on the training rows `order[start .. start + size)`; its loss is queued, not read. */
  step(order: Int32Array, start: number, size: number, live: boolean): void;
  /** How many batch losses are queued. */
  readonly queued: number;
  /** The queued batch losses in order (read back asynchronously), the queue emptied. */
  takeLosses(): Promise<Float32Array>;
  /** The live |∂L/∂w| estimate, one array per kernel (row-major `[inputs, units]`). */
  liveGrads(): Promise<Float32Array[]>;
  /** Starts an epoch's sums of training loss and correct answers at 0. */
  startEpoch(): void;
  /** The epoch's mean training loss and accuracy over `seen` rows, then the validation set's loss and accuracy. */
  epochSummary(seen: number): Promise<[trainLoss: number, trainAcc: number, valLoss: number, valAcc: number]>;
  /** Writes the weights into the model's variables (a no-op where the steps train those variables). */
  finish(): Promise<void>;
  /**
   * Where the steps hold the weights in memory (the fused ones): the kernels now (copies, row-major
   * `[inputs, units]`) and a new set of masks (masked weights set to 0 now and held), between two steps.
   * Gradual pruning updates its masks through these; tfjs steps have none (it works on the variables).
   */
  kernels?(): Float32Array[];
  setMasks?(masks: Uint8Array[]): void;
  /** Frees what the steps hold (tensors, WebAssembly memory); the model stays. */
  dispose(): void;
}
