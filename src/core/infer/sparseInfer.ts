/**
 * Inference of a pruned MLP in float32, dense or sparse, to measure what pruning buys at inference time
 * in one engine: the dense path multiplies the masked kernels in full (pruned weights 0), the CSR path
 * only the live weights (CSR over inputs), one sample at a time below 4 samples and in tiles of 4
 * samples (one f32x4 multiply-add per live weight) from 4 on. Both start every output at its bias and
 * add the inputs in ascending order, so they give the same logits. The arithmetic is WebAssembly SIMD
 * (wasm/infer.wat) where available, else the same kernels in plain TypeScript over the same memory
 * layout, which agree with it bit for bit (every product rounded to float32 before its add).
 */
import type { DenseWeights } from '../base';
import { compiledOnce, INFER_WASM_BASE64 } from '../wasm';
import { jsKernels, type InferKernels } from './inferKernels';

export type InferPath = 'dense' | 'csr';

export interface InferNet {
  readonly path: InferPath;
  readonly engine: 'wasm' | 'js';
  readonly inputs: number;
  readonly classes: number;
  /** Live (stored) weights of the kernels: all for dense, the mask's ones for csr. */
  readonly weights: number;
  /** Logits of n rows of x (row-major [n, inputs], float32) into out (row-major [n, classes]); n ≤ maxBatch. Copies in and out (part of the cost). */
  run(x: Float32Array, n: number, out: Float32Array): void;
}

/** The compiled inference kernels, or null where WebAssembly or its SIMD extension is unavailable. */
export const inferModule = compiledOnce(INFER_WASM_BASE64);

const PAGE = 65536;
const up4 = (k: number) => Math.ceil(k / 4) * 4;

/** One layer's place in memory (byte offsets; 0 = not allocated on this path). */
interface Slot {
  inputs: number;
  units: number;
  /** Row stride of the bias, the dense kernel and the row-major output: units rounded up to 4. */
  stride: number;
  live: number;
  b: number;
  /** Dense masked kernel [inputs, stride]. */
  w: number;
  /** CSR over inputs: ptr i32 [inputs + 1], unit i32 [live], val f32 [live]. */
  ptr: number;
  unit: number;
  val: number;
  /** Row-major output [maxBatch, stride]. */
  out: number;
  /** Tiled output [⌈maxBatch/4⌉, units, 4] (csr only). */
  tile: number;
}

function check(layers: readonly DenseWeights[], masks: readonly Uint8Array[] | null, maxBatch: number): void {
  if (layers.length === 0) throw new RangeError('inferNet: no layers');
  layers.forEach((l, d) => {
    if (l.kernel.length !== l.inputs * l.units || l.bias.length !== l.units)
      throw new RangeError(`inferNet: layer ${d} is not [${l.inputs}, ${l.units}]`);
    if (d > 0 && l.inputs !== layers[d - 1].units)
      throw new RangeError(
        `inferNet: layer ${d} takes ${l.inputs} inputs, layer ${d - 1} gives ${layers[d - 1].units}`,
      );
    if (masks && masks[d]?.length !== l.kernel.length)
      throw new RangeError(`inferNet: mask ${d} does not match its kernel`);
  });
  if (masks && masks.length !== layers.length) throw new RangeError('inferNet: one mask per layer');
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`inferNet: maxBatch ${maxBatch}`);
}

/**
 * A network ready to run. `layers` kernels row-major `[inputs, units]`; `masks` one per layer in the
 * same layout (1 = kept), or null = dense, unpruned; both copied into the net's own memory, not kept.
 * Hidden layers relu, the last linear. The dense path uses the masked kernels (pruned weights 0) in full
 * dense layout. maxBatch default 256. engine 'auto' = WebAssembly SIMD where available, else plain TS;
 * 'js' forces TS. Throws RangeError on shapes that do not chain or masks that do not match.
 */
export function inferNet(
  layers: readonly DenseWeights[],
  masks: readonly Uint8Array[] | null,
  path: InferPath,
  opts: { engine?: 'auto' | 'js'; maxBatch?: number } = {},
): InferNet {
  const maxBatch = opts.maxBatch ?? 256;
  check(layers, masks, maxBatch);
  const module = opts.engine === 'js' ? null : inferModule();
  const rows = up4(maxBatch);
  const csr = path === 'csr';
  let top = 16; // offset 0 stays unused
  const alloc = (bytes: number) => {
    const p = top;
    top += Math.ceil(bytes / 16) * 16;
    return p;
  };
  const slots: Slot[] = layers.map((l, d) => {
    const stride = up4(l.units);
    let live = l.inputs * l.units;
    if (csr && masks) {
      live = 0;
      for (let q = 0; q < masks[d].length; q++) live += masks[d][q] ? 1 : 0;
    }
    return {
      inputs: l.inputs,
      units: l.units,
      stride,
      live,
      b: alloc(stride * 4),
      w: csr ? 0 : alloc(l.inputs * stride * 4),
      ptr: csr ? alloc((l.inputs + 1) * 4) : 0,
      unit: csr ? alloc(live * 4) : 0,
      val: csr ? alloc(live * 4) : 0,
      out: alloc(rows * stride * 4),
      tile: csr ? alloc(rows * l.units * 4) : 0,
    };
  });
  const inputs = layers[0].inputs;
  const classes = layers[layers.length - 1].units;
  const xRows = alloc(rows * inputs * 4);
  const xTiles = csr ? alloc(rows * inputs * 4) : 0;
  const logits = csr ? alloc(rows * classes * 4) : 0;

  let buffer: ArrayBuffer;
  let k: InferKernels;
  if (module) {
    const exports = new WebAssembly.Instance(module, {}).exports as unknown as InferKernels & {
      memory: WebAssembly.Memory;
    };
    const mem = exports.memory;
    if (top > mem.buffer.byteLength) mem.grow(Math.ceil((top - mem.buffer.byteLength) / PAGE));
    buffer = mem.buffer; // taken after the only grow, so it stays valid
    k = exports;
  } else {
    buffer = new ArrayBuffer(top);
    k = jsKernels(buffer);
  }
  const f = new Float32Array(buffer);
  const u = new Int32Array(buffer);
  layers.forEach((l, d) => {
    const s = slots[d];
    const m = masks?.[d];
    for (let j = 0; j < l.units; j++) f[(s.b >> 2) + j] = l.bias[j];
    if (!csr) {
      for (let i = 0; i < l.inputs; i++) {
        for (let j = 0; j < l.units; j++)
          f[(s.w >> 2) + i * s.stride + j] = !m || m[i * l.units + j] ? l.kernel[i * l.units + j] : 0;
      }
      return;
    }
    let c = 0;
    for (let i = 0; i < l.inputs; i++) {
      u[(s.ptr >> 2) + i] = c;
      for (let j = 0; j < l.units; j++) {
        if (m && !m[i * l.units + j]) continue;
        u[(s.unit >> 2) + c] = j;
        f[(s.val >> 2) + c++] = l.kernel[i * l.units + j];
      }
    }
    u[(s.ptr >> 2) + l.inputs] = c;
  });
  const last = slots.length - 1;

  return {
    path,
    engine: module ? 'wasm' : 'js',
    inputs,
    classes,
    weights: slots.reduce((sum, s) => sum + s.live, 0),
    run(x: Float32Array, n: number, out: Float32Array): void {
      if (!Number.isInteger(n) || n < 0 || n > maxBatch)
        throw new RangeError(`InferNet.run: n = ${n}, maxBatch ${maxBatch}`);
      if (x.length < n * inputs || out.length < n * classes)
        throw new RangeError(`InferNet.run: x or out shorter than ${n} rows`);
      f.set(x.subarray(0, n * inputs), xRows >> 2);
      if (!csr || n < 4) {
        let inp = xRows;
        let inStride = inputs;
        slots.forEach((s, d) => {
          const relu = d < last ? 1 : 0;
          if (csr) k.csr(inp, n, s.inputs, inStride, s.ptr, s.unit, s.val, s.b, s.stride, s.out, relu);
          else k.dense(inp, n, s.inputs, inStride, s.w, s.b, s.stride, s.out, relu);
          inp = s.out;
          inStride = s.stride;
        });
        const o = slots[last].out >> 2;
        if (inStride === classes) out.set(f.subarray(o, o + n * classes));
        else for (let r = 0; r < n; r++) out.set(f.subarray(o + r * inStride, o + r * inStride + classes), r * classes);
        return;
      }
      const tiles = Math.ceil(n / 4);
      f.fill(0, (xRows >> 2) + n * inputs, (xRows >> 2) + 4 * tiles * inputs); // the remainder tile's padding samples
      k.toTiles(xRows, tiles, inputs, xTiles);
      let inp = xTiles;
      slots.forEach((s, d) => {
        k.csrTiles(inp, tiles, s.inputs, s.ptr, s.unit, s.val, s.b, s.units, s.tile, d < last ? 1 : 0);
        inp = s.tile;
      });
      k.fromTiles(inp, n, classes, logits);
      out.set(f.subarray(logits >> 2, (logits >> 2) + n * classes));
    },
  };
}
