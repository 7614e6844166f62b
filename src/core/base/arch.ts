/**
 * The fixed architecture of the lab: input → Dense 64 relu → Dense 32 relu → Dense 10 softmax.
 * Kernels are stored row-major `[inputs, units]`: weight (i → j) is at `kernel[i * units + j]`.
 */

export const HIDDEN_UNITS = [64, 32] as const;
export const NUM_CLASSES = 10;
export const LAYER_NAMES = ['dense_1', 'dense_2', 'dense_3'] as const;

export interface LayerShape {
  name: string;
  inputs: number;
  units: number;
}

/** The three Dense layers' shapes for a given input width (784 for MNIST, 32 for synthetic-32). */
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
