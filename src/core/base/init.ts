import { layerShapes, type LayerParams, type LayerShape } from './arch';
import { createRng, deriveSeed } from './rng';

/**
 * Glorot-uniform kernel (Keras' default): U(-l, l) with l = sqrt(6 / (fanIn + fanOut)).
 * Returns a new Float32Array, row-major `[inputs, units]`.
 */
export function glorotUniform(inputs: number, units: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (inputs + units));
  const k = new Float32Array(inputs * units);
  for (let i = 0; i < k.length; i++) k[i] = rng.uniform(-limit, limit);
  return k;
}

/** Initial parameters for all layers from one seed: Glorot-uniform kernels, zero biases. */
export function initParams(
  inputSize: number,
  seed: number,
  shapes: LayerShape[] = layerShapes(inputSize),
): LayerParams[] {
  return shapes.map((s) => ({
    ...s,
    kernel: glorotUniform(s.inputs, s.units, deriveSeed(seed, `init:${s.name}`)),
    bias: new Float32Array(s.units),
  }));
}
