/**
 * Export of the (pruned) MLP in the TensorFlow.js layers format: a `model.json` object plus the binary
 * `weights.bin`, loadable with `tf.loadLayersModel` (tfjs 4.22). Pure TypeScript, no tfjs: the JSON is
 * the one tfjs-layers 4.22 itself writes for `tf.sequential([tf.layers.dense(...) ×3])` (checked by
 * `src/train/exportModel.test.ts`). Kernels are row-major `[inputs, units]`: weight i → j is at
 * `kernel[i * units + j]`, the same layout tfjs uses for a Dense kernel of shape `[inputs, units]`.
 * Masks are one Uint8Array per layer in the kernel's layout, 1 = kept, 0 = pruned.
 */
import type { DenseWeights } from '../base';

/** A Dense layer to export. `name` defaults to `dense_<l+1>`; it prefixes the weight names. */
export interface ExportLayer extends DenseWeights {
  name?: string;
}

export interface ExportOptions {
  /** Name of the Sequential model (default `sequential_1`, what tfjs gives the first model). */
  modelName?: string;
  /** Weights file name written into the manifest (default `weights.bin`, relative to `model.json`). */
  weightsPath?: string;
  /** `generatedBy` field (informational; default `Gradient Pruning Lab`). */
  generatedBy?: string;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
  /** tfjs' weight quantisation (exportQuantized.ts): the stored bytes are float16 or uint8 `q` (value = q·scale + min). */
  quantization?: { dtype: 'float16' } | { dtype: 'uint8'; scale: number; min: number };
}

/** Contents of `model.json`, key order as tfjs' own `getModelJSONForModelArtifacts`. */
export interface LayersModelJson {
  modelTopology: {
    class_name: 'Sequential';
    config: { name: string; layers: { class_name: 'Dense'; config: Record<string, unknown> }[] };
    keras_version: string;
    backend: 'tensor_flow.js';
  };
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

export interface LayersModelArtifacts {
  modelJson: LayersModelJson;
  /** Little-endian float32: kernel then bias of each layer, in manifest order. A fresh buffer. */
  weightData: Uint8Array;
}

/** The tfjs-layers version whose serialisation this module reproduces. */
export const TFJS_LAYERS_VERSION = '4.22.0';

/** The config tfjs-layers 4.22 writes for `tf.layers.dense({ units, activation, name })`. */
function denseConfig(
  name: string,
  units: number,
  activation: 'relu' | 'softmax',
  inputs: number | null,
): Record<string, unknown> {
  return {
    units,
    activation,
    use_bias: true,
    kernel_initializer: {
      class_name: 'VarianceScaling',
      config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null },
    },
    bias_initializer: { class_name: 'Zeros', config: {} },
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    name,
    trainable: true,
    ...(inputs === null ? {} : { batch_input_shape: [null, inputs], dtype: 'float32' }),
  };
}

/** Throws a RangeError unless the layers chain and every array (and mask) has its layer's size. */
export function checkLayers(layers: readonly ExportLayer[], masks: readonly ArrayLike<number>[] | null): void {
  if (layers.length === 0) throw new RangeError('no layers to export');
  if (masks && masks.length !== layers.length)
    throw new RangeError(`${masks.length} masks for ${layers.length} layers`);
  layers.forEach((l, i) => {
    const what = `layer ${i} (${l.inputs} × ${l.units})`;
    if (!(Number.isInteger(l.inputs) && l.inputs > 0 && Number.isInteger(l.units) && l.units > 0))
      throw new RangeError(`${what}: sizes must be positive integers`);
    if (i > 0 && l.inputs !== layers[i - 1].units)
      throw new RangeError(`${what}: inputs ≠ previous layer's ${layers[i - 1].units} units`);
    if (l.kernel.length !== l.inputs * l.units) throw new RangeError(`${what}: kernel has ${l.kernel.length} values`);
    if (l.bias.length !== l.units) throw new RangeError(`${what}: bias has ${l.bias.length} values`);
    if (masks && masks[i].length !== l.inputs * l.units)
      throw new RangeError(`${what}: mask has ${masks[i].length} values`);
  });
}

/**
 * `model.json` and `weights.bin` for a Sequential of Dense layers: relu on every hidden layer, softmax on
 * the last (so `predict` returns probabilities), first layer with `batch_input_shape: [null, inputs]`.
 * Weights are named `<layer name>/kernel` and `<layer name>/bias`. Where `masks[l][i] === 0` the kernel
 * value is written as +0; every -0 is written as +0 too. Non-finite values are written as they are.
 * Does not mutate its arguments; throws a RangeError on inconsistent shapes.
 */
export function layersModelArtifacts(
  layers: readonly ExportLayer[],
  masks: readonly ArrayLike<number>[] | null,
  opts: ExportOptions = {},
): LayersModelArtifacts {
  checkLayers(layers, masks);
  const names = layers.map((l, i) => l.name || `dense_${i + 1}`);
  if (new Set(names).size !== names.length) throw new RangeError(`layer names are not unique: ${names.join(', ')}`);
  const last = layers.length - 1;
  const specs: WeightSpec[] = [];
  layers.forEach((l, i) => {
    specs.push({ name: `${names[i]}/kernel`, shape: [l.inputs, l.units], dtype: 'float32' });
    specs.push({ name: `${names[i]}/bias`, shape: [l.units], dtype: 'float32' });
  });
  const count = layers.reduce((a, l) => a + l.kernel.length + l.bias.length, 0);
  const weightData = new Uint8Array(count * 4);
  const view = new DataView(weightData.buffer);
  let offset = 0;
  const put = (v: number) => {
    view.setFloat32(offset, v + 0, true); // + 0 turns -0 into +0
    offset += 4;
  };
  layers.forEach((l, i) => {
    const m = masks ? masks[i] : null;
    for (let k = 0; k < l.kernel.length; k++) put(m && m[k] === 0 ? 0 : l.kernel[k]);
    for (let j = 0; j < l.bias.length; j++) put(l.bias[j]);
  });
  return {
    modelJson: {
      modelTopology: {
        class_name: 'Sequential',
        config: {
          name: opts.modelName ?? 'sequential_1',
          layers: layers.map((l, i) => ({
            class_name: 'Dense',
            config: denseConfig(names[i], l.units, i === last ? 'softmax' : 'relu', i === 0 ? l.inputs : null),
          })),
        },
        keras_version: `tfjs-layers ${TFJS_LAYERS_VERSION}`,
        backend: 'tensor_flow.js',
      },
      format: 'layers-model',
      generatedBy: opts.generatedBy ?? 'Gradient Pruning Lab',
      convertedBy: null,
      weightsManifest: [{ paths: [opts.weightsPath ?? 'weights.bin'], weights: specs }],
    },
    weightData,
  };
}

/** A Dense layer of a stripped network; float64 so that folded biases stay exact. */
export interface StrippedLayer {
  name?: string;
  inputs: number;
  units: number;
  /** Row-major `[inputs, units]`, pruned weights already 0. */
  kernel: Float64Array;
  bias: Float64Array;
}

export interface StrippedNetwork {
  layers: StrippedLayer[];
  /** The masks restricted to the kept units (row-major `[inputs, units]` of the stripped layers). */
  masks: Uint8Array[];
  /** Per hidden layer, the original index of every real unit kept, ascending. */
  kept: number[][];
  /**
   * Per hidden layer: every unit was removed, so the stripped layer has one inert unit (zero weights in
   * and out, zero bias) because a Dense layer needs at least one. Then `kept[l]` is empty.
   */
  placeholder: boolean[];
}

/**
 * Neuron-level stripping of a masked network: removes every hidden unit that no input reaches through
 * live weights or that reaches no output through live weights (the dead units of `maskReport`, so the
 * shapes match its `shapes` except that an empty layer keeps one placeholder unit). A removed unit that
 * no input reaches outputs a constant relu(b'), b' being its bias plus what constant units before it
 * feed it; that constant times its live outgoing weights is folded into the next layer's biases, so the
 * logits equal those of the masked full network (up to float64 rounding). Inputs and output units are
 * never removed. Returns new arrays; does not mutate `layers` or `masks`.
 */
export function strippedLayers(layers: readonly ExportLayer[], masks: readonly ArrayLike<number>[]): StrippedNetwork {
  checkLayers(layers, masks);
  const L = layers.length;
  const live = (l: number, i: number, j: number) => masks[l][i * layers[l].units + j] !== 0;
  // reached[l][j]: a live path from some input reaches unit j of layer l; useful: one leads to an output.
  const reached: Uint8Array[] = [];
  let prev = new Uint8Array(layers[0].inputs).fill(1);
  layers.forEach((l, k) => {
    const r = new Uint8Array(l.units);
    for (let i = 0; i < l.inputs; i++) if (prev[i]) for (let j = 0; j < l.units; j++) if (live(k, i, j)) r[j] = 1;
    reached.push(r);
    prev = r;
  });
  const useful: Uint8Array[] = new Array(L);
  useful[L - 1] = new Uint8Array(layers[L - 1].units).fill(1);
  for (let k = L - 1; k > 0; k--) {
    const u = new Uint8Array(layers[k].inputs);
    for (let i = 0; i < layers[k].inputs; i++)
      for (let j = 0; j < layers[k].units; j++) if (useful[k][j] && live(k, i, j)) u[i] = 1;
    useful[k - 1] = u;
  }
  const keptAll: number[][] = [Array.from({ length: layers[0].inputs }, (_, i) => i)];
  for (let k = 0; k < L; k++) {
    const ids: number[] = [];
    for (let j = 0; j < layers[k].units; j++) if (k === L - 1 || (reached[k][j] && useful[k][j])) ids.push(j);
    keptAll.push(ids);
  }
  const placeholder = keptAll.slice(1, L).map((ids) => ids.length === 0);
  // Folded biases, layer by layer; `constant[j]` is the value of an unreached unit of the previous layer.
  let constant = new Float64Array(0);
  const out: StrippedLayer[] = [];
  const outMasks: Uint8Array[] = [];
  for (let k = 0; k < L; k++) {
    const l = layers[k];
    const b = Float64Array.from(l.bias);
    if (k > 0) {
      for (let i = 0; i < l.inputs; i++) {
        if (reached[k - 1][i] || constant[i] === 0) continue;
        for (let j = 0; j < l.units; j++) if (live(k, i, j)) b[j] += constant[i] * l.kernel[i * l.units + j];
      }
    }
    if (k < L - 1) {
      constant = new Float64Array(l.units);
      for (let j = 0; j < l.units; j++) if (!reached[k][j]) constant[j] = b[j] > 0 ? b[j] : 0;
    }
    const rows = keptAll[k];
    const cols = keptAll[k + 1];
    const inputs = Math.max(1, rows.length);
    const units = Math.max(1, cols.length);
    const kernel = new Float64Array(inputs * units);
    const mask = new Uint8Array(inputs * units);
    const bias = new Float64Array(units);
    cols.forEach((j, c) => (bias[c] = b[j]));
    rows.forEach((i, r) =>
      cols.forEach((j, c) => {
        if (!live(k, i, j)) return;
        kernel[r * units + c] = l.kernel[i * l.units + j] + 0;
        mask[r * units + c] = 1;
      }),
    );
    out.push({ ...(l.name ? { name: l.name } : {}), inputs, units, kernel, bias });
    outMasks.push(mask);
  }
  return { layers: out, masks: outMasks, kept: keptAll.slice(1, L), placeholder };
}
