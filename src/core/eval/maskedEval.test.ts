import { describe, expect, it } from 'vitest';
import { layerShapes, initParams, evaluate, forwardLogits, lossAndAccuracy, createRng } from '../base';
import { scoreLayers, buildPruneIndex, computeMasks } from '../prune';
import { MaskedEvaluator, type EngineChoice } from './maskedEval';

const D = 40;
const N = 300;
function setup(seed: number) {
  const r = createRng(seed);
  const params = initParams(D, seed, layerShapes(D, [16, 8], 5));
  params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.1 * r.normal())));
  // Half the features are zero, like MNIST's background pixels.
  const x = Float32Array.from({ length: N * D }, () => (r.next() < 0.5 ? 0 : r.next()));
  const y = Uint8Array.from({ length: N }, () => r.int(5));
  const stats = params.map((p) => ({
    ...p,
    gradAbsMean: Float32Array.from(p.kernel, () => r.next()),
    gradSqMean: Float32Array.from(p.kernel, () => r.next()),
  }));
  return { params, x, y, stats };
}

function masked(params: ReturnType<typeof setup>['params'], masks: Uint8Array[]) {
  return params.map((p, l) => ({ ...p, kernel: Float64Array.from(p.kernel, (w, i) => (masks[l][i] ? w : 0)) }));
}

describe.each<EngineChoice>(['auto', 'js'])('masked evaluator (%s engine)', (choice) => {
  it('with an all-ones mask reproduces the dense accuracy and loss', () => {
    const { params, x, y } = setup(1);
    const ev = new MaskedEvaluator(params, x, y, N, choice);
    const masks = params.map((p) => new Uint8Array(p.kernel.length).fill(1));
    const got = ev.evaluate(masks);
    const ref = evaluate(params, x, y, N);
    expect(got.accuracy).toBe(ref.accuracy);
    expect(got.loss).toBeCloseTo(ref.loss, 10);
    // Per-class accuracies average back to the overall figure, weighted by class counts.
    const counts = [0, 1, 2, 3, 4].map((c) => y.filter((v) => v === c).length);
    expect(counts.reduce((a, n, c) => a + n * got.perClass[c], 0) / N).toBeCloseTo(got.accuracy, 12);
  });

  it('equals a full pass after random sequences of threshold moves, both directions, small and large', () => {
    for (const seed of [2, 3, 4]) {
      const { params, x, y, stats } = setup(seed);
      const shapes = params.map((p) => ({ inputs: p.inputs, units: p.units }));
      const index = buildPruneIndex(scoreLayers('taylor', stats), shapes, 'weights');
      const ev = new MaskedEvaluator(params, x, y, N, choice);
      const r = createRng(seed);
      let s = 0;
      let incremental = 0;
      const walks = new Set<boolean>();
      for (let move = 0; move < 60; move++) {
        const big = r.next() < 0.2;
        s = Math.min(1, Math.max(0, s + (r.next() - 0.5) * (big ? 1.2 : 0.03)));
        const { masks } = computeMasks(index, { mode: 'sparsity', value: s, scope: 'global', granularity: 'weights' });
        const { result, logits } = ev.logits(masks);
        if (!ev.work.full) incremental++;
        if (!ev.work.full && ev.work.flips > 0) walks.add(ev.work.rowWalk);
        const ref = forwardLogits(masked(params, masks), x, N);
        let maxDiff = 0;
        ref.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - logits[i]))));
        expect(maxDiff).toBeLessThan(1e-5);
        const refLoss = lossAndAccuracy(ref, y, N, 5);
        expect(result.accuracy).toBe(refLoss.accuracy);
        expect(result.loss).toBeCloseTo(refLoss.loss, 6);
      }
      expect(incremental).toBeGreaterThan(30); // most moves took the incremental path
      // Both update orders (columns, rows) were checked; the wasm engine always walks columns.
      expect([...walks].sort()).toEqual(choice === 'js' ? [false, true] : [false]);
    }
  });

  it('takes the incremental path for small moves and a full pass for huge ones', () => {
    const { params, x, y, stats } = setup(5);
    const shapes = params.map((p) => ({ inputs: p.inputs, units: p.units }));
    const index = buildPruneIndex(scoreLayers('magnitude', stats), shapes, 'weights');
    const ev = new MaskedEvaluator(params, x, y, N, choice);
    const at = (s: number) =>
      computeMasks(index, { mode: 'sparsity', value: s, scope: 'global', granularity: 'weights' }).masks;
    ev.evaluate(at(0.3));
    expect(ev.work.full).toBe(true); // first call
    ev.evaluate(at(0.31));
    expect(ev.work).toMatchObject({ full: false });
    expect(ev.work.flips).toBeGreaterThan(0);
    ev.evaluate(at(0.31));
    expect(ev.work).toMatchObject({ full: false, flips: 0 });
    // A jump to 99% flips most weights while few stay live: the full pass is cheaper.
    ev.evaluate(at(0.99));
    expect(ev.work.full).toBe(true);
    ev.evaluate(at(0.985));
    expect(ev.work.full).toBe(false);
  });

  it('neuron-pruned masks give the same result as the smaller network', () => {
    const { params, x, y, stats } = setup(6);
    const shapes = params.map((p) => ({ inputs: p.inputs, units: p.units }));
    const index = buildPruneIndex(scoreLayers('gradient', stats), shapes, 'neurons');
    const res = computeMasks(index, { mode: 'sparsity', value: 0.5, scope: 'per-layer', granularity: 'neurons' });
    const got = new MaskedEvaluator(params, x, y, N, choice).evaluate(res.masks);
    // Build the stripped network by deleting pruned units' columns/rows.
    const keep = [
      Array.from({ length: D }, (_, i) => i),
      ...res.units!.map((u) => [...u.keys()].filter((j) => u[j])),
      [0, 1, 2, 3, 4],
    ];
    const stripped = params.map((p, l) => ({
      inputs: keep[l].length,
      units: keep[l + 1].length,
      kernel: Float64Array.from(keep[l].flatMap((i) => keep[l + 1].map((j) => p.kernel[i * p.units + j]))),
      bias: Float64Array.from(keep[l + 1].map((j) => p.bias[j])),
    }));
    expect(stripped.map((s) => s.units)).toEqual([8, 4, 5]);
    const ref = evaluate(stripped, x, y, N);
    expect(got.accuracy).toBe(ref.accuracy);
    expect(got.loss).toBeCloseTo(ref.loss, 9);
  });
});

describe('evaluation engines', () => {
  it('Node has WebAssembly SIMD, so the evaluator uses the wasm engine by default', () => {
    const { params, x, y } = setup(7);
    expect(new MaskedEvaluator(params, x, y, N).engineKind).toBe('wasm');
    expect(new MaskedEvaluator(params, x, y, N, 'js').engineKind).toBe('js');
  });

  it('wasm and plain-TS engines give bit-identical full passes, with odd layer widths and neuron masks', () => {
    for (const [seed, widths, classes, granularity] of [
      [8, [16, 8], 5, 'weights'],
      [9, [17, 9], 3, 'weights'],
      [10, [33, 7], 10, 'neurons'],
      [11, [1, 2], 7, 'weights'],
    ] as const) {
      const r = createRng(seed);
      const params = initParams(D, seed, layerShapes(D, [...widths], classes));
      params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.1 * r.normal())));
      const x = Float32Array.from({ length: N * D }, () => (r.next() < 0.5 ? 0 : r.next()));
      const y = Uint8Array.from({ length: N }, () => r.int(classes));
      const stats = params.map((p) => ({
        ...p,
        gradAbsMean: Float32Array.from(p.kernel, () => r.next()),
        gradSqMean: Float32Array.from(p.kernel, () => r.next()),
      }));
      const index = buildPruneIndex(
        scoreLayers('magnitude', stats),
        params.map((p) => ({ inputs: p.inputs, units: p.units })),
        granularity,
      );
      const wasm = new MaskedEvaluator(params, x, y, N);
      const js = new MaskedEvaluator(params, x, y, N, 'js');
      expect(wasm.engineKind).toBe('wasm');
      for (const s of [0, 0.2, 0.21, 0.6, 0.95, 0.5, 0.99, 0]) {
        const { masks } = computeMasks(index, {
          mode: 'sparsity',
          value: s,
          scope: granularity === 'neurons' ? 'per-layer' : 'global',
          granularity,
        });
        // From scratch in both (the cost models differ, so incremental histories would round differently).
        wasm.invalidate();
        js.invalidate();
        const a = wasm.logits(masks);
        const b = js.logits(masks);
        expect(wasm.work.full && js.work.full).toBe(true);
        expect(Array.from(a.logits)).toEqual(Array.from(b.logits));
        expect(a.result.loss).toBe(b.result.loss);
        expect(a.result.accuracy).toBe(b.result.accuracy);
      }
    }
  });
});
