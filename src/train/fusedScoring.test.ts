// The fused scoring pass against tfjs's (scoring.ts): the same statistics of the same batches. Both are
// means of |g| and g² over the batches of float32 gradients that differ by rounding (≲ 1e-5 relative, see
// fusedParity.test.ts); the sums differ by float32 vs float64 accumulation over 15 batches. Bound: 1e-4
// of the layer's largest value (a wrong term — a missing relu', a batch skipped — moves them by far more).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParams } from '../core/base';
import { makeSynthetic32 } from '../core/data';
import { disposeDevice, toDevice } from './data';
import { fusedScoringPass } from './fusedScoring';
import { createMlp } from './model';
import { scoringPass } from './scoring';
import { subset, useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

const ds = subset(makeSynthetic32(5), 480, 160);

describe('the fused scoring pass', () => {
  it('gives tfjs’s statistics within the bound, and stops when asked', async () => {
    const before = tf.memory().numTensors;
    const data = toDevice(ds);
    const model = createMlp(initParams(32, 9));
    const ref = (await scoringPass(model, data.trainX, data.trainOneHot, 32))!;
    const progress: number[] = [];
    const got = (await fusedScoringPass(
      model,
      ds,
      32,
      () => false,
      (d) => progress.push(d),
    ))!;
    expect(got.batches).toBe(ref.batches);
    expect(progress).toEqual([16].filter((d) => d <= got.batches));
    for (const key of ['gradAbsMean', 'gradSqMean'] as const)
      got[key].forEach((layer, l) => {
        const r = ref[key][l];
        const top = Math.max(...r);
        expect(top).toBeGreaterThan(0);
        layer.forEach((v, i) => expect(Math.abs(v - r[i]), `${key} layer ${l} [${i}]`).toBeLessThanOrEqual(1e-4 * top));
      });
    expect(await fusedScoringPass(model, subset(ds, 480, 10), 8, () => true)).toBeNull();
    model.dispose();
    disposeDevice(data);
    expect(tf.memory().numTensors).toBe(before);
  });
});
