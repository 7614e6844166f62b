/**
 * Iterative pruning (Han et al. 2015): reach sparsity s in n steps, s_i = 1 − (1 − s)^(i/n), fine-tuning
 * with the mask enforced after each step. Scores are recomputed on the current network before each
 * step (a scoring pass for gradient-based criteria); weights pruned earlier stay pruned (their score is
 * −∞, so they lead the order). Global scope, weight granularity.
 */
import type { LayerParams } from '../core/base';
import { scoreLayers, type Criterion, buildPruneIndex, computeMasks } from '../core/prune';
import { RunControl } from './control';
import { finetune, measure, type FinetuneOutcome } from './finetune';
import { createMlp } from './model';
import type { TrainConfig } from './runTypes';
import { scoreRun } from './fusedScoring';
import type { DeviceData, TrainHooks } from './trainer';

export interface IterativeOptions {
  criterion: Criterion;
  target: number;
  steps: number;
  epochsPerStep: number;
  seed: number;
}

/** The sparsity after step i of n on the way to `target` (geometric: each step prunes the same share of what is left). */
export const stepSparsity = (target: number, i: number, n: number) => 1 - (1 - target) ** (i / n);

/** Current scores (gradient statistics from a fresh scoring pass); pruned weights get −∞. */
async function currentScores(
  params: LayerParams[],
  masks: Uint8Array[] | null,
  data: DeviceData,
  config: TrainConfig,
  o: IterativeOptions,
): Promise<Float32Array[]> {
  let stats = { gradAbsMean: params.map((p) => p.kernel), gradSqMean: params.map((p) => p.kernel) };
  if (o.criterion !== 'magnitude' && o.criterion !== 'random') {
    const model = createMlp(params);
    try {
      const s = await scoreRun(model, data, config.batchSize);
      if (!s) throw new Error('scoring pass stopped');
      stats = s;
    } finally {
      model.dispose();
    }
  }
  const scores = scoreLayers(
    o.criterion,
    params.map((p, l) => ({ ...p, gradAbsMean: stats.gradAbsMean[l], gradSqMean: stats.gradSqMean[l] })),
    o.seed,
  );
  if (masks) scores.forEach((s, l) => s.forEach((_, i) => masks[l][i] === 0 && (s[i] = -Infinity)));
  return scores;
}

export async function iterativePrune(
  trained: LayerParams[],
  data: DeviceData,
  config: TrainConfig,
  o: IterativeOptions,
  control: RunControl,
  hooks: TrainHooks,
): Promise<FinetuneOutcome & { oneShot: Awaited<ReturnType<typeof measure>> }> {
  const t0 = performance.now();
  const shapes = trained.map((p) => ({ inputs: p.inputs, units: p.units }));
  const spec = (value: number) => ({
    mode: 'sparsity' as const,
    value,
    scope: 'global' as const,
    granularity: 'weights' as const,
  });
  // The one-shot network at the same sparsity, for comparison.
  const oneShotMasks = computeMasks(
    buildPruneIndex(await currentScores(trained, null, data, config, o), shapes, 'weights'),
    spec(o.target),
  ).masks;
  const oneShotModel = createMlp(
    trained.map((p, l) => ({ ...p, kernel: p.kernel.map((w, i) => (oneShotMasks[l][i] ? w : 0)) })),
  );
  const oneShot = await measure(oneShotModel, data).finally(() => oneShotModel.dispose());

  let params = trained;
  let masks: Uint8Array[] | null = null;
  let last: FinetuneOutcome | null = null;
  for (let i = 1; i <= o.steps; i++) {
    const scores = await currentScores(params, masks, data, config, o);
    masks = computeMasks(buildPruneIndex(scores, shapes, 'weights'), spec(stepSparsity(o.target, i, o.steps))).masks;
    last = await finetune(params, masks, data, { ...config, epochs: o.epochsPerStep }, control, hooks);
    if (!last.completed || !last.params) return { ...last, oneShot, seconds: (performance.now() - t0) / 1000 };
    params = last.params;
  }
  return { ...last!, before: oneShot, oneShot, seconds: (performance.now() - t0) / 1000 };
}
