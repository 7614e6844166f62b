/**
 * The layers-format export (exportFormat.ts) with smaller weights, in tfjs' own weight quantisation,
 * which `tf.loadLayersModel` (tfjs 4.22, `decodeWeights`) decodes: a kernel's manifest entry gets
 * `quantization: { dtype: 'float16' }` (2 bytes a value, IEEE binary16 little-endian) or
 * `{ dtype: 'uint8', scale, min }` (1 byte a value q, decoded as q·scale + min in float64, stored as
 * float32), one range per kernel. Biases stay float32. Kernels are row-major `[inputs, units]`; masks
 * one array per layer in that layout, 1 = kept. Pure TypeScript, no tfjs.
 *
 * What tfjs loads equals `dequantizedLayers(layers, masks, format)` (dense layout) exactly. Per-unit
 * int8 and the CSR layouts are not expressible in tfjs' format: see compactFormat.ts.
 */
import {
  layersModelArtifacts,
  type ExportLayer,
  type ExportOptions,
  type LayersModelArtifacts,
  type WeightSpec,
} from './exportFormat';
import {
  BYTES_PER_VALUE,
  kernelAffines,
  maskedKernel,
  quantizedByte,
  toFloat16Bits,
  type Layout,
  type WeightFormat,
} from './quantize';

/** The weight formats tfjs' loader can read. */
export const TFJS_WEIGHT_FORMATS = ['float32', 'float16', 'int8-layer'] as const;
export type TfjsWeightFormat = (typeof TFJS_WEIGHT_FORMATS)[number];

/** Who loads a format: TensorFlow.js (its own weight quantisation: float32, float16, 8-bit per tensor; dense only) or the lab's compact decoder. */
export const loaderOf = (format: WeightFormat, layout: Layout): 'tfjs' | 'lab' =>
  layout === 'dense' && (TFJS_WEIGHT_FORMATS as readonly string[]).includes(format) ? 'tfjs' : 'lab';

/**
 * `model.json` and `weights.bin` as `layersModelArtifacts` writes them, with the kernels stored in
 * `format`: weightData holds, in manifest order, each layer's kernel (4, 2 or 1 bytes a value) then its
 * bias (float32). Pruned weights (mask 0) are written as 0 and decode to exactly +0 (the uint8 range
 * includes 0, with 0 exactly representable). Does not mutate its arguments; throws a RangeError on
 * inconsistent shapes, or for `int8-layer` on a non-finite kernel value.
 */
export function quantizedLayersModelArtifacts(
  layers: readonly ExportLayer[],
  masks: readonly ArrayLike<number>[] | null,
  format: TfjsWeightFormat,
  opts: ExportOptions = {},
): LayersModelArtifacts {
  const plain = layersModelArtifacts(layers, masks, opts);
  if (format === 'float32') return plain;
  const kernels = layers.map((l, k) => maskedKernel(l, masks ? masks[k] : null));
  const affines =
    format === 'int8-layer'
      ? kernels.map((kernel, k) => kernelAffines(kernel, layers[k].units, null, 'int8-layer', 'dense'))
      : null;
  const bytes = layers.reduce((a, l) => a + l.kernel.length * BYTES_PER_VALUE[format] + l.bias.length * 4, 0);
  const weightData = new Uint8Array(bytes);
  const view = new DataView(weightData.buffer);
  let offset = 0;
  layers.forEach((l, k) => {
    const kernel = kernels[k];
    if (affines) {
      for (let i = 0; i < kernel.length; i++) weightData[offset + i] = quantizedByte(kernel[i], affines[k], i, l.units);
      offset += kernel.length;
    } else {
      for (let i = 0; i < kernel.length; i++, offset += 2) view.setUint16(offset, toFloat16Bits(kernel[i]), true);
    }
    for (let j = 0; j < l.bias.length; j++, offset += 4) view.setFloat32(offset, l.bias[j] + 0, true);
  });
  const specs = plain.modelJson.weightsManifest[0].weights.map((spec, s): WeightSpec => {
    if (s % 2 === 1) return spec;
    const a = affines && affines[s / 2][0];
    return { ...spec, quantization: a ? { dtype: 'uint8', scale: a.scale, min: a.min } : { dtype: 'float16' } };
  });
  return {
    modelJson: { ...plain.modelJson, weightsManifest: [{ ...plain.modelJson.weightsManifest[0], weights: specs }] },
    weightData,
  };
}
