/**
 * The lab's network: input → 1 to MAX_HIDDEN_LAYERS hidden Dense ReLU layers of 1 to MAX_HIDDEN_UNITS units
 * → Dense softmax over the classes. The default (the article's network, and the pre-trained snapshots')
 * is input → 64 → 32 → 10. Kernels are stored row-major `[inputs, units]`: weight (i → j) is at
 * `kernel[i * units + j]`.
 */

export const HIDDEN_UNITS = [64, 32] as const;
/** The limits of the hidden stack a user may choose (the form, links, run.json). */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_HIDDEN_UNITS = 512;

/**
 * Past this many weights the slider's numbers no longer paint in the frame of the move on the machine
 * the lab is measured on (docs/benchmarks.md, "Other networks"): the Training form says so before Train.
 */
export const LARGE_NETWORK_WEIGHTS = 200_000;

/** The number of weights (kernel entries) of a network of these layers. */
export const weightCount = (inputs: number, hidden: readonly number[], classes: number): number =>
  [inputs, ...hidden, classes].reduce((sum, n, l, sizes) => (l ? sum + sizes[l - 1] * n : 0), 0);

/** The hidden widths of a stack of layers (every layer but the output). */
export const hiddenOf = (layers: readonly { units: number }[]): number[] => layers.slice(0, -1).map((l) => l.units);

/** Whether two hidden stacks are the same. */
export const sameHidden = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Why `hidden` is not a stack the lab takes (1–6 whole widths of 1–512), or null. */
export function hiddenProblem(hidden: readonly unknown[]): string | null {
  if (hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS)
    return `${hidden.length} hidden layers, expected 1 to ${MAX_HIDDEN_LAYERS}`;
  const i = hidden.findIndex((u) => !(Number.isInteger(u) && (u as number) >= 1 && (u as number) <= MAX_HIDDEN_UNITS));
  if (i < 0) return null;
  const u = hidden[i];
  const what = typeof u === 'number' ? `${u} units` : `${u === null ? 'null' : typeof u} as its units`;
  return `hidden layer ${i + 1} has ${what}, expected a whole number from 1 to ${MAX_HIDDEN_UNITS}`;
}
export const NUM_CLASSES = 10;
export const LAYER_NAMES = ['dense_1', 'dense_2', 'dense_3'] as const;

export interface LayerShape {
  name: string;
  inputs: number;
  units: number;
}

/** The Dense layers' shapes for a given input width (784 for MNIST, 32 for synthetic-32), hidden widths and classes. */
export function layerShapes(
  inputSize: number,
  hidden: readonly number[] = HIDDEN_UNITS,
  classes = NUM_CLASSES,
): LayerShape[] {
  const sizes = [inputSize, ...hidden, classes];
  return sizes.slice(1).map((units, l) => ({ name: LAYER_NAMES[l] ?? `dense_${l + 1}`, inputs: sizes[l], units }));
}

/** Dense layer parameters: `kernel` row-major `[inputs, units]`, `bias` `[units]`. */
export interface LayerParams extends LayerShape {
  kernel: Float32Array;
  bias: Float32Array;
}

/** A trained layer with its gradient statistics (mean |∂L/∂w| and mean (∂L/∂w)², kernel-shaped). */
export interface LayerArrays extends LayerParams {
  gradAbsMean: Float32Array;
  gradSqMean: Float32Array;
}
