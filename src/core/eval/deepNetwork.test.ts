/**
 * The engine on networks other than the default 64 → 32: every criterion, scope and granularity's masks,
 * the mask report and the masked evaluator on a 4-hidden-layer network against independent computations
 * (a brute-force ranking written here, the plain-TS forward pass), then properties over random shapes
 * (1 to 6 hidden layers).
 */
import { describe, expect, it } from 'vitest';
import { createRng, evaluate, forwardLogits, initParams, layerShapes, type LayerArrays, type Rng } from '../base';
import {
  CRITERIA,
  computeMasks,
  criterionIndex,
  maskReport,
  scoreLayers,
  type Granularity,
  type Masks,
  type Scope,
} from '../prune';
import { MaskedEvaluator } from './maskedEval';

/** A network of `hidden` layers on `inputs` features and `classes` classes, with data and gradient statistics. */
function network(r: Rng, inputs: number, hidden: number[], classes: number, n: number) {
  const params = initParams(inputs, r.int(1000), layerShapes(inputs, hidden, classes));
  params.forEach((p) => p.bias.forEach((_, j) => (p.bias[j] = 0.1 * r.normal())));
  const layers: LayerArrays[] = params.map((p) => ({
    ...p,
    // Some equal statistics, so that the tie rule matters.
    gradAbsMean: Float32Array.from(p.kernel, () => (r.next() < 0.1 ? 0.5 : r.next())),
    gradSqMean: Float32Array.from(p.kernel, () => r.next() * 1e-3),
  }));
  const x = Float32Array.from({ length: n * inputs }, () => (r.next() < 0.4 ? 0 : r.next()));
  const y = Uint8Array.from({ length: n }, () => r.int(classes));
  return { layers, x, y, n };
}

/**
 * The masks by brute force: every item (a weight, or a hidden unit scored by the float32 mean of its
 * incoming scores) ranked by (score, NaN as −∞; then layer; then index), the lowest pruned — all layers
 * together (global) or each on its own at the same share (per layer); a pruned unit loses its incoming
 * column and its outgoing row.
 */
function bruteMasks(
  scores: Float32Array[],
  shapes: { inputs: number; units: number }[],
  g: Exclude<Granularity, '2:4'>,
  scope: Scope,
  mode: 'threshold' | 'sparsity',
  value: number,
): Masks {
  const groups =
    g === 'weights'
      ? scores.map((s) => Array.from(s))
      : scores.slice(0, -1).map((s, l) => {
          const { inputs, units } = shapes[l];
          return Array.from({ length: units }, (_, j) => {
            let sum = 0;
            for (let i = 0; i < inputs; i++) sum += s[i * units + j];
            return Math.fround(sum / inputs);
          });
        });
  const key = (v: number) => (Number.isNaN(v) ? -Infinity : v);
  const items = groups.flatMap((s, l) => s.map((v, i) => ({ v: key(v), l, i })));
  const total = items.length;
  const below = items.filter((it) => it.v < value).length;
  const k = mode === 'threshold' ? below : Math.floor(value * total + 1e-9);
  const prunedIds = new Set<string>();
  const byRank = (a: { v: number; l: number; i: number }, b: { v: number; l: number; i: number }) =>
    a.v - b.v || a.l - b.l || a.i - b.i;
  if (scope === 'global')
    [...items]
      .sort(byRank)
      .slice(0, k)
      .forEach((it) => prunedIds.add(`${it.l}:${it.i}`));
  else {
    const share = mode === 'threshold' ? k / total : value;
    groups.forEach((_, l) => {
      const own = items.filter((it) => it.l === l).sort(byRank);
      own.slice(0, Math.floor(share * own.length + 1e-9)).forEach((it) => prunedIds.add(`${it.l}:${it.i}`));
    });
  }
  const masks = shapes.map((s) => new Uint8Array(s.inputs * s.units).fill(1));
  for (const id of prunedIds) {
    const [l, i] = id.split(':').map(Number);
    if (g === 'weights') masks[l][i] = 0;
    else {
      const { inputs, units } = shapes[l];
      for (let r = 0; r < inputs; r++) masks[l][r * units + i] = 0;
      for (let c = 0; c < shapes[l + 1].units; c++) masks[l + 1][i * shapes[l + 1].units + c] = 0;
    }
  }
  return masks;
}

const masked = (layers: LayerArrays[], masks: Masks) =>
  layers.map((p, l) => ({ ...p, kernel: Float32Array.from(p.kernel, (w, i) => (masks[l][i] ? w : 0)) }));

describe('the engine on a 4-hidden-layer network (20 → 12 → 9 → 7 → 5 → 4)', () => {
  const r = createRng(44);
  const net = network(r, 20, [12, 9, 7, 5], 4, 200);
  const shapes = net.layers.map(({ inputs, units }) => ({ inputs, units }));

  it('every criterion × scope × granularity × mode prunes exactly what a brute-force ranking prunes', () => {
    for (const criterion of CRITERIA) {
      const scores = scoreLayers(criterion, net.layers, 3);
      for (const granularity of ['weights', 'neurons'] as const) {
        const index = criterionIndex(criterion, net.layers, granularity, 3);
        for (const scope of ['global', 'per-layer'] as const) {
          const sorted = [...index.global.values].filter((v) => Number.isFinite(v));
          const thresholds = [0, sorted[Math.floor(sorted.length / 3)], sorted[sorted.length - 1], Infinity];
          for (const [mode, value] of [
            ...[0, 0.1, 0.37, 0.5, 0.9, 1].map((s) => ['sparsity', s] as const),
            ...thresholds.map((t) => ['threshold', t] as const),
          ]) {
            const where = `${criterion} ${granularity} ${scope} ${mode} ${value}`;
            const got = computeMasks(index, { mode, value, scope, granularity }).masks;
            expect(got, where).toEqual(bruteMasks(scores, shapes, granularity, scope, mode, value));
          }
        }
      }
    }
  });

  it('2:4 prunes at most 2 of every 4 input weights of a unit, all layers, as many as the target asks up to that', () => {
    for (const criterion of CRITERIA) {
      const index = criterionIndex(criterion, net.layers, '2:4', 3);
      for (const s of [0.2, 0.5]) {
        const { masks } = computeMasks(index, { mode: 'sparsity', value: s, scope: 'global', granularity: '2:4' });
        let pruned = 0;
        let prunable = 0; // all but 2 of every group (a last group of 1 or 2 rows: none)
        masks.forEach((m, l) => {
          const { inputs, units } = shapes[l];
          for (let j = 0; j < units; j++)
            for (let b = 0; b < inputs; b += 4) {
              let zeros = 0;
              for (let i = b; i < Math.min(inputs, b + 4); i++) zeros += 1 - m[i * units + j];
              expect(zeros, `${criterion} layer ${l} unit ${j} rows ${b}…`).toBeLessThanOrEqual(2);
              pruned += zeros;
              prunable += Math.max(0, Math.min(4, inputs - b) - 2);
            }
        });
        const total = masks.reduce((a, m) => a + m.length, 0);
        expect(pruned).toBe(Math.min(prunable, Math.floor(s * total + 1e-9)));
      }
    }
  });

  it('the masked evaluator equals the plain forward pass of the masked weights, and the report sees a lost layer', () => {
    const index = criterionIndex('taylor', net.layers, 'weights', 3);
    const ev = new MaskedEvaluator(net.layers, net.x, net.y, net.n, 'auto');
    for (const s of [0, 0.3, 0.6, 0.85, 0.3]) {
      const { masks } = computeMasks(index, { mode: 'sparsity', value: s, scope: 'global', granularity: 'weights' });
      const got = ev.evaluate(masks);
      const ref = evaluate(masked(net.layers, masks), net.x, net.y, net.n);
      expect(got.accuracy, `s = ${s}`).toBe(ref.accuracy);
      expect(got.loss, `s = ${s}`).toBeCloseTo(ref.loss, 5);
    }
    // The third hidden layer pruned whole: no path from the inputs to the outputs.
    const masks = shapes.map((sh, l) => new Uint8Array(sh.inputs * sh.units).fill(l === 2 ? 0 : 1));
    const report = maskReport(masks, shapes);
    expect(report.layers.map((l) => l.collapsed)).toEqual([false, false, true, false, false]);
    expect(report.collapse).toBe(true);
    const logits = forwardLogits(masked(net.layers, masks), net.x, net.n);
    const first = Array.from(logits.subarray(0, 4));
    for (let k = 1; k < net.n; k++) expect(Array.from(logits.subarray(4 * k, 4 * k + 4))).toEqual(first); // one answer for all
  });
});

describe('properties over random shapes (1 to 6 hidden layers of 1 to 24 units)', () => {
  it('masks follow the brute-force ranking, the pruned count grows with the target, the evaluator is the forward pass', () => {
    const r = createRng(2028);
    for (let trial = 0; trial < 40; trial++) {
      const hidden = Array.from({ length: 1 + r.int(6) }, () => 1 + r.int(24));
      const inputs = 1 + r.int(30);
      const classes = 2 + r.int(5);
      const net = network(r, inputs, hidden, classes, 60);
      const shapes = net.layers.map(({ inputs: i, units }) => ({ inputs: i, units }));
      const criterion = CRITERIA[r.int(CRITERIA.length)];
      const granularity = (['weights', 'neurons'] as const)[r.int(2)];
      const scope = (['global', 'per-layer'] as const)[r.int(2)];
      const where = `${inputs} → ${hidden.join(' → ')} → ${classes}, ${criterion} ${granularity} ${scope}`;
      const index = criterionIndex(criterion, net.layers, granularity, trial);
      const scores = scoreLayers(criterion, net.layers, trial);
      const ev = new MaskedEvaluator(net.layers, net.x, net.y, net.n, 'auto');
      let last = -1;
      for (const s of [0, 0.25, 0.5, 0.75, 0.99]) {
        const spec = { mode: 'sparsity' as const, value: s, scope, granularity };
        const { masks } = computeMasks(index, spec);
        expect(masks, `${where} s = ${s}`).toEqual(bruteMasks(scores, shapes, granularity, scope, 'sparsity', s));
        expect(masks.map((m) => m.length)).toEqual(shapes.map((sh) => sh.inputs * sh.units));
        const pruned = masks.reduce((a, m) => a + m.reduce((b, v) => b + 1 - v, 0), 0);
        expect(pruned, where).toBeGreaterThanOrEqual(last);
        last = pruned;
        const got = ev.evaluate(masks);
        const ref = evaluate(masked(net.layers, masks), net.x, net.y, net.n);
        expect(got.accuracy, `${where} s = ${s}`).toBe(ref.accuracy);
        expect(got.loss, `${where} s = ${s}`).toBeCloseTo(ref.loss, 4);
      }
    }
  });
});
