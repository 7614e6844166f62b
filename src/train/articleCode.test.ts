import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic32 } from '../core/data';
import { initParams } from '../core/base';
import { runArticleCode } from './articleCode';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { finetune } from './finetune';
import { createMlp, readParams } from './model';
import type { TrainConfig } from './runTypes';
import { magnitudeMasks, subset, useCpuBackend } from './testUtil';
import { train } from './trainer';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(4), 600, 300);
const config: TrainConfig = { dataset: 'synthetic-32', seed: 3, epochs: 4, batchSize: 32, learningRate: 0.01 };
const noHooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };

async function trained() {
  const data = toDevice(ds);
  const model = createMlp(initParams(32, config.seed));
  await train(model, data, config, { liveGradStats: false }, new RunControl(), noHooks);
  return { data, model };
}

describe("the source article's code, run as written", () => {
  it('its gradient (of the summed softmax outputs) is zero, the loss gradient is not; its pruning changes nothing', async () => {
    const { data, model } = await trained();
    const tensors = tf.memory().numTensors;
    const out = await runArticleCode(model, data, 0.01);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(out.articleMaxAbs).toHaveLength(3);
    // Exactly 0 in exact arithmetic; float32 rounding of Σ softmax (1 ± 6e-8 per sample) leaves ~1e-6
    // summed over 600 samples, thousands of times smaller than the loss gradient of every layer.
    out.articleMaxAbs.forEach((g, l) => {
      expect(g).toBeLessThan(1e-5);
      expect(g).toBeLessThan(1e-3 * out.lossMaxAbs[l]);
    });
    for (const g of out.lossMaxAbs) expect(g).toBeGreaterThan(1e-3);
    // Every parameter is "below T" for the article, so it would prune all of them, and changes none.
    expect(out.parameters).toBe(32 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10);
    expect(out.belowT).toBe(out.parameters);
    expect(out.changed).toBe(0);
    expect(out.after).toEqual(out.before);
    // A finite-difference check of the article's quantity: Σ softmax is the number of samples whatever w is.
    const sum = (m: typeof model) =>
      tf.tidy(
        () =>
          tf
            .sum(
              tf.softmax(
                tf.add(
                  tf.matMul(
                    tf.relu(
                      tf.add(
                        tf.matMul(
                          tf.relu(tf.add(tf.matMul(data.trainX, m.layers[0].kernel), m.layers[0].bias)),
                          m.layers[1].kernel,
                        ),
                        m.layers[1].bias,
                      ),
                    ),
                    m.layers[2].kernel,
                  ),
                  m.layers[2].bias,
                ),
              ),
            )
            .arraySync() as number,
      );
    const p = await readParams(model);
    const shifted = createMlp(p.map((l) => ({ ...l, kernel: l.kernel.map((w, i) => (i % 7 === 0 ? w + 0.05 : w)) })));
    expect(Math.abs(sum(shifted) - sum(model))).toBeLessThan(0.05);
    expect(sum(model)).toBeCloseTo(600, 1);
    shifted.dispose();
    model.dispose();
    disposeDevice(data);
  });

  it("fine-tuning without the mask (the article's model.fit) regrows pruned weights; with it none", async () => {
    const { data, model } = await trained();
    const params = await readParams(model);
    model.dispose();
    const masks = magnitudeMasks(params, 0.8);
    const pruned = masks.reduce((a, m) => a + m.filter((v) => v === 0).length, 0);
    const ft = { ...config, epochs: 1, learningRate: 0.001 };
    const free = await finetune(params, masks, data, ft, new RunControl(), noHooks, false);
    const held = await finetune(params, masks, data, ft, new RunControl(), noHooks);
    expect(held.maskViolations).toBe(0);
    expect(free.maskViolations).toBeGreaterThan(pruned / 2); // Adam moves nearly every zeroed weight off 0
    expect(free.before).toEqual(held.before); // the same pruned network before
    disposeDevice(data);
  });
});
