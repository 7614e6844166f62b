/**
 * Gradual magnitude pruning during training (Zhu & Gupta 2017; TF Model Optimization's
 * prune_low_magnitude with PolynomialDecay): a network trains from its initial weights while, before the
 * steps the schedule names, each layer's mask is recomputed on the device to keep its largest |w| at the
 * scheduled sparsity; between updates the masks hold (gradients masked, kernels re-masked after every step).
 * On tfjs steps the masks are the device's (read back asynchronously for the page's live view); on the
 * fused steps, which hold the weights in memory, they are computed in memory (`magnitudeMaskOf`).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParams } from '../core/base';
import { isPruningStep, magnitudeMaskOf, scheduledSparsity, type GradualSchedule } from '../core/prune';
import { RunControl } from './control';
import { maskViolations, measure, stopped, type FinetuneOutcome } from './finetune';
import { createMlp, readParams } from './model';
import type { RunOptions, TrainConfig } from './runTypes';
import type { Steps } from './steps';
import { train, type DeviceData, type TrainHooks } from './trainer';

/** Masks after an update: the step, the scheduled sparsity, one 0/1 array per kernel (row-major `[inputs, units]`). */
export type MaskUpdate = (step: number, sparsity: number, masks: Uint8Array[]) => void;

/**
 * A layer's mask at sparsity s, on the device: the ⌊s·n⌋ lowest (|w|, row-major index) pruned — the lab's
 * tie rule: of equal |w| the lower index goes first — and at least one weight kept. Kernel `[inputs, units]`
 * (not mutated); returns a new float32 0/1 tensor of its shape. Call inside `tf.tidy`.
 */
export function magnitudeMask(kernel: tf.Tensor2D, s: number): tf.Tensor2D {
  const n = kernel.size;
  const keep = Math.max(1, n - Math.floor(s * n + 1e-9));
  const abs = tf.reshape(tf.abs(kernel), [-1]);
  const cut = tf.min(tf.topk(abs, keep).values);
  const above = tf.cast(tf.greater(abs, cut), 'float32');
  // Of the weights equal to the cut, as many as are still needed are kept, from the highest index down.
  const tied = tf.cast(tf.equal(abs, cut), 'float32');
  const tiedFromHere = tf.cumsum(tied, 0, false, true);
  const needed = tf.sub(keep, tf.sum(above));
  const keptTies = tf.mul(tied, tf.cast(tf.lessEqual(tiedFromHere, needed), 'float32'));
  return tf.reshape(tf.add(above, keptTies), kernel.shape) as tf.Tensor2D;
}

export async function gradualPrune(
  init: LayerParams[],
  data: DeviceData,
  config: TrainConfig,
  schedule: GradualSchedule,
  control: RunControl,
  hooks: TrainHooks,
  onMasks: MaskUpdate,
  options: RunOptions = {},
): Promise<FinetuneOutcome> {
  const t0 = performance.now();
  const model = createMlp(init);
  const masks = tf.tidy(() =>
    model.layers.map((l) => tf.variable(tf.onesLike(l.kernel), false) as tf.Variable<tf.Rank.R2>),
  );
  const reads: Promise<void>[] = [];
  // With the fused steps the masks live with their weights: the last update's are the final ones.
  let held: Uint8Array[] | null = null;
  const update = (step: number, steps: Steps) => {
    if (!isPruningStep(schedule, step)) return;
    const s = scheduledSparsity(schedule, step);
    if (steps.kernels && steps.setMasks) {
      held = steps.kernels().map((k) => magnitudeMaskOf(k, s));
      steps.setMasks(held);
      onMasks(step, s, held);
      return;
    }
    const flat = tf.tidy(() => {
      model.layers.forEach((l, i) => {
        const m = magnitudeMask(l.kernel, s);
        masks[i].assign(m);
        l.kernel.assign(tf.mul(l.kernel, m));
      });
      return tf.concat(masks.map((m) => tf.reshape(m, [-1])));
    });
    reads.push(
      flat
        .data()
        .then((all) => {
          let off = 0;
          onMasks(
            step,
            s,
            masks.map((m) => Uint8Array.from(all.subarray(off, (off += m.size)))),
          );
        })
        .finally(() => flat.dispose()),
    );
  };
  try {
    const before = await measure(model, data);
    const outcome = await train(model, data, config, options, control, { ...hooks, beforeStep: update }, masks);
    await Promise.allSettled(reads);
    if (!outcome.completed) return stopped(before, t0);
    const after = await measure(model, data);
    const out = await readParams(model);
    const final = held ?? (await Promise.all(masks.map((m) => m.data())));
    return {
      completed: true,
      before,
      after,
      params: out,
      maskViolations: maskViolations(out, final),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    model.dispose();
    tf.dispose(masks);
  }
}
