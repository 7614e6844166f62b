/**
 * Masked evaluation fast enough for a slider. The first layer's pre-activations Z1 = x·(W1∘M1) + b1
 * are kept between calls (float64, row-major `[n, units]`), so a new mask only costs, for every weight whose mask
 * flipped, `Z1[j, :] ± x[:, i]·w_ij` over the rows where x[:, i] ≠ 0. Later layers are small and are
 * recomputed for every row. When the flipped weights would cost more than a from-scratch first layer
 * (e.g. a jump to high sparsity), it does the full pass instead. The arithmetic of full passes and
 * later layers is an `EvalEngine`: WebAssembly SIMD where available, else plain TypeScript; both give
 * the same numbers bit for bit.
 */
import { diffPositions } from '../prune';
import { JsEngine, type EvalEngine } from './evalEngine';
import { lossAndAccuracy, type DenseWeights } from '../base';
import { sparseFeatures, type SparseFeatures } from './sparseFeatures';
import { kernelsModule, WasmEngine } from './wasmEngine';

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
  /** Whether the last incremental update walked the rows (many flips) instead of the flipped columns. */
  rowWalk: boolean;
}

/** The WebAssembly engine, or null where it is unavailable or its memory cannot be had (then plain TS). */
function wasmEngine(layers: readonly DenseWeights[], f: SparseFeatures): EvalEngine | null {
  const module = kernelsModule();
  if (!module) return null;
  try {
    return new WasmEngine(module, layers, f);
  } catch {
    return null;
  }
}

/** Which arithmetic to use: WebAssembly SIMD when the runtime has it (`auto`), or plain TypeScript. */
export type EngineChoice = 'auto' | 'js';

export class MaskedEvaluator {
  readonly n: number;
  readonly classes: number;
  private readonly f: SparseFeatures;
  private readonly engine: EvalEngine;
  /** Row-major `[n, classes]` logits of the last call. */
  private readonly out: Float64Array;
  private mask1: Uint8Array | null = null;
  /** Scratch: positions of the first-layer weights whose mask flipped. */
  private flipped: Int32Array | null = null;
  readonly work: EvalWork = { flips: 0, full: false, rowWalk: false };

  /**
   * @param layers kernels row-major `[inputs, units]` (not mutated; pruning is given by masks)
   * @param x row-major `[n, layers[0].inputs]` (copied into sparse form), or features already in that
   *   form, which several evaluators can share
   * @param y class ids `[n]`
   */
  constructor(
    private readonly layers: readonly DenseWeights[],
    x: ArrayLike<number> | SparseFeatures,
    private readonly y: ArrayLike<number>,
    n: number,
    choice: EngineChoice = 'auto',
  ) {
    const d = layers[0].inputs;
    this.n = n;
    this.classes = layers[layers.length - 1].units;
    this.f = 'colPtr' in x ? x : sparseFeatures(x, n, d);
    if (this.f.n !== n || this.f.d !== d)
      throw new RangeError(`features are [${this.f.n}, ${this.f.d}], expected [${n}, ${d}]`);
    this.engine = (choice === 'auto' && wasmEngine(layers, this.f)) || new JsEngine(layers, this.f);
    this.out = new Float64Array(this.classes * n);
  }

  /** The arithmetic in use: WebAssembly SIMD or plain TypeScript. */
  get engineKind(): 'wasm' | 'js' {
    return this.engine.kind;
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
    const { kernel, units } = this.layers[0];
    const old = this.mask1;
    const f = this.f;
    // The flipped weights, in index order (input by input), and what applying them would cost.
    const flipped = (this.flipped ??= new Int32Array(kernel.length));
    const flips = old ? diffPositions(mask, old, flipped) : 0;
    let incrementalCost = 0;
    for (let k = 0; k < flips; k++) {
      const i = (flipped[k] / units) | 0;
      incrementalCost += f.colPtr[i + 1] - f.colPtr[i];
    }
    this.work.flips = flips;
    this.work.full =
      !old || (flips > 0 && incrementalCost > this.engine.fullCost(mask, (i) => f.colPtr[i + 1] - f.colPtr[i]));
    if (this.work.full) {
      this.engine.firstLayer(mask);
      if (this.mask1 && this.mask1.length === mask.length) this.mask1.set(mask);
      else this.mask1 = mask.slice();
      return;
    }
    if (flips === 0) return;
    // The flips grouped by input (CSR over inputs: unit j and signed weight change), in input order.
    const { ptr: fPtr, unit: fUnit, delta: fDelta } = this.engine.flips;
    const cur = old!;
    let c = 0;
    let row = 0; // inputs [0, row) have their pointer written
    fPtr[0] = 0;
    for (let k = 0; k < flips; k++) {
      const w = flipped[k];
      const i = (w / units) | 0;
      while (row < i) fPtr[++row] = c;
      const delta = (mask[w] - cur[w]) * kernel[w];
      cur[w] = mask[w];
      if (delta === 0) continue;
      fUnit[c] = w - i * units;
      fDelta[c++] = delta;
    }
    while (row < this.layers[0].inputs) fPtr[++row] = c;
    this.work.rowWalk = this.engine.applyFlips(incrementalCost);
  }

  private finish(masks: readonly Uint8Array[], logitsOut: Float64Array | null): EvalResult {
    this.engine.later(masks.slice(1), this.out);
    if (logitsOut) logitsOut.set(this.out);
    return { ...lossAndAccuracy(this.out, this.y, this.n, this.classes), n: this.n };
  }
}
