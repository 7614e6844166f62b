/**
 * The scoring pass (see `scoring.ts`) on the fused WebAssembly step's gradients, where the fused steps
 * train: the same sweep over the training set in its stored order and the same statistics, the sums kept
 * in float64. tfjs's pass (`scoringPass`) stays the reference (fusedScoring.test.ts).
 */
import { yieldToEventLoop } from '../core/base';
import { createFusedMlp } from '../core/fit';
import type { Dataset } from '../core/data';
import type { DeviceData } from './data';
import { fusedFits } from './fusedSteps';
import { readParams, type Mlp } from './model';
import { scoringPass, type GradStats } from './scoring';

/** The scoring pass of a training run: fused where the fused steps train (the wasm backend), else tfjs's. */
export function scoreRun(
  model: Mlp,
  data: DeviceData,
  batchSize: number,
  shouldStop: () => boolean = () => false,
  onProgress: (done: number, total: number) => void = () => {},
  tfjsOnly = false,
): Promise<GradStats | null> {
  return data.host && !tfjsOnly && fusedFits(model)
    ? fusedScoringPass(model, data.host, batchSize, shouldStop, onProgress)
    : scoringPass(model, data.trainX, data.trainOneHot, batchSize, shouldStop, onProgress);
}

export async function fusedScoringPass(
  model: Mlp,
  host: Dataset,
  batchSize: number,
  shouldStop: () => boolean = () => false,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GradStats | null> {
  const params = await readParams(model);
  const net = createFusedMlp(params, { learningRate: 0, capacity: batchSize });
  const { x, y, n } = host.train;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const abs = params.map((p) => new Float64Array(p.kernel.length));
  const sq = params.map((p) => new Float64Array(p.kernel.length));
  const batches = Math.ceil(n / batchSize);
  try {
    for (let b = 0; b < batches; b++) {
      const start = b * batchSize;
      const grads = net.gradients(x, order, start, Math.min(batchSize, n - start), y);
      grads.forEach((g, l) => {
        const [a, s] = [abs[l], sq[l]];
        for (let i = 0; i < g.kernel.length; i++) {
          const v = g.kernel[i];
          a[i] += Math.abs(v);
          s[i] += v * v;
        }
      });
      if (b % 16 === 15) {
        onProgress(b + 1, batches);
        await yieldToEventLoop();
        if (shouldStop()) return null;
      }
    }
    return {
      gradAbsMean: abs.map((a) => Float32Array.from(a, (v) => v / batches)),
      gradSqMean: sq.map((s) => Float32Array.from(s, (v) => v / batches)),
      batches,
    };
  } finally {
    net.dispose();
  }
}
