// The fused WebAssembly step (src/core/fit) against the tfjs training loop it is to replace (trainer.ts's
// `train`, CPU backend): the same initial weights and batches, 100 Adam steps, then the weights, every
// batch's loss, the correct counts, the validation pass and the live |∂L/∂w| average compared.
//
// The bound on the weights, derived. Both sides round every operation to float32; they differ in the
// order of the sums (the batch's 32 terms of a weight gradient, the 64 or 32 of a hidden unit's dZ, the
// logits' fan-in), so a gradient differs by δg ≲ γ_K·Σ|terms| with γ_K ≈ K·u, u = 2⁻²⁴ ≈ 6e−8 and K up to
// ~100 summands along its path: δg / Σ|terms| ≲ 1e−5 (worst case; random rounding gives ~√K·u ≈ 1e−6).
// Adam's update is lr·m̂/(√v̂ + ε): normalised, so the step's error is lr·δg/√v̂ — the gradient's error
// relative to its own RMS over the history, not to its size now. That is what makes weights with tiny
// gradients sensitive: where the terms cancel (√v̂ ≪ Σ|terms|), the relative error grows by that
// cancellation factor κ. With κ up to 100 (a gradient a hundredth of its terms' size, on every step),
// the step's relative error is ρ = 1e−5·100 = 1e−3, and T steps add at most T·lr·ρ (errors of successive
// steps add; the moments only average them). So after T = 100 steps at lr = 0.01: |Δw| ≤ 100·0.01·1e−3 =
// 1e−3. Measured (these seeds): 1.8e−7 on synthetic-32, 3.2e−5 on MNIST with masks (3.5e−5 without; the
// first layer, whose rarely lit pixels have the smallest, most cancelling gradients) — a margin of ~30,
// the price of a worst-case rounding bound where typical rounding is √K smaller. A wrong term (a missing
// relu', a mask not held, Adam's bias correction off by a step) moves weights by ~lr per step: 100× it.
// Loss per batch: the forward pass's own rounding (≲ γ_K ≈ 1e−5 relative) plus the weights' differences,
// ∇L·Δw. Measured: 1.5e−7 relative on synthetic-32; 5.6e−6 on MNIST, where max|Δw| is 3.2e−5, i.e. the
// loss moves by ~0.18·max|Δw| relative; at the weight bound that is 1.8e−4: bound 2e−4 relative.
// The live average is an average of |g| (weights 0.3·0.7^j sum to ≤ 1), so its error is at most the
// largest |δg|, i.e. ρ = 1e−3 of the layer's largest average (measured ≤ 1.3e−5 of it).
// Correct counts are compared exactly: a flip needs two logits within ~1e−6 of each other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, deriveSeed, initParams, permutation, type LayerParams } from '../core/base';
import { decodeMnist, makeSynthetic32, mnistDataset, type Dataset } from '../core/data';
import { createFusedMlp } from '../core/fit';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { createMlp, readParams } from './model';
import type { EpochMetrics, TrainConfig } from './runTypes';
import { magnitudeMasks, subset, useCpuBackend } from './testUtil';
import { LIVE_GRAD_STRIDE, train } from './trainer';
import { LIVE_GRAD_DECAY } from './tfjsSteps';

beforeAll(useCpuBackend);

const STEPS = 100;
const LR = 0.01;
const WEIGHT_BOUND = STEPS * LR * 1e-3;
const LOSS_BOUND = 2e-4;
const LIVE_BOUND = 1e-3;
// 100 batches of 32: one epoch, so the loop's own epoch figures (train and validation) come out too.
const config: TrainConfig = { dataset: 'mnist', seed: 5, epochs: 1, batchSize: 32, learningRate: LR };

const mnist = () =>
  mnistDataset(decodeMnist(gunzipSync(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'mnist.bin.gz')))));

/** trainer.ts's `train` (masks as finetune.ts sets them); the live average kept from its masked gradients. */
async function tfjsRun(ds: Dataset, params: LayerParams[], masks?: Uint8Array[]) {
  const before = tf.memory().numTensors;
  const data = toDevice(ds);
  const model = createMlp(params);
  const shape = (l: number) => [params[l].inputs, params[l].units] as [number, number];
  const maskT = masks && tf.tidy(() => masks.map((m, l) => tf.tensor2d(Float32Array.from(m), shape(l))));
  if (maskT) tf.tidy(() => model.layers.forEach((l, i) => l.kernel.assign(tf.mul(l.kernel, maskT[i]))));
  // The trainer's own average is read on a timer; this is the same formula on the same gradients.
  const live = tf.tidy(() => model.layers.map((l) => tf.variable(tf.zerosLike(l.kernel), false)));
  const losses: number[] = [];
  const epochs: EpochMetrics[] = [];
  let step = 0;
  const hooks = {
    onProgress: (_p: unknown, l: Float32Array) => losses.push(...l),
    onEpoch: (m: EpochMetrics) => epochs.push(m),
    onLiveGrads: () => {},
    beforeStep: (s: number) => (step = s),
    afterGrads: (g: tf.NamedTensorMap) => {
      if (step % LIVE_GRAD_STRIDE !== 0) return;
      model.layers.forEach((l, i) =>
        live[i].assign(tf.add(tf.mul(live[i], LIVE_GRAD_DECAY), tf.mul(tf.abs(g[l.kernel.name]), 1 - LIVE_GRAD_DECAY))),
      );
    },
  };
  await train(model, data, config, { liveGradStats: true, steps: 'tfjs' }, new RunControl(), hooks, maskT);
  const out = {
    params: await readParams(model),
    losses,
    epoch: epochs[0],
    live: await Promise.all(live.map((e) => e.data())),
  };
  model.dispose();
  disposeDevice(data);
  tf.dispose([...live, ...(maskT ?? [])]);
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

/** The same run on the fused step: the trainer's shuffle, its batches, live on every LIVE_GRAD_STRIDE-th step. */
function fusedRun(ds: Dataset, params: LayerParams[], masks?: Uint8Array[]) {
  const net = createFusedMlp(params, { learningRate: LR });
  if (masks) net.setMasks(masks);
  const order = Int32Array.from(permutation(ds.train.n, createRng(deriveSeed(config.seed, 'shuffle'))));
  const losses: number[] = [];
  let correct = 0;
  for (let b = 0; b < STEPS; b++) {
    const r = net.step(ds.train.x, order, b * 32, 32, ds.train.y, { live: b % LIVE_GRAD_STRIDE === 0 });
    losses.push(r.loss);
    correct += r.correct;
  }
  const out = {
    params: net.params(),
    losses,
    correct,
    val: net.evaluate(ds.val.x, ds.val.y, ds.val.n),
    live: net.liveGrads(),
  };
  net.dispose();
  return out;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe.each([
  { name: 'synthetic-32, no masks', data: () => subset(makeSynthetic32(2), STEPS * 32, 500), sparsity: 0 },
  { name: 'MNIST, 70 % of the weights masked', data: () => subset(mnist(), STEPS * 32, 500), sparsity: 0.7 },
])('fused step against tfjs: $name', ({ data, sparsity }) => {
  it(`gives the same weights, losses, counts and live average after ${STEPS} Adam steps`, async () => {
    const ds = data();
    const params = initParams(ds.inputSize, 5);
    const masks = sparsity > 0 ? magnitudeMasks(params, sparsity) : undefined;
    const ref = await tfjsRun(ds, params, masks);
    const mine = fusedRun(ds, params, masks);
    ref.params.forEach((l, i) => {
      expect(maxDiff(l.kernel, mine.params[i].kernel)).toBeLessThan(WEIGHT_BOUND);
      expect(maxDiff(l.bias, mine.params[i].bias)).toBeLessThan(WEIGHT_BOUND);
      // Training moved them by far more than the bound: the comparison is not of two untouched copies.
      expect(maxDiff(l.kernel, params[i].kernel)).toBeGreaterThan(100 * WEIGHT_BOUND);
      if (masks) mine.params[i].kernel.forEach((w, j) => masks[i][j] === 0 && expect(w === 0).toBe(true));
      const scale = Math.max(...ref.live[i]);
      expect(maxDiff(ref.live[i], mine.live[i])).toBeLessThan(LIVE_BOUND * scale);
    });
    expect(mine.losses).toHaveLength(ref.losses.length);
    ref.losses.forEach((v, b) => expect(Math.abs(v - mine.losses[b])).toBeLessThan(LOSS_BOUND * v));
    expect(mine.correct).toBe(Math.round(ref.epoch.trainAcc * STEPS * 32));
    expect(Math.abs(mine.val.loss - ref.epoch.valLoss)).toBeLessThan(LOSS_BOUND * ref.epoch.valLoss);
    expect(mine.val.correct).toBe(Math.round(ref.epoch.valAcc * ds.val.n));
  });
});
