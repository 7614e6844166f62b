/**
 * The fused training step's driver: fit.wat runs a whole mini-batch step of the MLP (relu hidden layers,
 * softmax cross-entropy, Adam exactly as tfjs 4.22's AdamOptimizer with its float32 bias correction,
 * masks held, the live |∂L/∂w| average) in one call; this lays out its memory once and feeds it batches.
 * Kernels are row-major `[inputs, units]` as `LayerParams`. Without WebAssembly SIMD `fusedAvailable()`
 * is false and the caller keeps tfjs.
 */
import { compiledOnce } from '../wasm';
import { FIT_WASM_BASE64 } from './fit.wasm';
import {
  CORRECT_AT,
  HEADER,
  LIVE_DECAY_AT,
  MAX_WIDTH,
  ONES_AT,
  TABLE_AT,
  fitLayout,
  writeTable,
  type FitLayout,
} from './fitLayout';

const fitModule = compiledOnce(FIT_WASM_BASE64);

/** Whether the fused step can run here (WebAssembly with SIMD). */
export const fusedAvailable = (): boolean => fitModule() !== null;

/** A Dense layer: kernel row-major `[inputs, units]`, bias `[units]`. */
export interface FusedLayer {
  inputs: number;
  units: number;
  kernel: Float32Array;
  bias: Float32Array;
}

export interface FusedOptions {
  learningRate: number;
  /** Adam's β1, β2 and ε: Keras' defaults (0.9, 0.999, 1e-7), as the lab's trainer. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Decay of the live |∂L/∂w| average (the trainer's LIVE_GRAD_DECAY, 0.7). */
  liveDecay?: number;
  /** Rows a step or a block of `evaluate` may hold without growing the memory (default 256). */
  capacity?: number;
}

export interface PassResult {
  /** Mean softmax cross-entropy over the rows. */
  loss: number;
  /** Rows whose first arg-max logit is their label. */
  correct: number;
}

export interface FusedMlp {
  /**
   * One Adam step on the rows `rows[start, start + size)` of `x` (row-major `[N, inputs]`, labels `[N]`).
   * `x` is copied into the module once per array (compared by identity): pass the same, unchanged array
   * for a run. `live`: also update the live |∂L/∂w| average with this step's (masked) gradients.
   */
  step(
    x: Float32Array,
    rows: Int32Array,
    start: number,
    size: number,
    labels: Uint8Array,
    opts: { live: boolean },
  ): PassResult;
  /**
   * Masks (one 0/1 array per kernel, `[inputs, units]`, 1 = kept; not kept) or null for none. Masked
   * weights are set to 0 now (as fine-tuning and gradual pruning do when they set a mask), get zero
   * gradients, and are multiplied by their mask after every update (tfjs's path), so they stay exactly 0.
   */
  setMasks(masks: Uint8Array[] | null): void;
  /** The forward pass over the first `n` rows of `x` (row-major `[n, inputs]`): mean loss and correct count. */
  evaluate(x: Float32Array, labels: Uint8Array, n: number): PassResult;
  /** Copies of the current kernels and biases. */
  params(): FusedLayer[];
  /** Copies of the live |∂L/∂w| averages, one per kernel `[inputs, units]`. */
  liveGrads(): Float32Array[];
  /**
   * Test only: the (masked) gradients of the batch's mean loss, kernels and biases, computed by the same
   * code as `step`; nothing changes (weights, moments, averages and the step count are kept).
   */
  gradients(x: Float32Array, rows: Int32Array, start: number, size: number, labels: Uint8Array): FusedLayer[];
  dispose(): void;
}

interface FitExports {
  memory: WebAssembly.Memory;
  step(
    table: number,
    layers: number,
    rowAddr: number,
    n: number,
    labels: number,
    live: number,
    grads: number,
    c1: number,
    c2: number,
  ): number;
  forward(table: number, layers: number, rowAddr: number, n: number, labels: number): number;
}

const f32 = Math.fround;

/**
 * A network on the fused step, from plain parameters (copied). Throws where `fusedAvailable()` is
 * false, or on shapes it does not take: hidden layers and classes at most 256 wide, classes 2 … 255.
 */
export function createFusedMlp(layers: FusedLayer[], opts: FusedOptions): FusedMlp {
  const mod = fitModule();
  if (!mod) throw new Error('The fused training step needs WebAssembly with SIMD, which is not available here');
  if (layers.length === 0) throw new Error('The network has no layers');
  layers.forEach((l, i) => {
    if (i > 0 && l.inputs !== layers[i - 1].units)
      throw new Error(`Layer ${i + 1} takes ${l.inputs} inputs, not ${layers[i - 1].units}`);
    if (!(l.units >= 1 && l.units <= MAX_WIDTH))
      throw new Error(`Layer ${i + 1} has ${l.units} units; the fused step takes 1 to ${MAX_WIDTH}`);
    if (!(l.inputs >= 1)) throw new Error(`Layer ${i + 1} has ${l.inputs} inputs`);
    if (l.kernel.length !== l.inputs * l.units || l.bias.length !== l.units)
      throw new Error(`Layer ${i + 1}'s kernel or bias does not have its shape`);
  });
  const classes = layers[layers.length - 1].units;
  if (classes < 2 || classes > 255) throw new Error(`${classes} classes; the fused step takes 2 to 255`);
  const shapes = layers.map(({ inputs, units }) => ({ inputs, units }));
  const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, liveDecay = 0.7 } = opts;
  const inputs = layers[0].inputs;

  const fit = new WebAssembly.Instance(mod, { m: { exp: Math.exp, log: Math.log } }).exports as unknown as FitExports;
  let layout: FitLayout = fitLayout(shapes, Math.max(1, opts.capacity ?? 256));
  let mem = { f: new Float32Array(0), i: new Int32Array(0), u: new Uint8Array(0) };
  const ensureBytes = (bytes: number) => {
    const have = fit.memory.buffer.byteLength;
    if (bytes > have) fit.memory.grow(Math.ceil((bytes - have) / 65536));
    const b = fit.memory.buffer;
    if (mem.f.buffer !== b) mem = { f: new Float32Array(b), i: new Int32Array(b), u: new Uint8Array(b) };
  };
  ensureBytes(layout.data);
  writeTable(mem.i, mem.f, layout);
  mem.f.set([beta1, f32(1 - beta1), beta2, f32(1 - beta2), epsilon, -opts.learningRate], HEADER.beta1 / 4);
  mem.f.set([liveDecay, f32(1 - liveDecay)], LIVE_DECAY_AT / 4);
  mem.f.fill(1, ONES_AT / 4, ONES_AT / 4 + MAX_WIDTH);
  layout.layers.forEach((at, l) => {
    const { kernel, bias } = layers[l];
    for (let i = 0; i < at.inputs; i++)
      mem.f.set(kernel.subarray(i * at.units, (i + 1) * at.units), at.kernel / 4 + i * at.stride);
    mem.f.set(bias, at.bias / 4);
  });
  // tfjs's accumulated β^t, float32 scalars multiplied once per step: β1^t before step t is accB1.
  let accB1 = f32(beta1);
  let accB2 = f32(beta2);
  let dataX: Float32Array | null = null;
  let disposed = false;

  /** Rows of kernel-shaped arrays at `at` (`[inputs, stride]`) without their padding: `[inputs, units]`. */
  const unpadded = (addr: number, rowsN: number, units: number, stride: number) => {
    const out = new Float32Array(rowsN * units);
    for (let i = 0; i < rowsN; i++)
      out.set(mem.f.subarray(addr / 4 + i * stride, addr / 4 + i * stride + units), i * units);
    return out;
  };
  const setMasks = (masks: Uint8Array[] | null) => {
    if (
      masks &&
      (masks.length !== layers.length || masks.some((m, l) => m.length !== layers[l].inputs * layers[l].units))
    )
      throw new Error('The masks do not match the network: one 0/1 array per kernel, [inputs, units]');
    layout.layers.forEach((at, l) => {
      for (let i = 0; i < at.inputs; i++)
        for (let j = 0; j < at.stride; j++) {
          const keep = j < at.units && (!masks || masks[l][i * at.units + j] !== 0) ? 1 : 0;
          const p = at.mask / 4 + i * at.stride + j;
          mem.f[p] = keep;
          mem.f[at.kernel / 4 + i * at.stride + j] *= keep;
        }
    });
  };
  setMasks(null);

  const alive = () => {
    if (disposed) throw new Error('This fused network was disposed');
  };
  /** Room for `size` rows (grows the memory and moves the batch buffers once, never per step). */
  const ensureCapacity = (size: number) => {
    if (size <= layout.capacity) return;
    layout = fitLayout(shapes, Math.max(size, layout.capacity * 2));
    ensureBytes(layout.data);
    writeTable(mem.i, mem.f, layout);
    dataX = null;
  };
  /** Batch rows and labels into the module; checks every index and label first (nothing changes on a throw). */
  const loadBatch = (x: Float32Array, rows: Int32Array, start: number, size: number, labels: Uint8Array) => {
    alive();
    if (x.length % inputs !== 0) throw new Error(`The features hold ${x.length} values, not rows of ${inputs}`);
    const n = x.length / inputs;
    if (!(Number.isInteger(size) && size >= 1 && Number.isInteger(start) && start >= 0 && start + size <= rows.length))
      throw new Error(`Rows ${start} … ${start + size - 1} are not a batch of the ${rows.length} given`);
    for (let k = start; k < start + size; k++) {
      const r = rows[k];
      if (!(r >= 0 && r < n)) throw new Error(`Row ${r} is not one of the ${n} rows`);
      if (!(labels[r] < classes)) throw new Error(`Row ${r}'s label ${labels[r]} is not one of the ${classes} classes`);
    }
    ensureCapacity(size);
    if (x !== dataX) {
      ensureBytes(layout.data + x.length * 4);
      mem.f.set(x, layout.data / 4);
      dataX = x;
    }
    for (let k = 0; k < size; k++) {
      const r = rows[start + k];
      mem.i[layout.rowAddr / 4 + k] = layout.data + r * inputs * 4;
      mem.u[layout.labels + k] = labels[r];
    }
  };
  const runStep = (size: number, live: boolean, grads: boolean) =>
    fit.step(
      TABLE_AT,
      layers.length,
      layout.rowAddr,
      size,
      layout.labels,
      live ? 1 : 0,
      grads ? 1 : 0,
      f32(1 - accB1),
      f32(1 - accB2),
    );

  return {
    step(x, rows, start, size, labels, { live }) {
      loadBatch(x, rows, start, size, labels);
      const loss = runStep(size, live, false);
      accB1 = f32(accB1 * f32(beta1));
      accB2 = f32(accB2 * f32(beta2));
      return { loss, correct: mem.i[CORRECT_AT / 4] };
    },
    setMasks(masks) {
      alive();
      setMasks(masks);
    },
    evaluate(x, labels, n) {
      alive();
      if (!(Number.isInteger(n) && n >= 1 && x.length >= n * inputs && labels.length >= n))
        throw new Error(`Cannot evaluate ${n} rows of ${inputs} features with ${labels.length} labels`);
      for (let r = 0; r < n; r++)
        if (!(labels[r] < classes))
          throw new Error(`Row ${r}'s label ${labels[r]} is not one of the ${classes} classes`);
      let loss = 0;
      let correct = 0;
      for (let r0 = 0; r0 < n; r0 += layout.capacity) {
        const size = Math.min(layout.capacity, n - r0);
        mem.f.set(x.subarray(r0 * inputs, (r0 + size) * inputs), layout.staging / 4);
        for (let k = 0; k < size; k++) {
          mem.i[layout.rowAddr / 4 + k] = layout.staging + k * inputs * 4;
          mem.u[layout.labels + k] = labels[r0 + k];
        }
        loss += fit.forward(TABLE_AT, layers.length, layout.rowAddr, size, layout.labels);
        correct += mem.i[CORRECT_AT / 4];
      }
      return { loss: loss / n, correct };
    },
    params() {
      alive();
      return layout.layers.map((at) => ({
        inputs: at.inputs,
        units: at.units,
        kernel: unpadded(at.kernel, at.inputs, at.units, at.stride),
        bias: unpadded(at.bias, 1, at.units, at.stride),
      }));
    },
    liveGrads() {
      alive();
      return layout.layers.map((at) => unpadded(at.live, at.inputs, at.units, at.stride));
    },
    gradients(x, rows, start, size, labels) {
      loadBatch(x, rows, start, size, labels);
      // The grads mode writes the gradients over the first moments: keep them and put them back.
      const saved = layout.layers.map((at) => [
        mem.f.slice(at.kernelM / 4, at.kernelV / 4),
        mem.f.slice(at.biasM / 4, at.biasV / 4),
      ]);
      runStep(size, false, true);
      const grads = layout.layers.map((at) => ({
        inputs: at.inputs,
        units: at.units,
        kernel: unpadded(at.kernelM, at.inputs, at.units, at.stride),
        bias: unpadded(at.biasM, 1, at.units, at.stride),
      }));
      layout.layers.forEach((at, l) => (mem.f.set(saved[l][0], at.kernelM / 4), mem.f.set(saved[l][1], at.biasM / 4)));
      return grads;
    },
    dispose() {
      disposed = true;
      dataX = null;
    },
  };
}
