/**
 * The arithmetic of the masked evaluator, in plain TypeScript: the first layer from scratch over
 * sparse rows, and the later layers over all rows. `wasm/wasmEngine.ts` does the same with WebAssembly
 * SIMD, in the same order of operations (float64), so both give the same numbers bit for bit.
 */
import type { DenseWeights } from '../base';
import type { SparseFeatures } from './sparseFeatures';

/** What `MaskedEvaluator` needs from an engine. */
export interface EvalEngine {
  readonly kind: 'wasm' | 'js';
  /** First-layer pre-activations, row-major `[n, z1Stride]` (columns ≥ units are 0). Written by the evaluator too. */
  readonly z1: Float64Array;
  readonly z1Stride: number;
  /** Relative cost of a from-scratch first layer under `mask`, in scalar multiply-adds (for the cost model). */
  fullCost(mask: Uint8Array, colNnz: (i: number) => number): number;
  /** Recomputes z1 from scratch under `mask` (1 = kept). Mask read, not kept. */
  firstLayer(mask: Uint8Array): void;
  /**
   * Where the evaluator writes the flipped first-layer weights, grouped by input (CSR over inputs):
   * `ptr` `[inputs + 1]`, then for each flip its unit and signed weight change. Room for every weight.
   */
  readonly flips: FlipLists;
  /**
   * z1[r, unit] += x[r, i] · delta for every flip in `flips` and every row with x[r, i] ≠ 0, each entry's
   * updates in input order. `updates` is their number. Returns whether it walked the rows (else the columns).
   */
  applyFlips(updates: number): boolean;
  /** Logits of all rows from z1 through the later layers under `masks` (one per later layer), into `out` `[n, classes]`. */
  later(masks: readonly Uint8Array[], out: Float64Array): void;
}

export interface FlipLists {
  ptr: Int32Array;
  unit: Int32Array;
  delta: Float64Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Caches a value computed from the later layers' masks while those masks do not change. */
export class MaskCache<T> {
  private masks: Uint8Array[] | null = null;
  private value: T | null = null;
  get(masks: readonly Uint8Array[], make: () => T): T {
    if (
      this.masks &&
      this.value !== null &&
      this.masks.length === masks.length &&
      this.masks.every((m, i) => sameBytes(m, masks[i]))
    )
      return this.value;
    this.value = make();
    this.masks = masks.map((m) => m.slice());
    return this.value;
  }
}

/** A masked kernel: dense when mostly live, else CSR over the live weights (row = input unit). */
interface LaterKernel {
  dense: Float64Array | null;
  csr: { ptr: Uint32Array; cols: Uint32Array; vals: Float64Array } | null;
}

function maskedKernel(l: DenseWeights, m: Uint8Array): LaterKernel {
  let live = 0;
  for (let i = 0; i < m.length; i++) live += m[i];
  if (live * 2 >= m.length) {
    const w = new Float64Array(m.length);
    for (let i = 0; i < m.length; i++) if (m[i]) w[i] = l.kernel[i];
    return { dense: w, csr: null };
  }
  const ptr = new Uint32Array(l.inputs + 1);
  const cols = new Uint32Array(live);
  const vals = new Float64Array(live);
  let c = 0;
  for (let i = 0; i < l.inputs; i++) {
    for (let j = 0; j < l.units; j++) {
      const q = i * l.units + j;
      if (m[q]) {
        cols[c] = j;
        vals[c++] = l.kernel[q];
      }
    }
    ptr[i + 1] = c;
  }
  return { dense: null, csr: { ptr, cols, vals } };
}

export class JsEngine implements EvalEngine {
  readonly kind = 'js';
  readonly z1: Float64Array;
  readonly z1Stride: number;
  private readonly kernels = new MaskCache<LaterKernel[]>();
  private readonly buffers: Float64Array[] = [];
  private readonly actOff: Int32Array;
  private readonly actVal: Float64Array;
  readonly flips: FlipLists;

  /** @param layers kernels row-major `[inputs, units]`, not mutated; `f` the first layer's inputs. */
  constructor(
    private readonly layers: readonly DenseWeights[],
    private readonly f: SparseFeatures,
  ) {
    this.z1Stride = layers[0].units;
    this.z1 = new Float64Array(f.n * this.z1Stride);
    const width = Math.max(...layers.slice(1).map((l) => l.inputs));
    this.actOff = new Int32Array(width);
    this.actVal = new Float64Array(width);
    this.flips = {
      ptr: new Int32Array(layers[0].inputs + 1),
      unit: new Int32Array(layers[0].kernel.length),
      delta: new Float64Array(layers[0].kernel.length),
    };
  }

  /** One multiply-add per non-zero feature and live weight of its input row. */
  fullCost(mask: Uint8Array, colNnz: (i: number) => number): number {
    const { inputs, units } = this.layers[0];
    let cost = 0;
    for (let i = 0; i < inputs; i++) {
      let live = 0;
      for (let j = i * units; j < (i + 1) * units; j++) live += mask[j];
      cost += live * colNnz(i);
    }
    return cost;
  }

  firstLayer(mask: Uint8Array): void {
    const { kernel, bias, units, inputs } = this.layers[0];
    // Live weights per input row, so pruned weights cost nothing.
    const livePtr = new Uint32Array(inputs + 1);
    const liveCol = new Uint32Array(mask.length);
    const liveVal = new Float64Array(mask.length);
    let c = 0;
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < units; j++) {
        if (mask[i * units + j]) {
          liveCol[c] = j;
          liveVal[c++] = kernel[i * units + j];
        }
      }
      livePtr[i + 1] = c;
    }
    const { z1: z, f } = this;
    const acc = new Float64Array(units);
    for (let r = 0; r < f.n; r++) {
      for (let j = 0; j < units; j++) acc[j] = bias[j];
      for (let k = f.rowPtr[r]; k < f.rowPtr[r + 1]; k++) {
        const i = f.rowCol[k];
        const v = f.rowVal[k];
        for (let q = livePtr[i]; q < livePtr[i + 1]; q++) acc[liveCol[q]] += v * liveVal[q];
      }
      z.set(acc, r * units);
    }
  }

  applyFlips(updates: number): boolean {
    const { z1: z, f } = this;
    const { ptr: fPtr, unit: fUnit, delta: fDelta } = this.flips;
    const stride = this.z1Stride;
    const inputs = this.layers[0].inputs;
    if (updates < f.nnz) {
      // Fewer updates than non-zero features: walk each flipped weight's input column (its rows).
      for (let i = 0; i < inputs; i++) {
        for (let q = fPtr[i]; q < fPtr[i + 1]; q++) {
          const j = fUnit[q];
          const delta = fDelta[q];
          for (let k = f.colPtr[i]; k < f.colPtr[i + 1]; k++) z[f.colRow[k] * stride + j] += f.colVal[k] * delta;
        }
      }
      return false;
    }
    // Many flips: walk the rows in order, so each row of z1 stays in cache while all its updates land
    // (measured in V8: a 20% move 26 → 16 ms; scattered column walks miss the cache on every update).
    for (let r = 0; r < f.n; r++) {
      const base = r * stride;
      for (let k = f.rowPtr[r]; k < f.rowPtr[r + 1]; k++) {
        const i = f.rowCol[k];
        const end = fPtr[i + 1];
        let q = fPtr[i];
        if (q === end) continue;
        const v = f.rowVal[k];
        for (; q < end; q++) z[base + fUnit[q]] += v * fDelta[q];
      }
    }
    return true;
  }

  later(masks: readonly Uint8Array[], out: Float64Array): void {
    const n = this.f.n;
    const later = this.layers.slice(1);
    const kernels = this.kernels.get(masks, () => later.map((l, i) => maskedKernel(l, masks[i])));
    const { actOff, actVal } = this;
    // Layer by layer over all rows (row-major buffers), so every loop has its constants hoisted.
    // Negative pre-activations are skipped on read, which applies the relu of hidden layers.
    let prev = this.z1;
    let prevWidth = this.z1Stride;
    later.forEach((l, d) => {
      const units = l.units;
      if (d < later.length - 1 && this.buffers[d]?.length !== n * units) this.buffers[d] = new Float64Array(n * units);
      const next = d === later.length - 1 ? out : this.buffers[d];
      const { dense: w, csr: sparse } = kernels[d];
      for (let r = 0; r < n; r++) {
        const zo = r * units;
        const po = r * prevWidth;
        if (w) {
          // The row's positive activations (relu), gathered once for all output blocks.
          let m = 0;
          for (let i = 0; i < prevWidth; i++) {
            const ai = prev[po + i];
            if (ai > 0) {
              actOff[m] = i * units;
              actVal[m++] = ai;
            }
          }
          denseRow(next, zo, l.bias, w, units, actOff, actVal, m);
        } else {
          for (let j = 0; j < units; j++) next[zo + j] = l.bias[j];
          const { ptr, cols, vals } = sparse!;
          for (let i = 0; i < prevWidth; i++) {
            const ai = prev[po + i];
            if (ai > 0) for (let k = ptr[i]; k < ptr[i + 1]; k++) next[zo + cols[k]] += ai * vals[k];
          }
        }
      }
      prev = next;
      prevWidth = units;
    });
  }
}

/**
 * z[zo + j] = b[j] + Σ_t val[t] · w[off[t] + j] for j < units: one output row of a dense layer over the
 * row's m positive inputs (kernel row offsets `off`, values `val`). Outputs are done in blocks of 8 held
 * in locals, so each multiply-add loads one weight and nothing is stored until the block is done: about
 * 2× faster in V8 than accumulating into the output array. Writes z only.
 */
function denseRow(
  z: Float64Array,
  zo: number,
  b: ArrayLike<number>,
  w: Float64Array,
  units: number,
  off: Int32Array,
  val: Float64Array,
  m: number,
): void {
  let j = 0;
  for (; j + 8 <= units; j += 8) {
    let s0 = b[j],
      s1 = b[j + 1],
      s2 = b[j + 2],
      s3 = b[j + 3],
      s4 = b[j + 4],
      s5 = b[j + 5],
      s6 = b[j + 6],
      s7 = b[j + 7];
    for (let t = 0; t < m; t++) {
      const a = val[t];
      const o = off[t] + j;
      s0 += a * w[o];
      s1 += a * w[o + 1];
      s2 += a * w[o + 2];
      s3 += a * w[o + 3];
      s4 += a * w[o + 4];
      s5 += a * w[o + 5];
      s6 += a * w[o + 6];
      s7 += a * w[o + 7];
    }
    z[zo + j] = s0;
    z[zo + j + 1] = s1;
    z[zo + j + 2] = s2;
    z[zo + j + 3] = s3;
    z[zo + j + 4] = s4;
    z[zo + j + 5] = s5;
    z[zo + j + 6] = s6;
    z[zo + j + 7] = s7;
  }
  for (; j < units; j++) {
    let s = b[j];
    for (let t = 0; t < m; t++) s += val[t] * w[off[t] + j];
    z[zo + j] = s;
  }
}
