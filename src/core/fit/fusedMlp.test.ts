// The fused step against independent computations: its gradients against float64 central differences
// of the loss (base's plain forward pass), its Adam update and live average bit for bit against the
// formulas of tfjs's AdamOptimizer and the trainer evaluated op by op in float32 (Math.fround), masks.
import { describe, expect, it } from 'vitest';
import { createRng, evaluate, type LayerShape } from '../base';
import { createFusedMlp, type FusedLayer } from '.';

/** Random layers of the given widths: kernels ~ N(0, 1 / inputs) (logits of order 1), biases ~ N(0, 0.1²). */
function randomLayers(widths: number[], seed: number): FusedLayer[] {
  const r = createRng(seed);
  return widths.slice(1).map((units, l) => ({
    inputs: widths[l],
    units,
    kernel: Float32Array.from({ length: widths[l] * units }, () => r.normal() / Math.sqrt(widths[l])),
    bias: Float32Array.from({ length: units }, () => 0.1 * r.normal()),
  }));
}

/** `n` rows of `width` features, about half of them exactly 0 (the sparse path), labels < classes. */
function sparseRows(n: number, width: number, classes: number, seed: number) {
  const r = createRng(seed);
  const x = Float32Array.from({ length: n * width }, () => (r.next() < 0.5 ? 0 : r.normal()));
  const y = Uint8Array.from({ length: n }, () => r.int(classes));
  return { x, y, rows: Int32Array.from({ length: n }, (_, i) => n - 1 - i) };
}

/** ∂(mean loss)/∂θ for every kernel and bias entry by float64 central differences (step h). */
function finiteDifferences(layers: FusedLayer[], x: Float32Array, y: Uint8Array, rows: Int32Array, h = 1e-4) {
  const width = layers[0].inputs;
  const bx = new Float64Array(rows.length * width);
  rows.forEach((r, k) => bx.set(x.subarray(r * width, (r + 1) * width), k * width));
  const by = Uint8Array.from(rows, (r) => y[r]);
  const p = layers.map((l) => ({ ...l, kernel: Float64Array.from(l.kernel), bias: Float64Array.from(l.bias) }));
  const loss = () => evaluate(p as unknown as LayerShape[] as never, bx, by, rows.length).loss;
  const diff = (a: Float64Array) =>
    Float64Array.from(a, (v, i) => {
      a[i] = v + h;
      const up = loss();
      a[i] = v - h;
      const down = loss();
      a[i] = v;
      return (up - down) / (2 * h);
    });
  return p.map((l) => ({ kernel: diff(l.kernel), bias: diff(l.bias) }));
}

/** Largest |a − b| / (1e-3 + |b|) over all entries (a float32 gradient against a float64 one). */
function worst(mine: FusedLayer[], ref: { kernel: Float64Array; bias: Float64Array }[]) {
  let w = 0;
  mine.forEach((l, i) =>
    (['kernel', 'bias'] as const).forEach((k) =>
      l[k].forEach((v, j) => (w = Math.max(w, Math.abs(v - ref[i][k][j]) / (1e-3 + Math.abs(ref[i][k][j]))))),
    ),
  );
  return w;
}

describe('fused step: gradients', () => {
  // Widths exercising every code path: padding (3 → 4, 18 → 20, 11 → 12), register blocks of 16 and of 4.
  it.each([
    [[5, 4, 3, 3], 4],
    [[40, 36, 18, 11], 6],
    [[3, 64, 32, 2], 5],
  ])('match float64 central differences (widths %j, batch %i)', (widths, batch) => {
    const layers = randomLayers(widths, 7);
    const { x, y, rows } = sparseRows(batch + 3, widths[0], widths[widths.length - 1], 8);
    const net = createFusedMlp(layers, { learningRate: 0.01 });
    const mine = net.gradients(x, rows, 2, batch, y);
    const ref = finiteDifferences(layers, x, y, rows.subarray(2, 2 + batch));
    // float32 forward and backward: relative errors ~1e-6; central differences with h = 1e-4: ~1e-8
    // (unless h crosses a relu kink, which these seeds do not). A wrong term is off by O(1).
    expect(worst(mine, ref)).toBeLessThan(1e-4);
    // The gradients changed nothing: the step from here equals a fresh network's.
    const fresh = createFusedMlp(layers, { learningRate: 0.01 });
    expect(net.step(x, rows, 2, batch, y, { live: true })).toEqual(fresh.step(x, rows, 2, batch, y, { live: true }));
    expect(net.params()).toEqual(fresh.params());
    expect(net.liveGrads()).toEqual(fresh.liveGrads());
  });

  it('with masks: masked kernel gradients are 0, the rest those of the masked network', () => {
    const layers = randomLayers([6, 20, 9, 4], 3);
    const { x, y, rows } = sparseRows(8, 6, 4, 4);
    const r = createRng(5);
    const masks = layers.map((l) => Uint8Array.from(l.kernel, () => (r.next() < 0.4 ? 0 : 1)));
    const net = createFusedMlp(layers, { learningRate: 0.01 });
    net.setMasks(masks);
    const masked = layers.map((l, i) => ({ ...l, kernel: l.kernel.map((w, j) => w * masks[i][j]) }));
    expect(net.params().map((l) => l.kernel)).toEqual(masked.map((l) => l.kernel));
    const mine = net.gradients(x, rows, 0, 8, y);
    const ref = finiteDifferences(masked, x, y, rows);
    ref.forEach((l, i) => l.kernel.forEach((_, j) => (l.kernel[j] *= masks[i][j])));
    expect(worst(mine, ref)).toBeLessThan(1e-4);
    mine.forEach((l, i) => l.kernel.forEach((g, j) => masks[i][j] === 0 && expect(g === 0).toBe(true)));
  });
});

/** tfjs 4.22's AdamOptimizer.applyGradients for one variable, op by op in float32 (accB* are β^t). */
function adamReference(
  w: Float32Array,
  m: Float32Array,
  v: Float32Array,
  g: Float32Array,
  t: { accB1: number; accB2: number },
) {
  const f = Math.fround;
  const [b1, b2, eps, lr] = [0.9, 0.999, 1e-7, 0.01];
  const c1 = f(1 - t.accB1);
  const c2 = f(1 - t.accB2);
  g.forEach((gi, i) => {
    m[i] = f(f(m[i] * f(b1)) + f(gi * f(1 - b1)));
    v[i] = f(f(v[i] * f(b2)) + f(f(gi * gi) * f(1 - b2)));
    w[i] = f(f(f(f(m[i] / c1) / f(f(Math.sqrt(f(v[i] / c2))) + f(eps))) * f(-lr)) + w[i]);
  });
}

describe('fused step: Adam, masks and the live average', () => {
  it('updates exactly as tfjs AdamOptimizer does in float32, masked weights staying exactly 0', () => {
    const layers = randomLayers([12, 20, 8, 3], 11);
    const { x, y, rows } = sparseRows(30, 12, 3, 12);
    const r = createRng(13);
    const masks = layers.map((l) => Uint8Array.from(l.kernel, () => (r.next() < 0.3 ? 0 : 1)));
    const net = createFusedMlp(layers, { learningRate: 0.01, capacity: 4 });
    net.setMasks(masks);
    // The reference: the same start, each step's gradients from `gradients` (the step's own code).
    const ref = net.params();
    const state = ref.map((l) => ({
      k: [new Float32Array(l.kernel.length), new Float32Array(l.kernel.length)],
      b: [new Float32Array(l.units), new Float32Array(l.units)],
    }));
    const live = ref.map((l) => new Float32Array(l.kernel.length));
    const t = { accB1: Math.fround(0.9), accB2: Math.fround(0.999) };
    const f = Math.fround;
    for (let s = 0; s < 6; s++) {
      const start = (s * 5) % 24;
      const g = net.gradients(x, rows, start, 6, y);
      const withLive = s % 2 === 0;
      const out = net.step(x, rows, start, 6, y, { live: withLive });
      expect(Number.isFinite(out.loss) && out.correct >= 0 && out.correct <= 6).toBe(true);
      ref.forEach((l, i) => {
        adamReference(l.kernel, state[i].k[0], state[i].k[1], g[i].kernel, t);
        adamReference(l.bias, state[i].b[0], state[i].b[1], g[i].bias, t);
        l.kernel.forEach((w, j) => (l.kernel[j] = w * masks[i][j]));
        if (withLive)
          live[i].forEach((a, j) => (live[i][j] = f(f(a * f(0.7)) + f(Math.abs(g[i].kernel[j]) * f(1 - 0.7)))));
      });
      t.accB1 = f(t.accB1 * f(0.9));
      t.accB2 = f(t.accB2 * f(0.999));
    }
    const got = net.params();
    got.forEach((l, i) => {
      expect(l.kernel).toEqual(ref[i].kernel);
      expect(l.bias).toEqual(ref[i].bias);
      l.kernel.forEach((w, j) => masks[i][j] === 0 && expect(w === 0).toBe(true));
    });
    expect(net.liveGrads()).toEqual(live);
    expect(live[0].some((a) => a > 0)).toBe(true);
  });

  it('learns: the loss of a fixed batch falls over steps', () => {
    const layers = randomLayers([10, 16, 8, 3], 21);
    const { x, y, rows } = sparseRows(32, 10, 3, 22);
    const net = createFusedMlp(layers, { learningRate: 0.01 });
    const first = net.step(x, rows, 0, 32, y, { live: false }).loss;
    let last = first;
    for (let s = 0; s < 200; s++) last = net.step(x, rows, 0, 32, y, { live: false }).loss;
    expect(last).toBeLessThan(0.5 * first);
  });
});
