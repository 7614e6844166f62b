import { describe, expect, it } from 'vitest';
import { forwardLogits, type DenseWeights, createRng, type Rng } from '../base';
import { inferModule, inferNet, type InferNet } from './sparseInfer';

/** Random float32 layers inputs → …widths (Glorot-scaled normal kernels, small normal biases). */
function network(r: Rng, sizes: readonly number[]): DenseWeights[] {
  return sizes.slice(1).map((units, d) => {
    const inputs = sizes[d];
    const scale = Math.sqrt(2 / (inputs + units));
    return {
      inputs,
      units,
      kernel: Float32Array.from({ length: inputs * units }, () => scale * r.normal()),
      bias: Float32Array.from({ length: units }, () => 0.1 * r.normal()),
    };
  });
}

/** Each weight pruned with probability `sparsity` (0: none, 1: all). */
const randomMasks = (r: Rng, layers: readonly DenseWeights[], sparsity: number) =>
  layers.map((l) => Uint8Array.from({ length: l.kernel.length }, () => (r.next() < sparsity ? 0 : 1)));

const masked = (layers: readonly DenseWeights[], masks: readonly Uint8Array[]): DenseWeights[] =>
  layers.map((l, d) => ({ ...l, kernel: Float64Array.from(l.kernel, (w, q) => (masks[d][q] ? w : 0)) }));

/** Inputs like MNIST's: 60% zeros, the rest uniform in [0, 1). */
const inputsOf = (r: Rng, n: number, d: number) =>
  Float32Array.from({ length: n * d }, () => (r.next() < 0.6 ? 0 : r.next()));

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return a.length === b.length ? m : Infinity;
};

/** Largest |a − ref| / (1 + |ref|). */
const relDiff = (a: ArrayLike<number>, ref: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - ref[i]) / (1 + Math.abs(ref[i])));
  return a.length === ref.length ? m : Infinity;
};

function logits(net: InferNet, x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * net.classes);
  net.run(x.subarray(0, n * net.inputs), n, out);
  return out;
}

/** dense and csr on both engines. */
const fourNets = (layers: readonly DenseWeights[], masks: readonly Uint8Array[] | null, maxBatch?: number) => ({
  denseWasm: inferNet(layers, masks, 'dense', { maxBatch }),
  csrWasm: inferNet(layers, masks, 'csr', { maxBatch }),
  denseJs: inferNet(layers, masks, 'dense', { engine: 'js', maxBatch }),
  csrJs: inferNet(layers, masks, 'csr', { engine: 'js', maxBatch }),
});

describe('inferNet', () => {
  it('runs WebAssembly SIMD in Node unless told to use TypeScript', () => {
    const layers = network(createRng(1), [5, 3, 2]);
    expect(inferModule()).not.toBeNull();
    expect(inferModule()).toBe(inferModule()); // compiled once
    expect(inferNet(layers, null, 'csr').engine).toBe('wasm');
    expect(inferNet(layers, null, 'dense', { engine: 'auto' }).engine).toBe('wasm');
    expect(inferNet(layers, null, 'csr', { engine: 'js' }).engine).toBe('js');
  });

  for (const sizes of [
    [32, 64, 32, 10],
    [784, 64, 32, 10],
    [13, 7, 5, 3],
  ]) {
    it(`${sizes.join('→')}: csr = dense = forwardLogits on both engines at every sparsity and batch`, () => {
      const r = createRng(sizes[0] * 7 + sizes.length);
      const layers = network(r, sizes);
      const x = inputsOf(r, 256, sizes[0]);
      for (const sparsity of [0, 0.5, 0.9, 0.99, 1]) {
        const masks = randomMasks(r, layers, sparsity);
        const ref = forwardLogits(masked(layers, masks), x, 256);
        const nets = fourNets(layers, masks);
        const live = masks.reduce((s, m) => s + m.reduce((a, b) => a + b, 0), 0);
        expect(nets.csrWasm.weights).toBe(live);
        expect(nets.csrJs.weights).toBe(live);
        expect(nets.denseWasm.weights).toBe(layers.reduce((s, l) => s + l.inputs * l.units, 0));
        if (sparsity === 1) expect(live).toBe(0);
        const classes = sizes[sizes.length - 1];
        // Largest batch first: a smaller batch must not see what a larger one left in memory.
        for (const n of [256, 7, 4, 3, 1]) {
          const got = Object.fromEntries(Object.entries(nets).map(([k, net]) => [k, logits(net, x, n)])) as Record<
            keyof typeof nets,
            Float32Array
          >;
          const want = ref.subarray(0, n * classes);
          const at = `sparsity ${sparsity}, n ${n}`;
          for (const [k, v] of Object.entries(got))
            expect(relDiff(v, want), `${k} vs forwardLogits, ${at}`).toBeLessThan(1e-4);
          expect(maxDiff(got.csrWasm, got.denseWasm), `csr vs dense (wasm), ${at}`).toBeLessThanOrEqual(1e-5);
          expect(maxDiff(got.csrJs, got.denseJs), `csr vs dense (js), ${at}`).toBeLessThanOrEqual(1e-5);
          expect(maxDiff(got.denseWasm, got.denseJs), `wasm vs js (dense), ${at}`).toBeLessThanOrEqual(1e-5);
          expect(maxDiff(got.csrWasm, got.csrJs), `wasm vs js (csr), ${at}`).toBeLessThanOrEqual(1e-5);
          // Stronger, by construction: the same additions in the same order, so the same float32 numbers.
          for (const v of [got.csrWasm, got.denseJs, got.csrJs])
            expect(maxDiff(v, got.denseWasm), `bit for bit, ${at}`).toBe(0);
        }
      }
    });
  }

  it('applies the masks: pruned logits differ from the unpruned network', () => {
    const r = createRng(5);
    const layers = network(r, [20, 16, 4]);
    const x = inputsOf(r, 8, 20);
    const masks = randomMasks(r, layers, 0.5);
    const unpruned = forwardLogits(layers, x, 8);
    for (const net of Object.values(fourNets(layers, masks)))
      expect(relDiff(logits(net, x, 8), unpruned)).toBeGreaterThan(1e-2);
  });

  it('with masks null: the unpruned network, every weight live, equal to forwardLogits', () => {
    const r = createRng(6);
    const layers = network(r, [784, 64, 32, 10]);
    const x = inputsOf(r, 33, 784);
    const ref = forwardLogits(layers, x, 33);
    for (const net of Object.values(fourNets(layers, null, 64))) {
      expect(net.weights).toBe(784 * 64 + 64 * 32 + 32 * 10);
      for (const n of [33, 2]) expect(relDiff(logits(net, x, n), ref.subarray(0, n * 10))).toBeLessThan(1e-4);
    }
  });

  it('writes n rows of logits and nothing past them; throws RangeError beyond maxBatch or on bad shapes', () => {
    const r = createRng(7);
    const layers = network(r, [9, 6, 3]);
    const x = inputsOf(r, 8, 9);
    for (const net of Object.values(fourNets(layers, randomMasks(r, layers, 0.3), 8))) {
      for (const n of [5, 2, 0]) {
        const out = new Float32Array(8 * 3).fill(42);
        net.run(x, n, out);
        expect(Array.from(out.subarray(n * 3)).every((v) => v === 42)).toBe(true);
        expect(Array.from(out.subarray(0, n * 3)).some((v) => v === 42)).toBe(false);
      }
      expect(() => net.run(x, 8, new Float32Array(24))).not.toThrow();
      expect(() => net.run(new Float32Array(9 * 9), 9, new Float32Array(27))).toThrow(RangeError);
      expect(() => net.run(x, 1.5, new Float32Array(24))).toThrow(RangeError);
      expect(() => net.run(x, 8, new Float32Array(23))).toThrow(RangeError);
    }
    expect(() =>
      inferNet(layers, null, 'csr', { maxBatch: 300 }).run(new Float32Array(9 * 301), 301, new Float32Array(3 * 301)),
    ).toThrow(RangeError);
    expect(() =>
      inferNet(layers, null, 'dense').run(new Float32Array(9 * 257), 257, new Float32Array(3 * 257)),
    ).toThrow(RangeError);
    expect(() => inferNet(layers, [new Uint8Array(54)], 'csr')).toThrow(RangeError);
    expect(() => inferNet(layers, [new Uint8Array(54), new Uint8Array(17)], 'csr')).toThrow(RangeError);
    expect(() => inferNet([layers[1], layers[0]], null, 'dense')).toThrow(RangeError);
    expect(() => inferNet(layers, null, 'dense', { maxBatch: 0 })).toThrow(RangeError);
  });

  it('property: random shapes, masks, sparsities and batches agree with forwardLogits and each other', () => {
    const r = createRng(2024);
    for (let trial = 0; trial < 60; trial++) {
      const sizes = Array.from({ length: 2 + r.int(3) }, () => 1 + r.int(11));
      const layers = network(r, sizes);
      const sparsity = [0, 1, r.next()][r.int(3)];
      const masks = r.next() < 0.2 ? null : randomMasks(r, layers, sparsity);
      const maxBatch = 1 + r.int(13);
      const n = r.int(maxBatch + 1);
      const x = inputsOf(r, n, sizes[0]);
      const ref = forwardLogits(masks ? masked(layers, masks) : layers, x, n);
      const nets = fourNets(layers, masks, maxBatch);
      const a = logits(nets.denseWasm, x, n);
      for (const [k, net] of Object.entries(nets)) {
        const v = logits(net, x, n);
        expect(relDiff(v, ref), `${k}, trial ${trial}: ${sizes.join('→')}, n ${n}`).toBeLessThan(1e-4);
        expect(maxDiff(v, a), `${k} vs dense wasm, trial ${trial}`).toBeLessThanOrEqual(1e-5);
      }
    }
  });
});
