// The plain-TS masked evaluator against tfjs `predict` with the masked weights (CPU backend, Node).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreLayers, buildPruneIndex, computeMasks } from '../core/prune';
import { initParams, createRng } from '../core/base';
import { MaskedEvaluator, type EngineChoice } from '../core/eval';
import { createMlp, logits } from './model';
import { useCpuBackend } from './testUtil';

beforeAll(useCpuBackend);

describe.each<EngineChoice>(['auto', 'js'])('masked evaluator (%s engine) vs tfjs', (choice) => {
  it('gives the same logits within 1e-4 on random weights at several sparsities', async () => {
    const r = createRng(21);
    const params = initParams(784, 21);
    params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.1 * r.normal())));
    const n = 100;
    const x = Float32Array.from({ length: n * 784 }, () => (r.next() < 0.8 ? 0 : r.next()));
    const y = Uint8Array.from({ length: n }, () => r.int(10));
    const stats = params.map((p) => ({
      ...p,
      gradAbsMean: Float32Array.from(p.kernel, () => r.next()),
      gradSqMean: Float32Array.from(p.kernel, () => r.next()),
    }));
    const index = buildPruneIndex(
      scoreLayers('obd', stats),
      params.map((p) => ({ inputs: p.inputs, units: p.units })),
      'weights',
    );
    const ev = new MaskedEvaluator(params, x, y, n, choice);
    const xt = tf.tensor2d(x, [n, 784]);
    for (const s of [0, 0.3, 0.31, 0.8, 0.5, 0.95]) {
      const { masks } = computeMasks(index, { mode: 'sparsity', value: s, scope: 'global', granularity: 'weights' });
      const { logits: mine } = ev.logits(masks);
      const model = createMlp(params.map((p, l) => ({ ...p, kernel: p.kernel.map((w, i) => (masks[l][i] ? w : 0)) })));
      const lg = logits(model, xt);
      const theirs = await lg.data();
      let maxDiff = 0;
      mine.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - theirs[i]))));
      expect(maxDiff).toBeLessThan(1e-4);
      lg.dispose();
      model.dispose();
    }
    xt.dispose();
  });
});
