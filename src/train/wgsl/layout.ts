/**
 * Where the fused WebGPU step keeps things (the contract between `gpuMlp.ts` and the WGSL of
 * `forward.ts`, `backward.ts`): every layer's kernel then bias in one flat array of parameters, and the
 * same layout for the gradients, Adam's two moments, the masks (1 for biases) and the live average; the
 * step's header (a uniform buffer); the statistics buffer (counts, sums, the ring of batch losses).
 */
import type { LayerShape } from '../../core/base';

/** A layer's shape and the offsets (in floats) of its kernel (row-major `[inputs, units]`) and bias. */
export interface LayerAt extends LayerShape {
  kernel: number;
  bias: number;
}

export interface NetLayout {
  layers: LayerAt[];
  /** Parameters in all (kernels and biases). */
  size: number;
}

export function netLayout(shapes: LayerShape[]): NetLayout {
  // Every kernel and bias starts on a multiple of 4 floats, so the shaders can read them as vec4 (the gaps stay 0).
  const up = (n: number) => Math.ceil(n / 4) * 4;
  let at = 0;
  const layers = shapes.map((s) => {
    const kernel = at;
    const bias = (at = up(at + s.inputs * s.units));
    at = up(at + s.units);
    return { name: s.name, inputs: s.inputs, units: s.units, kernel, bias };
  });
  return { layers, size: at };
}

/**
 * The header, 8 words, written before each submit: the first row (`start`, an index into the index
 * buffer), the rows (`size`), whether this step updates the live average, the mode (0: a training step,
 * 1: a validation chunk), then Adam's 1 − β1ᵗ and 1 − β2ᵗ and the learning rate (float32).
 */
export const HEADER_WORDS = 8;
export const HEADER_WGSL = `struct Header { start: u32, size: u32, live: u32, mode: u32, c1: f32, c2: f32, lr: f32, pad: f32 }`;

/**
 * The statistics buffer (u32 words; the sums are float32 bits): steps taken, the epoch's correct count
 * and loss sum (Σ batch loss × rows, as tfjs's loop keeps it), the validation pass's correct count and
 * loss sum, then the ring of the last RING batch losses (step s at s mod RING).
 */
export const STAT = { count: 0, correct: 1, lossSum: 2, valCorrect: 3, valLoss: 4, ring: 8 } as const;
export const RING = 256;
export const STAT_WORDS = STAT.ring + RING;

/**
 * The hidden layers' forward pass: workgroups of FORWARD_WG invocations, each computing one row ×
 * FORWARD_VECS vec4s of units.
 */
export const FORWARD_WG = 64;
export const FORWARD_VECS = 2;
/** The backward passes' kernel gradient: an invocation computes 4 inputs × BACKWARD_VECS vec4s of units. */
export const BACKWARD_VECS = 4;
/**
 * The first layer's row masks, set by its forward pass and read by its backward pass in the same step:
 * for each group of `groupSize(inputs)` inputs, `maskWords(batch)` u32 words with bit b set where the
 * step's row b has a nonzero input in the group. Adam (the step's last pass) clears them.
 */
export const groupSize = (inputs: number): number => (inputs % 4 === 0 ? 4 : 1);
export const maskWords = (batch: number): number => Math.ceil(batch / 32);

/** Workgroup size of the flat passes (backward, Adam) and of the loss pass. */
export const FLAT_WG = 256;
export const LOSS_WG = 64;
/** The widest layer the forward pass holds (one invocation per unit), and the most classes. */
export const MAX_UNITS = 256;
export const MAX_CLASSES = 64;
/** Rows per validation chunk. */
export const EVAL_CHUNK = 256;

/** A float32 constant as a WGSL literal (9 significant digits name a float32 exactly). */
export const f32 = (x: number): string => {
  const s = Math.fround(x).toPrecision(9);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
};

/**
 * WGSL of `fn rowAt(b: u32) -> u32`, the offset of row `b`'s first input: a row of the dataset picked by
 * the index buffer (`idx`, from `h.start`) for the first layer, else row `b` of the previous activations.
 */
export const rowAt = (layer: number, inputs: number): string =>
  layer === 0
    ? `fn rowAt(b: u32) -> u32 { return idx[h.start + b] * ${inputs}u; }`
    : `fn rowAt(b: u32) -> u32 { return b * ${inputs}u; }`;

/** Lines `line(0) … line(n − 1)`: a loop unrolled in the generated WGSL (registers, not an indexed array). */
export const unrolled = (n: number, line: (r: number) => string): string =>
  Array.from({ length: n }, (_, r) => line(r)).join('\n');
