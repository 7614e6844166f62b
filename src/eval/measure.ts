/**
 * What pruning buys, measured in the evaluation worker: the time of one prediction (batch 1) and of a
 * batch of 256 through the pruned network's sparse (CSR) path against the dense one, in the same
 * engine and on real validation rows; for neuron pruning, also the smaller dense network left after
 * removing the pruned units; and the real size of each export format (raw and gzip) with the validation
 * accuracy of the network each decodes to. Timings interleave the paths, so each ratio is measured in
 * pairs of samples taken together; a curve is measured in rounds (the worker calls `sampleSpeed` once per
 * round and level, then pools them with `speedPoints`); each answer also carries the largest difference
 * between the sparse and dense logits.
 */
import {
  encodeCompact,
  strippedLayers,
  loaderOf,
  quantizedLayersModelArtifacts,
  type TfjsWeightFormat,
  dequantizedLayers,
  WEIGHT_FORMATS,
} from '../core/formats';
import { gzipSize, type DenseWeights } from '../core/base';
import { pairedRatio, sampleInterleaved, timingOf, inferNet } from '../core/infer';
import { MaskedEvaluator, type SparseFeatures, type EvalSplit } from '../core/eval';
import type { SizeRow, SpeedPoint } from './protocol';

/** Rows `[0, n)` of sparse features as a dense row-major float32 matrix `[n, d]`. */
export function denseRows(f: SparseFeatures, n: number): Float32Array {
  const x = new Float32Array(n * f.d);
  for (let r = 0; r < n; r++)
    for (let k = f.rowPtr[r]; k < f.rowPtr[r + 1]; k++) x[r * f.d + f.rowCol[k]] = f.rowVal[k];
  return x;
}

export interface SpeedOptions {
  batches: readonly number[];
  /** Also time the network with the pruned units removed (neuron pruning). */
  stripped: boolean;
  samples: number;
  minSampleMs: number;
}

type PathKey = 'dense' | 'csr' | 'small';

/** One round of speed samples of one mask at one batch size: every path's per-call ms, paired by index. */
export interface SpeedRound {
  batch: number;
  perCall: Partial<Record<PathKey, number[]>>;
  /** Calls per sample, per path: the next round of the same mask reuses them (no calibration). */
  reps: Partial<Record<PathKey, number>>;
  strippedShapes: number[] | null;
  maxDiff: number;
  engine: 'wasm' | 'js';
}

/**
 * One round of samples per batch size for `masks` (kernels row-major `[inputs, units]`, 1 = kept), on the
 * first rows of `x` (row-major `[≥ max batch, inputs]`): dense, CSR and (neurons) the stripped network,
 * interleaved. `reps`: the rounds of an earlier call on the same mask, whose repetitions it reuses.
 * Synchronous: call between yields.
 */
export function sampleSpeed(
  layers: readonly DenseWeights[],
  masks: readonly Uint8Array[],
  x: Float32Array,
  opts: SpeedOptions,
  earlier?: readonly SpeedRound[],
): SpeedRound[] {
  const maxBatch = Math.max(...opts.batches);
  const dense = inferNet(layers, masks, 'dense', { maxBatch });
  const csr = inferNet(layers, masks, 'csr', { maxBatch });
  const stripped = opts.stripped ? strippedLayers(layers, masks) : null;
  const small = stripped ? inferNet(stripped.layers, null, 'dense', { maxBatch }) : null;
  const classes = dense.classes;
  return opts.batches.map((batch) => {
    const outs = {
      dense: new Float32Array(batch * classes),
      csr: new Float32Array(batch * classes),
      small: new Float32Array(batch * classes),
    };
    const fns: Partial<Record<PathKey, () => void>> = {
      dense: () => dense.run(x, batch, outs.dense),
      csr: () => csr.run(x, batch, outs.csr),
    };
    if (small) fns.small = () => small.run(x, batch, outs.small);
    const reps = earlier?.find((r) => r.batch === batch)?.reps as Record<PathKey, number> | undefined;
    const s = sampleInterleaved(fns as Record<PathKey, () => void>, {
      samples: opts.samples,
      minSampleMs: opts.minSampleMs,
      reps,
    });
    let maxDiff = 0;
    for (let i = 0; i < outs.dense.length; i++) maxDiff = Math.max(maxDiff, Math.abs(outs.dense[i] - outs.csr[i]));
    const strippedShapes = stripped ? [stripped.layers[0].inputs, ...stripped.layers.map((l) => l.units)] : null;
    return { batch, perCall: s.perCall, reps: s.reps, strippedShapes, maxDiff, engine: dense.engine };
  });
}

/**
 * A mask's speed points from its rounds (each `sampleSpeed`'s answer for the same mask): every path's
 * samples pooled over the rounds, the speed-ups from the paired samples of each round.
 */
export function speedPoints(rounds: readonly (readonly SpeedRound[])[], sparsity: number): SpeedPoint[] {
  return rounds[0].map(({ batch, strippedShapes, engine }) => {
    const mine = rounds.map((r) => r.find((p) => p.batch === batch)!);
    const pooled = (k: PathKey) => mine.flatMap((r) => r.perCall[k] ?? []);
    const timing = (k: PathKey) => timingOf(pooled(k), mine[mine.length - 1].reps[k] ?? 0);
    const stripped = mine[0].perCall.small ? timing('small') : null;
    return {
      sparsity,
      batch,
      dense: timing('dense'),
      csr: timing('csr'),
      stripped,
      strippedShapes,
      ratio: {
        csr: pairedRatio(pooled('dense'), pooled('csr'), rounds.length),
        stripped: stripped && pairedRatio(pooled('dense'), pooled('small'), rounds.length),
      },
      maxDiff: Math.max(...mine.map((r) => r.maxDiff)),
      engine,
    };
  });
}

/** One speed point per batch size for `masks`, in one round (`sampleSpeed`, then `speedPoints`). Synchronous. */
export function measureSpeed(
  layers: readonly DenseWeights[],
  masks: readonly Uint8Array[],
  x: Float32Array,
  sparsity: number,
  opts: SpeedOptions,
): SpeedPoint[] {
  return speedPoints([sampleSpeed(layers, masks, x, opts)], sparsity);
}

const utf8 = new TextEncoder();

/**
 * Every export format's bytes (the files one deploys: model.json + weights for the formats TensorFlow.js
 * loads, one file for the lab's compact format), gzip-compressed with CompressionStream (each file on its
 * own, as a server sends them), and the validation accuracy of the network the file decodes to.
 */
export async function measureSizes(
  layers: readonly DenseWeights[],
  masks: readonly Uint8Array[],
  val: EvalSplit,
): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const layout of ['dense', 'csr'] as const) {
    for (const format of WEIGHT_FORMATS) {
      const loader = loaderOf(format, layout);
      let files: Uint8Array[];
      if (loader === 'tfjs') {
        const a = quantizedLayersModelArtifacts(layers, masks, format as TfjsWeightFormat);
        files = [utf8.encode(JSON.stringify(a.modelJson)), a.weightData];
      } else {
        files = [encodeCompact(layers, masks, format, layout)];
      }
      let gzipBytes = 0;
      for (const f of files) gzipBytes += await gzipSize(f);
      const decoded = dequantizedLayers(layers, masks, format, layout);
      const accuracy = new MaskedEvaluator(decoded, val.features, val.y, val.n).evaluate(
        masks as Uint8Array[],
      ).accuracy;
      rows.push({
        format,
        layout,
        loader,
        bytes: files.reduce((a, f) => a + f.length, 0),
        gzipBytes,
        valAccuracy: accuracy,
      });
    }
  }
  return rows;
}
