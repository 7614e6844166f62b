// The evaluation worker's measurements (src/eval/measure.ts) in Node: what they report, not how fast.
import { describe, expect, it } from 'vitest';
import { layerShapes } from '../core/arch';
import { strippedLayers } from '../core/exportFormat';
import { loaderOf, quantizedLayersModelArtifacts } from '../core/exportQuantized';
import { MaskedEvaluator } from '../core/maskedEval';
import { createRng } from '../core/rng';
import { sparseFeatures } from '../core/sparseFeatures';
import { denseRows, measureSizes, measureSpeed } from './measure';

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
  layers.map((l, k) => Uint8Array.from({ length: l.inputs * l.units }, (_, i) => (k === 0 && i % l.units === 0 ? 0 : r.next() < keep ? 1 : 0)));
const quick = { samples: 2, minSampleMs: 0.01 };

describe('measureSpeed', () => {
  it('times dense and CSR at each batch size on the same network (identical logits), the stripped one when asked', () => {
    const masks = masksAt(0.3);
    const points = measureSpeed(layers, masks, denseRows(features, N), 0.7, { ...quick, batches: [1, 8], stripped: true });
    expect(points.map((p) => p.batch)).toEqual([1, 8]);
    const shapes = strippedLayers(layers, masks).layers;
    for (const p of points) {
      expect(p.sparsity).toBe(0.7);
      expect(p.maxDiff).toBeLessThanOrEqual(1e-5);
      for (const t of [p.dense, p.csr, p.stripped!]) expect(t.medianMs).toBeGreaterThan(0);
      expect(p.strippedShapes).toEqual([D, ...shapes.map((l) => l.units)]);
      expect(p.strippedShapes![1]).toBeLessThan(64);
    }
    const plain = measureSpeed(layers, masks, denseRows(features, N), 0.7, { ...quick, batches: [1], stripped: false });
    expect(plain[0].stripped).toBeNull();
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
      'float32/dense/tfjs', 'float16/dense/tfjs', 'int8-layer/dense/tfjs', 'int8-unit/dense/lab',
      'float32/csr/lab', 'float16/csr/lab', 'int8-layer/csr/lab', 'int8-unit/csr/lab',
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
