import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic32 } from '../core/data';
import { isPruningStep, magnitudeMaskOf, scheduledSparsity, buildPruneIndex, computeMasks } from '../core/prune';
import { initParams, createRng } from '../core/base';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { gradualPrune, magnitudeMask } from './gradual';
import type { StepsKind, TrainConfig } from './runTypes';
import { subset, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(4), 640, 320);
const config: TrainConfig = { dataset: 'synthetic-32', seed: 3, epochs: 4, batchSize: 32, learningRate: 0.01 };
const noHooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };
const schedule = { initial: 0.2, final: 0.8, begin: 10, end: 60, frequency: 10, power: 3 }; // 80 steps in all

/** A gradual pruning run on `ds`: its outcome, every mask update, which steps trained, and the tensors it left. */
async function runGradual(steps?: StepsKind) {
  const data = toDevice(ds);
  const before = tf.memory().numTensors;
  const updates: { step: number; sparsity: number; masks: Uint8Array[] }[] = [];
  const kinds = new Set<string | undefined>();
  const out = await gradualPrune(
    initParams(32, config.seed),
    data,
    config,
    schedule,
    new RunControl(),
    { ...noHooks, onProgress: (p) => kinds.add(p.steps) },
    (step, sparsity, masks) => updates.push({ step, sparsity, masks }),
    steps ? { steps } : {},
  );
  const leaked = tf.memory().numTensors - before;
  disposeDevice(data);
  return { out, updates, kinds: [...kinds], leaked };
}

describe('gradual pruning', () => {
  it('follows the schedule layer by layer, ends with pruned weights exactly 0, leaks nothing', async () => {
    const { out, updates, leaked, kinds } = await runGradual();
    expect(leaked).toBe(0);
    expect(kinds).toEqual(['tfjs']); // the CPU backend's default steps
    expect(out.completed).toBe(true);
    // One update at each step the schedule names, in order, each layer at the scheduled sparsity.
    expect(updates.map((u) => u.step)).toEqual(
      Array.from({ length: 80 }, (_, t) => t).filter((t) => isPruningStep(schedule, t)),
    );
    for (const u of updates) {
      expect(u.sparsity).toBe(scheduledSparsity(schedule, u.step));
      u.masks.forEach((m) =>
        expect(m.length - m.reduce((a, v) => a + v, 0)).toBe(Math.floor(u.sparsity * m.length + 1e-9)),
      );
    }
    // Masks only shrink: a weight pruned stays pruned (it is 0, the smallest magnitude).
    for (let k = 1; k < updates.length; k++)
      updates[k].masks.forEach((m, l) => m.forEach((v, i) => updates[k - 1].masks[l][i] === 0 && expect(v).toBe(0)));
    const last = updates.at(-1)!.masks;
    expect(out.maskViolations).toBe(0);
    out.params!.forEach((p, l) => p.kernel.forEach((w, i) => last[l][i] === 0 && expect(w === 0).toBe(true)));
    // It learned while it was pruned (10 classes: chance is 10 %).
    expect(out.after!.valAcc).toBeGreaterThan(0.3);
  });
});

describe('gradual pruning on the fused steps', () => {
  it('updates the masks in memory at the same steps, to the same counts, as on tfjs; holds them exactly', async () => {
    const run = async (steps: 'fused-wasm' | 'tfjs') => {
      const r = await runGradual(steps);
      expect(r.kinds).toEqual([steps]);
      return r;
    };
    const fused = await run('fused-wasm');
    const ref = await run('tfjs');
    expect(fused.updates.map((u) => u.step)).toEqual(ref.updates.map((u) => u.step));
    fused.updates.forEach((u, k) =>
      u.masks.forEach((m, l) => {
        const r = ref.updates[k].masks[l];
        expect(m.reduce((a, v) => a + v, 0)).toBe(r.reduce((a, v) => a + v, 0));
        // The weights differ by float rounding only: a mask differs at most where two |w| nearly tie.
        expect(m.filter((v, i) => v !== r[i]).length).toBeLessThanOrEqual(Math.ceil(0.005 * m.length));
      }),
    );
    const last = fused.updates.at(-1)!.masks;
    expect(fused.out.maskViolations).toBe(0);
    fused.out.params!.forEach((p, l) => p.kernel.forEach((w, i) => last[l][i] === 0 && expect(w === 0).toBe(true)));
    expect(Math.abs(fused.out.after!.valAcc - ref.out.after!.valAcc)).toBeLessThan(0.02);
  });
});

describe('the on-device magnitude mask', () => {
  it('prunes the ⌊s·n⌋ lowest (|w|, index), ties to the lower index, as the lab’s masks do (property, many ties)', async () => {
    const r = createRng(12);
    const before = tf.memory().numTensors;
    for (let trial = 0; trial < 40; trial++) {
      const inputs = 1 + r.int(9),
        units = 1 + r.int(6);
      const w = Float32Array.from(
        { length: inputs * units },
        () => [-1, -0.5, 0, 0.5, 1, 0.25][r.int(trial % 2 ? 6 : 3)],
      );
      const kernel = tf.tensor2d(w, [inputs, units]);
      for (const s of [0, 0.1, 0.3, 0.5, 0.77, 0.95]) {
        const mask = tf.tidy(() => magnitudeMask(kernel, s));
        const got = await mask.data();
        mask.dispose();
        const index = buildPruneIndex([Float32Array.from(w, Math.abs)], [{ inputs, units }], 'weights');
        const ref = computeMasks(index, { mode: 'sparsity', value: s, scope: 'per-layer', granularity: 'weights' })
          .masks[0];
        expect(Array.from(got), `${inputs}×${units} at ${s}`).toEqual(Array.from(ref));
        // The in-memory mask of the fused steps' gradual pruning: the same.
        expect(Array.from(magnitudeMaskOf(w, s)), `in memory, ${inputs}×${units} at ${s}`).toEqual(Array.from(ref));
      }
      kernel.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
