// The evaluation worker's measurements (src/eval/measure.ts) in Node: what they report, not how fast.
import { describe, expect, it } from 'vitest';
import { layerShapes, createRng } from '../core/base';
import { strippedLayers, loaderOf, quantizedLayersModelArtifacts } from '../core/formats';
import { MaskedEvaluator, sparseFeatures } from '../core/eval';
import { denseRows, measureSizes, measureSpeed, sampleSpeed, speedPoints, type SpeedRound } from './measure';

const r = createRng(11);
const D = 24;
const layers = layerShapes(D).map((s) => ({
  ...s,
  kernel: Float32Array.from({ length: s.inputs * s.units }, () => r.normal() * 0.5),
  bias: Float32Array.from({ length: s.units }, () => r.normal() * 0.1),
}));
const N = 40;
const x = Float32Array.from({ length: N * D }, () => (r.next() < 0.4 ? 0 : r.next()));
const y = Uint8Array.from({ length: N }, () => r.int(10));
const features = sparseFeatures(x, N, D);
const val = { features, y, n: N };
/** Every weight kept with probability `keep`; hidden unit 0 of the first layer removed (no weights in). */
const masksAt = (keep: number) =>
  layers.map((l, k) =>
    Uint8Array.from({ length: l.inputs * l.units }, (_, i) =>
      k === 0 && i % l.units === 0 ? 0 : r.next() < keep ? 1 : 0,
    ),
  );
const quick = { samples: 2, minSampleMs: 0.01 };

describe('measureSpeed', () => {
  it('times dense and CSR at each batch size on the same network (identical logits), the stripped one when asked', () => {
    const masks = masksAt(0.3);
    const points = measureSpeed(layers, masks, denseRows(features, N), 0.7, {
      ...quick,
      batches: [1, 8],
      stripped: true,
    });
    expect(points.map((p) => p.batch)).toEqual([1, 8]);
    const shapes = strippedLayers(layers, masks).layers;
    for (const p of points) {
      expect(p.sparsity).toBe(0.7);
      expect(p.maxDiff).toBeLessThanOrEqual(1e-5);
      for (const t of [p.dense, p.csr, p.stripped!]) expect(Number.isFinite(t.medianMs) && t.medianMs > 0).toBe(true);
      // One round of paired samples: each ratio is a dense sample over the CSR (stripped) sample of its round.
      expect(p.ratio.csr).toMatchObject({ samples: 2, rounds: 1 });
      expect(p.ratio.csr.p10).toBeLessThanOrEqual(p.ratio.csr.median);
      expect(p.ratio.stripped!.median).toBeGreaterThan(0);
      expect(p.strippedShapes).toEqual([D, ...shapes.map((l) => l.units)]);
      expect(p.strippedShapes![1]).toBeLessThan(64);
    }
    const plain = measureSpeed(layers, masks, denseRows(features, N), 0.7, { ...quick, batches: [1], stripped: false });
    expect(plain[0].stripped).toBeNull();
  });

  it('measures in rounds: the second reuses the first one’s repetitions; a point pools every round’s pairs', () => {
    const masks = masksAt(0.3);
    const rows = denseRows(features, N);
    const opts = { ...quick, samples: 3, batches: [1, 8], stripped: true };
    const first = sampleSpeed(layers, masks, rows, opts);
    const second = sampleSpeed(layers, masks, rows, opts, first);
    for (const [k, r] of second.entries()) {
      for (const path of ['dense', 'csr', 'small'] as const) {
        expect(r.perCall[path]).toHaveLength(3);
        // Calibration skipped: the same repetitions (doubled only by a too-short sample).
        expect(Math.log2(r.reps[path]! / first[k].reps[path]!) % 1).toBe(0);
        expect(r.reps[path]).toBeGreaterThanOrEqual(first[k].reps[path]!);
      }
    }
    const points = speedPoints([first, second], 0.7);
    expect(
      points.map((p) => [p.batch, p.ratio.csr.samples, p.ratio.csr.rounds, p.ratio.stripped!.samples, p.dense.samples]),
    ).toEqual([
      [1, 6, 2, 6, 6],
      [8, 6, 2, 6, 6],
    ]);
  });

  it('pools hand-made rounds: every path’s times, and the speed-up of each pair (not a ratio of medians)', () => {
    const round = (dense: number[], csr: number[], maxDiff: number): SpeedRound[] => [
      { batch: 1, perCall: { dense, csr }, reps: { dense: 4, csr: 8 }, strippedShapes: null, maxDiff, engine: 'wasm' },
    ];
    // Pairs 2/1, 4/2, 4/1, 4/8: ratios 2, 2, 4, 0.5.
    const [p] = speedPoints([round([2, 4], [1, 2], 0), round([4, 4], [1, 8], 1e-6)], 0.5);
    expect(p.ratio.csr).toEqual({ median: 2, p10: 0.5, p90: 4, samples: 4, rounds: 2 });
    expect(p.ratio.stripped).toBeNull();
    expect(p.stripped).toBeNull();
    // Pooled times: dense 2, 4, 4, 4 (median 4); CSR 1, 1, 2, 8 (median 1.5): their ratio (2.67) is not the pairs' median.
    expect(p.dense).toMatchObject({ medianMs: 4, p10Ms: 2, p90Ms: 4, samples: 4 });
    expect(p.csr).toMatchObject({ medianMs: 1.5, samples: 4 });
    expect(p.maxDiff).toBe(1e-6);
  });

  it('reads the features back densely as they were', () => {
    expect(Array.from(denseRows(features, 3))).toEqual(Array.from(x.subarray(0, 3 * D)));
  });
});

describe('measureSizes', () => {
  it('measures all 8 files; float32 keeps the accuracy exactly; TensorFlow.js rows are model.json + weights', async () => {
    const masks = masksAt(0.2);
    const rows = await measureSizes(layers, masks, val);
    expect(rows.map((row) => `${row.format}/${row.layout}/${row.loader}`)).toEqual([
      'float32/dense/tfjs',
      'float16/dense/tfjs',
      'int8-layer/dense/tfjs',
      'int8-unit/dense/lab',
      'float32/csr/lab',
      'float16/csr/lab',
      'int8-layer/csr/lab',
      'int8-unit/csr/lab',
    ]);
    const exact = new MaskedEvaluator(layers, features, y, N).evaluate(masks).accuracy;
    expect(rows[0].valAccuracy).toBe(exact);
    expect(rows[4].valAccuracy).toBe(exact);
    const a = quantizedLayersModelArtifacts(layers, masks, 'float16');
    expect(rows[1].bytes).toBe(new TextEncoder().encode(JSON.stringify(a.modelJson)).length + a.weightData.length);
    for (const row of rows) expect(row.gzipBytes).toBeGreaterThan(0);
    // 80 % pruned: the zeros compress, and CSR stores a fifth of the values.
    expect(rows[0].gzipBytes).toBeLessThan(rows[0].bytes * 0.6);
    expect(rows[4].bytes).toBeLessThan(rows[0].bytes * 0.6);
    expect(rows[2].bytes).toBeLessThan(rows[1].bytes);
  });

  it('TensorFlow.js loads dense float32, float16 and 8-bit per layer; the lab’s decoder the rest', () => {
    expect(loaderOf('float16', 'dense')).toBe('tfjs');
    expect(loaderOf('int8-unit', 'dense')).toBe('lab');
    expect(loaderOf('float32', 'csr')).toBe('lab');
  });
});
