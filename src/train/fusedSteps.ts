/**
 * The training steps fused in WebAssembly SIMD (`src/core/fit/`): one call per mini-batch runs the
 * forward pass, the loss, the backward pass and Adam, on the CPU, with no per-operation dispatch and
 * no allocation. Used on the WASM backend for the plain training loop and masked
 * fine-tuning; tfjs (`tfjsSteps.ts`) stays the reference it is checked against (src/train/fusedParity.test.ts)
 * and runs everything else. The model's variables get the weights back at `finish`.
 */
import * as tf from '@tensorflow/tfjs';
import { createFusedMlp, fusedAvailable, MAX_WIDTH } from '../core/fit';
import type { Dataset } from '../core/data';
import { assignParams, readParams, type Mlp } from './model';
import type { StepsKind } from './runTypes';
import type { Steps } from './steps';
import { LIVE_GRAD_DECAY } from './tfjsSteps';

/** Whether the fused steps can train this model here: WebAssembly SIMD, the wasm backend (or `wanted`), hidden layers it holds. */
export function fusedFits(model: Mlp, wanted?: StepsKind): boolean {
  const backend = tf.getBackend();
  return (
    (backend === 'wasm' || wanted === 'fused-wasm') &&
    fusedAvailable() &&
    model.layers.slice(0, -1).every((l) => l.units <= MAX_WIDTH)
  );
}

/**
 * Fused steps on a copy of the model's weights (read now) and the host copy of its data. With `masks`
 * (one 0/1 tensor per kernel), pruned weights stay exactly 0 as in `tfjsSteps`.
 */
export async function fusedSteps(
  model: Mlp,
  host: Dataset,
  learningRate: number,
  liveStats: boolean,
  masks?: tf.Tensor2D[],
): Promise<Steps> {
  const params = await readParams(model);
  const net = createFusedMlp(params, { learningRate, liveDecay: LIVE_GRAD_DECAY });
  if (masks) {
    const values = await Promise.all(masks.map((m) => m.data()));
    net.setMasks(values.map((v) => Uint8Array.from(v)));
  }
  const { train, val } = host;
  let losses: number[] = [];
  let lossSum = 0;
  let correctSum = 0;
  return {
    kind: 'fused-wasm',
    get queued() {
      return losses.length;
    },
    step(order, start, size, live) {
      const r = net.step(train.x, order, start, size, train.y, { live: live && liveStats });
      losses.push(r.loss);
      lossSum += r.loss * size;
      correctSum += r.correct;
    },
    async takeLosses() {
      const out = Float32Array.from(losses);
      losses = [];
      return out;
    },
    async liveGrads() {
      return net.liveGrads();
    },
    startEpoch() {
      lossSum = 0;
      correctSum = 0;
    },
    async epochSummary(seen) {
      const v = net.evaluate(val.x, val.y, val.n);
      return [lossSum / seen, correctSum / seen, v.loss, v.correct / val.n];
    },
    async finish() {
      assignParams(model, net.params());
    },
    kernels() {
      return net.params().map((l) => l.kernel);
    },
    setMasks(m) {
      net.setMasks(m);
    },
    dispose() {
      net.dispose();
    },
  };
}
