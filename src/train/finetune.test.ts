import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic32 } from '../core/data';
import { initParams } from '../core/base';
import { MaskedEvaluator } from '../core/eval';
import { RunControl } from './control';
import { disposeDevice, toDevice } from './data';
import { finetune } from './finetune';
import { createMlp, readParams } from './model';
import type { TrainConfig } from './runTypes';
import { magnitudeMasks, subset, useCpuBackend } from './testUtil';
import { train } from './trainer';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(4), 800, 400);
const config: TrainConfig = { dataset: 'synthetic-32', seed: 2, epochs: 6, batchSize: 32, learningRate: 0.01 };
const noHooks = { onProgress: () => {}, onEpoch: () => {}, onLiveGrads: () => {} };

describe('masked fine-tuning', () => {
  it('keeps every pruned weight exactly 0, recovers accuracy, and leaks nothing', async () => {
    const data = toDevice(ds);
    const model = createMlp(initParams(32, config.seed));
    await train(model, data, config, { liveGradStats: false }, new RunControl(), noHooks);
    const params = await readParams(model);
    model.dispose();
    const masks = magnitudeMasks(params, 0.9);

    const before = tf.memory().numTensors;
    const out = await finetune(
      params,
      masks,
      data,
      { ...config, epochs: 3, learningRate: 0.001 },
      new RunControl(),
      noHooks,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(out.completed).toBe(true);
    expect(out.maskViolations).toBe(0);
    // (w · 0 may be -0 for a negative w; -0 === 0, and it is zero in every format.)
    out.params!.forEach((p, l) => p.kernel.forEach((w, i) => masks[l][i] === 0 && expect(w === 0).toBe(true)));
    // Kept weights did move.
    expect(out.params![0].kernel.some((w, i) => masks[0][i] === 1 && w !== params[0].kernel[i])).toBe(true);
    expect(out.after!.valAcc).toBeGreaterThan(out.before.valAcc);

    // "before" is the one-shot pruned network: the plain-TS evaluator agrees with tfjs.
    const ev = new MaskedEvaluator(params, ds.val.x, ds.val.y, ds.val.n).evaluate(masks);
    expect(out.before.valAcc).toBeCloseTo(ev.accuracy, 6);
    expect(out.before.valLoss).toBeCloseTo(ev.loss, 4);
    disposeDevice(data);
  });
});
