/**
 * Masked evaluation fast enough for a slider. The first layer's pre-activations Z1 = x·(W1∘M1) + b1
 * are kept between calls (float64, `[units, n]`), so a new mask only costs, for every weight whose mask
 * flipped, `Z1[j, :] ± x[:, i]·w_ij` over the rows where x[:, i] ≠ 0. Later layers are small and are
 * recomputed (sparse over live weights and non-zero activations). A full first-layer pass costs one
 * multiply-add per non-zero feature and live weight of its row; when the flipped weights would cost
 * more than that (e.g. a jump to high sparsity), it does the full pass instead.
 */
import type { DenseWeights } from './mlp';

export interface EvalResult {
  accuracy: number;
  /** Mean softmax cross-entropy. */
  loss: number;
  correct: number;
  n: number;
  /** Accuracy per class (NaN for a class with no samples). */
  perClass: Float64Array;
}

export interface EvalWork {
  /** Weights whose first-layer mask flipped in the last call. */
  flips: number;
  /** Whether the last call recomputed the first layer from scratch. */
  full: boolean;
}

export class MaskedEvaluator {
  readonly n: number;
  readonly classes: number;
  private readonly units1: number;
  /** Features by column (CSC): rows and values of the non-zeros of x[:, i]. */
  private readonly colPtr: Uint32Array;
  private readonly colRow: Uint32Array;
  private readonly colVal: Float32Array;
  /** Features by row (CSR), for full first-layer passes. */
  private readonly rowPtr: Uint32Array;
  private readonly rowCol: Uint32Array;
  private readonly rowVal: Float32Array;
  private readonly z1: Float64Array;
  private mask1: Uint8Array | null = null;
  private readonly hidden: Float64Array[];
  readonly work: EvalWork = { flips: 0, full: false };

  /**
   * @param layers kernels row-major `[inputs, units]` (not mutated; pruning is given by masks)
   * @param x row-major `[n, layers[0].inputs]`, copied into sparse form
   * @param y class ids `[n]`
   */
  constructor(private readonly layers: readonly DenseWeights[], x: ArrayLike<number>, private readonly y: ArrayLike<number>, n: number) {
    const d = layers[0].inputs;
    this.n = n;
    this.units1 = layers[0].units;
    this.classes = layers[layers.length - 1].units;
    let nnz = 0;
    const colCount = new Uint32Array(d);
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) if (x[r * d + i] !== 0) (nnz++, colCount[i]++);
    this.rowPtr = new Uint32Array(n + 1);
    this.rowCol = new Uint32Array(nnz);
    this.rowVal = new Float32Array(nnz);
    this.colPtr = new Uint32Array(d + 1);
    for (let i = 0; i < d; i++) this.colPtr[i + 1] = this.colPtr[i] + colCount[i];
    this.colRow = new Uint32Array(nnz);
    this.colVal = new Float32Array(nnz);
    const fill = this.colPtr.slice(0, d);
    let k = 0;
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < d; i++) {
        const v = x[r * d + i];
        if (v === 0) continue;
        this.rowCol[k] = i;
        this.rowVal[k++] = v;
        this.colRow[fill[i]] = r;
        this.colVal[fill[i]++] = v;
      }
      this.rowPtr[r + 1] = k;
    }
    this.z1 = new Float64Array(this.units1 * n);
    this.hidden = layers.slice(1).map((l) => new Float64Array(l.inputs));
  }

  /** Evaluates the network under `masks` (one per layer, 1 = kept). Masks are read, not kept. */
  evaluate(masks: readonly Uint8Array[]): EvalResult {
    this.updateFirstLayer(masks[0]);
    return this.finish(masks, null);
  }

  /** Like `evaluate`, also returning the logits (row-major `[n, classes]`). */
  logits(masks: readonly Uint8Array[]): { result: EvalResult; logits: Float64Array } {
    this.updateFirstLayer(masks[0]);
    const logits = new Float64Array(this.n * this.classes);
    return { result: this.finish(masks, logits), logits };
  }

  /** Forgets the cached first layer, so the next call is a full pass. */
  invalidate(): void {
    this.mask1 = null;
  }

  private updateFirstLayer(mask: Uint8Array): void {
    const { kernel, bias, units } = this.layers[0];
    const n = this.n;
    const old = this.mask1;
    const inputs = this.layers[0].inputs;
    let flips = 0;
    let incrementalCost = 0;
    let fullCost = 0;
    for (let i = 0; i < inputs; i++) {
      const nnz = this.colPtr[i + 1] - this.colPtr[i];
      for (let j = i * units; j < (i + 1) * units; j++) {
        fullCost += mask[j] * nnz;
        if (old && mask[j] !== old[j]) {
          flips++;
          incrementalCost += nnz;
        }
      }
    }
    this.work.flips = flips;
    this.work.full = !old || incrementalCost > fullCost;
    if (this.work.full) {
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
      const z = this.z1;
      const acc = new Float64Array(units);
      for (let r = 0; r < n; r++) {
        for (let j = 0; j < units; j++) acc[j] = bias[j];
        for (let k = this.rowPtr[r]; k < this.rowPtr[r + 1]; k++) {
          const i = this.rowCol[k];
          const v = this.rowVal[k];
          for (let q = livePtr[i]; q < livePtr[i + 1]; q++) acc[liveCol[q]] += v * liveVal[q];
        }
        for (let j = 0; j < units; j++) z[j * n + r] = acc[j];
      }
      this.mask1 = mask.slice();
      return;
    }
    if (flips === 0) return;
    const z = this.z1;
    const cur = this.mask1!;
    for (let w = 0; w < mask.length; w++) {
      if (mask[w] === cur[w]) continue;
      const i = (w / units) | 0;
      const j = w - i * units;
      const delta = (mask[w] - cur[w]) * kernel[w];
      cur[w] = mask[w];
      if (delta === 0) continue;
      const zj = j * n;
      for (let k = this.colPtr[i]; k < this.colPtr[i + 1]; k++) z[zj + this.colRow[k]] += this.colVal[k] * delta;
    }
  }

  private finish(masks: readonly Uint8Array[], logitsOut: Float64Array | null): EvalResult {
    const n = this.n;
    const later = this.layers.slice(1);
    // Live weights of later layers as CSR (row = input unit), so pruned weights cost nothing.
    const csr = later.map((l, idx) => {
      const m = masks[idx + 1];
      const ptr = new Uint32Array(l.inputs + 1);
      const cols: number[] = [];
      const vals: number[] = [];
      for (let i = 0; i < l.inputs; i++) {
        for (let j = 0; j < l.units; j++) {
          if (m[i * l.units + j]) {
            cols.push(j);
            vals.push(l.kernel[i * l.units + j]);
          }
        }
        ptr[i + 1] = cols.length;
      }
      return { ptr, cols: Uint32Array.from(cols), vals: Float64Array.from(vals) };
    });
    const classes = this.classes;
    const out = new Float64Array(classes);
    const perClassCorrect = new Float64Array(classes);
    const perClassCount = new Float64Array(classes);
    let loss = 0;
    let correct = 0;
    const a1 = this.hidden[0];
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < this.units1; j++) {
        const v = this.z1[j * n + r];
        a1[j] = v > 0 ? v : 0;
      }
      let act = a1;
      later.forEach((l, idx) => {
        const z = idx === later.length - 1 ? out : this.hidden[idx + 1];
        for (let j = 0; j < l.units; j++) z[j] = l.bias[j];
        const { ptr, cols, vals } = csr[idx];
        for (let i = 0; i < l.inputs; i++) {
          const a = act[i];
          if (a === 0) continue;
          for (let k = ptr[i]; k < ptr[i + 1]; k++) z[cols[k]] += a * vals[k];
        }
        if (idx < later.length - 1) for (let j = 0; j < l.units; j++) if (z[j] < 0) z[j] = 0;
        act = z;
      });
      let max = -Infinity;
      let arg = 0;
      for (let c = 0; c < classes; c++) if (out[c] > max) (max = out[c]), (arg = c);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(out[c] - max);
      const label = this.y[r];
      loss += Math.log(sum) + max - out[label];
      perClassCount[label]++;
      if (arg === label) (correct++, perClassCorrect[label]++);
      if (logitsOut) logitsOut.set(out, r * classes);
    }
    const perClass = perClassCorrect.map((c, i) => (perClassCount[i] ? c / perClassCount[i] : NaN));
    return { accuracy: n ? correct / n : NaN, loss: n ? loss / n : NaN, correct, n, perClass };
  }
}
