// The fused WGSL steps (src/train/webgpuSteps.ts) against tfjs's steps on the same backend (WebGPU,
// SwiftShader here): the same initial weights and batches, STEPS Adam steps, then the weights, every batch
// loss, the correct counts, the validation pass and the live |∂L/∂w| average compared (`__gpl.stepsParity`,
// the worker's 'steps-parity' job), and the dispatches per step counted on both sides.
//
// The bound, derived as for the fused WebAssembly step (src/train/fusedParity.test.ts). Both sides round
// every operation to float32 and differ in the order of the sums (a weight gradient's 32 batch terms, a
// hidden unit's 64 or 32 dZ terms, the logits' fan-in) and, on the GPU, in contracted multiply-adds and
// WGSL's exp/log (a few ulp, ~2⁻²¹ absolute for log near 1): a gradient's error is δg ≲ K·u·Σ|terms| with
// u = 2⁻²⁴, K ≲ 100 summands, i.e. ≲ 1e−5 of Σ|terms|. Adam's step is lr·m̂/(√v̂ + ε): normalised, so its
// error is lr·δg/√v̂, the gradient's error relative to its own RMS; where the terms cancel (a gradient a
// hundredth of its terms' size) that is ρ = 1e−5·100 = 1e−3 per step, and T steps add at most T·lr·ρ. At
// T = 20, lr = 0.01: |Δw| ≤ 2e−4. A wrong term (a missing relu', a mask not held, Adam's bias correction
// a step off) moves weights by ~lr per step, 25× the bound after one step. Loss per batch: its own
// rounding (≲ 1e−5) plus ∇L·Δw; bound 2e−4 relative. The live average weighs |g| with weights summing to
// ≤ 1, so its error is at most the largest δg: ρ = 1e−3 of the layer's largest value. Correct counts are
// compared exactly: a flip needs two logits within ~1e−6 of each other.
import { expect, test } from './fixtures';

const STEPS = 20;
const LR = 0.01;
const WEIGHT_BOUND = STEPS * LR * 1e-3;
const LOSS_BOUND = 2e-4;
const LIVE_BOUND = 1e-3;

// Both cases on one page: a WebGPU page's start and tfjs's shader compilation cost more than the steps.
test(`WebGPU's fused steps match tfjs's after ${STEPS} Adam steps, dense and with 70 % of the weights masked, in ≤ 8 dispatches a step; and on 4 hidden layers`, async ({
  lab,
}) => {
  test.setTimeout(180_000);
  await lab.open('?backend=webgpu#dataset=synthetic-32');
  await expect(lab.badge).toHaveAttribute('data-backend', 'webgpu');
  // The default 64, 32 dense and masked, and a deeper stack of 4 hidden layers (issue 28).
  for (const [sparsity, hidden] of [
    [0, [64, 32]],
    [0.7, [64, 32]],
    [0.5, [16, 12, 8, 8]],
  ] as const) {
    const r = await lab.page.evaluate((o) => window.__gpl!.stepsParity(o), {
      dataset: 'synthetic-32' as const,
      seed: 5,
      steps: STEPS,
      batchSize: 32,
      learningRate: LR,
      sparsity,
      hidden: [...hidden],
    });
    console.log(`webgpu-steps (hidden ${hidden}, sparsity ${sparsity}):`, JSON.stringify(r));
    // One dispatch per layer forward (the last with the loss), one per layer backward, one for Adam.
    expect(r.dispatches.counted).toBe(2 * (hidden.length + 1) + 1);
    expect(r.dispatches.webgpu).toBe(r.dispatches.counted);
    expect(r.dispatches.tfjs).toBeGreaterThan(3 * r.dispatches.webgpu);
    expect(r.weightDiff).toBeLessThan(WEIGHT_BOUND);
    // Training moved every layer by far more than the bound: not two untouched copies.
    expect(r.weightMoved).toBeGreaterThan(10 * WEIGHT_BOUND);
    expect(r.losses).toEqual([STEPS, STEPS]);
    expect(r.lossRelDiff).toBeLessThan(LOSS_BOUND);
    expect(r.trainCorrect[1]).toBe(r.trainCorrect[0]);
    expect(r.valCorrect[1]).toBe(r.valCorrect[0]);
    expect(r.valLossRelDiff).toBeLessThan(LOSS_BOUND);
    expect(r.liveRelDiff).toBeLessThan(LIVE_BOUND);
    // Most of the share asked for is masked (synthetic-32: 32 inputs, 10 classes).
    const sizes = [32, ...hidden, 10];
    const weights = sizes.slice(1).reduce((n, units, l) => n + sizes[l] * units, 0);
    if (sparsity) expect(r.masked).toBeGreaterThan(0.9 * sparsity * weights);
    expect(r.maskedNonZero).toBe(0);
    expect(r.leakedTensors).toEqual([0, 0]);
  }
});
