/**
 * Where fit.wat's arrays live in its memory (its header comment is the contract): the fixed header, one
 * record per layer in the table, the parameters and optimizer state, then the batch's buffers for up to
 * `capacity` rows, then the cached training features. Byte offsets, every array 16-byte aligned.
 */

/** The header's fields (fit.wat): Adam's constants as float32, the correct count written by a pass. */
export const HEADER = { beta1: 0, oneMinusBeta1: 4, beta2: 8, oneMinusBeta2: 12, epsilon: 16, negLr: 20 } as const;
/** The live average's decay and 1 − decay (float32). */
export const LIVE_DECAY_AT = 24;
export const CORRECT_AT = 32;
/** The address of the bias's input pairs (`onePairs`). */
export const ONE_PAIRS_AT = 36;
/** The scratch row, zeros and ones (256 floats each), then the layer table. */
export const ZEROS_AT = 1088;
export const ONES_AT = 2112;
export const TABLE_AT = 3136;
export const RECORD_BYTES = 80;
/** The widest layer fit.wat's scratch row holds. */
export const MAX_WIDTH = 256;

/** A layer's arrays (byte offsets). Kernel-shaped ones are `[inputs, stride]`, batch ones `[capacity, stride]`. */
export interface LayerAt {
  inputs: number;
  units: number;
  /** units rounded up to a multiple of 16 (fit.wat works in blocks of 16 units; the padding columns are 0). */
  stride: number;
  kernel: number;
  bias: number;
  kernelM: number;
  kernelV: number;
  biasM: number;
  biasV: number;
  mask: number;
  live: number;
  out: number;
  dz: number;
  csrStarts: number;
  csr: number;
  cscStarts: number;
  csc: number;
}

export interface FitLayout {
  layers: LayerAt[];
  capacity: number;
  /** i32 [capacity]: the address of each batch row's features. */
  rowAddr: number;
  /** u8 [capacity]: the batch's labels. */
  labels: number;
  /** f32 [capacity, inputs]: rows copied in for `forward` (the validation pass). */
  staging: number;
  /** (i32 k, f32 1) for k < capacity: the bias's input, 1 on every row. */
  onePairs: number;
  /** Where the cached training features start (the end of everything else). */
  data: number;
}

const align = (n: number) => Math.ceil(n / 16) * 16;

/**
 * The layout for layers of the given shapes and a batch capacity. The parameter part depends on the
 * shapes only, so a larger capacity moves nothing before `rowAddr`.
 */
export function fitLayout(shapes: { inputs: number; units: number }[], capacity: number): FitLayout {
  let at = align(TABLE_AT + RECORD_BYTES * shapes.length);
  const take = (bytes: number) => {
    const start = at;
    at = align(at + bytes);
    return start;
  };
  const params = shapes.map(({ inputs, units }) => {
    const stride = Math.ceil(units / 16) * 16;
    const k = inputs * stride * 4;
    const b = stride * 4;
    return {
      inputs,
      units,
      stride,
      kernel: take(k),
      bias: take(b),
      kernelM: take(k),
      kernelV: take(k),
      biasM: take(b),
      biasV: take(b),
      mask: take(k),
      live: take(k),
    };
  });
  const rowAddr = take(capacity * 4);
  const labels = take(capacity);
  const staging = take(capacity * shapes[0].inputs * 4);
  const onePairs = take(capacity * 8);
  const layers = params.map((p) => ({
    ...p,
    out: take(capacity * p.stride * 4),
    dz: take(capacity * p.stride * 4),
    csrStarts: take((capacity + 1) * 4),
    // One pair more than the most a batch can have: $compact may write one past its end.
    csr: take((capacity * p.inputs + 1) * 8),
    cscStarts: take((p.inputs + 1) * 4),
    csc: take((capacity * p.inputs + 1) * 8),
  }));
  return { layers, capacity, rowAddr, labels, staging, onePairs, data: at };
}

/** Writes the layer table (fit.wat's records) and the bias's input pairs into the module's memory (views of it). */
export function writeTable(i32: Int32Array, f32: Float32Array, layout: FitLayout): void {
  i32[ONE_PAIRS_AT / 4] = layout.onePairs;
  for (let k = 0; k < layout.capacity; k++) {
    i32[layout.onePairs / 4 + 2 * k] = k;
    f32[layout.onePairs / 4 + 2 * k + 1] = 1;
  }
  layout.layers.forEach((l, n) => {
    const fields = [l.inputs, l.stride, l.units, l.kernel, l.bias, l.kernelM, l.kernelV, l.biasM, l.biasV, l.mask];
    fields.push(l.live, l.out, l.dz, l.csrStarts, l.csr, l.cscStarts, l.csc);
    i32.set(fields, (TABLE_AT + n * RECORD_BYTES) / 4);
  });
}
