/**
 * Reading a trained TensorFlow.js layers model — `model.json` and its weight files, as
 * `tensorflowjs_converter` writes them from a Keras Sequential of Dense layers, and as the lab exports
 * them (exportFormat.ts, exportQuantized.ts) — into the lab's layers, without executing anything from
 * it: the JSON is read as data, the weights as little-endian bytes. Accepted: an optional InputLayer,
 * then Dense layers with a bias, ReLU on every hidden layer, softmax or linear (logits) on the last;
 * weights float32, or tfjs's quantisations float16 and uint8/uint16 (q·scale + min). Anything else is
 * refused with an `Invalid` error that names what it found. Pure TypeScript.
 */
import { fail, int, isObj, LAYER_NAMES, list, obj, show, str, type LayerParams, type Obj } from '../base';
import { fromFloat16Bits } from './quantize';

export interface ImportedModel {
  /** The model's name in its file (informational). */
  name: string;
  /** Kernels row-major `[inputs, units]`, the lab's layer names (`dense_1` …). */
  layers: LayerParams[];
  inputs: number;
  classes: number;
  /** The last layer's activation: softmax, or linear (the file holds logits; the lab applies the softmax). */
  output: 'softmax' | 'linear';
}

interface DenseSpec {
  /** The layer's name in the file (its weights are named after it). */
  fileName: string;
  units: number;
  activation: string;
  /** The input width the file declares for the first layer, or null. */
  declaredInputs: number | null;
}

/** The Sequential's layer list, from each place tfjs, the converter and Keras 2/3 put it. */
function topologyLayers(json: Obj): { name: string; layers: unknown[] } {
  const top = obj(json.modelTopology, 'model.json’s modelTopology');
  const model = isObj(top.model_config) ? top.model_config : top;
  const cls = model.class_name;
  if (cls !== 'Sequential')
    fail(
      `the model is a ${show(cls)}, not a Sequential (a plain stack of layers): the lab reads Sequential models only`,
    );
  const config = model.config;
  if (Array.isArray(config)) return { name: 'sequential', layers: config };
  const c = obj(config, 'the Sequential’s config');
  return {
    name: typeof c.name === 'string' ? c.name : 'sequential',
    layers: list(c.layers, 'the Sequential’s layers'),
  };
}

/** A batch shape `[null, n]` → n; anything else (images, sequences) is refused. */
function flatWidth(shape: unknown, what: string): number {
  const s = list(shape, what);
  if (s.length !== 2 || typeof s[1] !== 'number')
    fail(`${what} is [${s.map(show).join(', ')}]: the lab takes flat rows of features ([null, n])`);
  return int(s[1], `${what}[1]`);
}

function denseSpecs(layers: unknown[]): DenseSpec[] {
  const out: DenseSpec[] = [];
  let inputWidth: number | null = null;
  layers.forEach((raw, k) => {
    const layer = obj(raw, `layer ${k + 1}`);
    const cls = layer.class_name;
    const config = obj(layer.config, `layer ${k + 1}’s config`);
    if (cls === 'InputLayer' && k === 0) {
      inputWidth = flatWidth(config.batch_input_shape ?? config.batch_shape, 'the InputLayer’s shape');
      return;
    }
    if (cls !== 'Dense')
      fail(`layer ${k + 1} is a ${show(cls)} layer: the lab reads Dense layers only (and an InputLayer first)`);
    const name = str(config.name, `layer ${k + 1}’s name`, 200);
    const units = int(config.units, `layer ${k + 1} (${name}) units`);
    if (units < 1) fail(`layer ${k + 1} (${name}) has ${units} units`);
    if (config.use_bias === false) fail(`layer ${k + 1} (${name}) has no bias: the lab’s layers all have one`);
    const activation = typeof config.activation === 'string' ? config.activation : 'linear';
    const shape = config.batch_input_shape ?? config.batch_shape;
    const declared = out.length === 0 && shape !== undefined ? flatWidth(shape, `layer ${k + 1}’s input shape`) : null;
    out.push({ fileName: name, units, activation, declaredInputs: declared ?? (out.length === 0 ? inputWidth : null) });
  });
  if (out.length < 2)
    fail(
      `the model has ${out.length} Dense layer${out.length === 1 ? '' : 's'}: the lab needs at least one hidden layer and an output layer`,
    );
  out.forEach((d, i) => {
    const last = i === out.length - 1;
    if (!last && d.activation !== 'relu')
      fail(`hidden layer ${i + 1} (${d.fileName}) uses ${show(d.activation)}: the lab’s hidden layers are ReLU`);
    if (last && d.activation !== 'softmax' && d.activation !== 'linear')
      fail(
        `the output layer (${d.fileName}) uses ${show(d.activation)}: the lab reads softmax or linear (logits) outputs`,
      );
  });
  return out;
}

interface Entry {
  name: string;
  shape: number[];
  /** The bytes of this weight, as stored. */
  bytes: Uint8Array;
  decode(): Float32Array;
}

/** Bytes a stored value takes, by the manifest's dtype and quantisation. */
function storedAs(spec: Obj, path: string): { size: number; read: (b: Uint8Array, n: number) => Float32Array } {
  if (spec.dtype !== 'float32')
    fail(`${path} is ${show(spec.dtype)}: the lab reads float32 weights (or tfjs’s quantised ones)`);
  const q = spec.quantization;
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (q === undefined || q === null)
    return { size: 4, read: (b, n) => Float32Array.from({ length: n }, (_, i) => view(b).getFloat32(i * 4, true)) };
  const qo = obj(q, `${path}’s quantization`);
  if (qo.dtype === 'float16')
    return {
      size: 2,
      read: (b, n) => Float32Array.from({ length: n }, (_, i) => fromFloat16Bits(view(b).getUint16(i * 2, true))),
    };
  if (qo.dtype === 'uint8' || qo.dtype === 'uint16') {
    const scale = qo.scale;
    const min = qo.min;
    if (typeof scale !== 'number' || typeof min !== 'number' || !Number.isFinite(scale) || !Number.isFinite(min))
      fail(`${path}’s quantization has no finite scale and min`);
    const size = qo.dtype === 'uint8' ? 1 : 2;
    return {
      size,
      read: (b, n) =>
        Float32Array.from(
          { length: n },
          (_, i) => (size === 1 ? b[i] : view(b).getUint16(i * 2, true)) * (scale as number) + (min as number),
        ),
    };
  }
  return fail(`${path} is quantised as ${show(qo.dtype)}: the lab reads float16, uint8 and uint16`);
}

/**
 * Every weight of the manifest with its bytes: each group's files (matched by file name, without folders)
 * hold its weights back to back, in order.
 */
function manifestEntries(json: Obj, files: ReadonlyMap<string, Uint8Array>): Entry[] {
  const groups = list(json.weightsManifest, 'model.json’s weightsManifest');
  const out: Entry[] = [];
  groups.forEach((g, gi) => {
    const group = obj(g, `weightsManifest[${gi}]`);
    const paths = list(group.paths, `weightsManifest[${gi}].paths`).map((p, pi) =>
      str(p, `weightsManifest[${gi}].paths[${pi}]`, 500),
    );
    const parts = paths.map((p) => {
      const file = files.get(baseName(p));
      return (
        file ??
        fail(`the weight file "${baseName(p)}" that model.json names is missing: pick it together with model.json`)
      );
    });
    const data = concat(parts);
    let at = 0;
    list(group.weights, `weightsManifest[${gi}].weights`).forEach((w, wi) => {
      const path = `weight ${wi + 1} of group ${gi + 1}`;
      const spec = obj(w, path);
      const name = str(spec.name, `${path}’s name`, 300);
      const shape = list(spec.shape, `${name}’s shape`).map((d, di) => int(d, `${name}’s shape[${di}]`));
      const n = shape.reduce((a, b) => a * b, 1);
      const { size, read } = storedAs(spec, name);
      if (at + n * size > data.length)
        fail(`the weight files hold ${data.length} bytes, too few for ${name} (${shape.join('×')}) at byte ${at}`);
      const bytes = data.subarray(at, at + n * size);
      out.push({ name, shape, bytes, decode: () => read(bytes, n) });
      at += n * size;
    });
    if (at !== data.length)
      fail(`the weight files of group ${gi + 1} hold ${data.length} bytes, the manifest describes ${at}`);
  });
  return out;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The weight named `<layer>/<kind>` (any prefix: converters write `sequential/dense/kernel` too). */
function weightOf(entries: Entry[], layer: string, kind: 'kernel' | 'bias'): Entry {
  const want = `${layer}/${kind}`;
  const found = entries.filter((e) => e.name === want || e.name.endsWith(`/${want}`) || e.name === `${want}:0`);
  if (found.length === 0) fail(`no weight named "${want}" in the manifest`);
  if (found.length > 1) fail(`${found.length} weights named "${want}" in the manifest`);
  return found[0];
}

/**
 * Reads `modelJson` (the parsed model.json) and its weight files (`files`: file name → bytes).
 * Throws `Invalid` with a message for the user on anything the lab cannot take.
 */
export function readLayersModel(modelJson: unknown, files: ReadonlyMap<string, Uint8Array>): ImportedModel {
  const json = obj(modelJson, 'model.json');
  if (json.format !== undefined && json.format !== 'layers-model')
    fail(
      `model.json is a ${show(json.format)}: the lab reads TensorFlow.js layers models ("layers-model"), not graph models`,
    );
  const { name, layers } = topologyLayers(json);
  const specs = denseSpecs(layers);
  const entries = manifestEntries(json, files);
  const out: LayerParams[] = [];
  let inputs = specs[0].declaredInputs;
  specs.forEach((d, i) => {
    const kernel = weightOf(entries, d.fileName, 'kernel');
    const bias = weightOf(entries, d.fileName, 'bias');
    const expectIn = i === 0 ? inputs : out[i - 1].units;
    const [rows, cols] = kernel.shape;
    if (kernel.shape.length !== 2 || cols !== d.units || (expectIn !== null && rows !== expectIn))
      fail(`${kernel.name} has shape [${kernel.shape.join(', ')}], expected [${expectIn ?? 'inputs'}, ${d.units}]`);
    if (bias.shape.length !== 1 || bias.shape[0] !== d.units)
      fail(`${bias.name} has shape [${bias.shape.join(', ')}], expected [${d.units}]`);
    if (i === 0) inputs = rows;
    const k = kernel.decode();
    const b = bias.decode();
    const bad = [...k, ...b].findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      fail(`${bad < k.length ? kernel.name : bias.name} holds a value that is not finite (NaN or infinity)`);
    out.push({ name: LAYER_NAMES[i] ?? `dense_${i + 1}`, inputs: rows, units: d.units, kernel: k, bias: b });
  });
  return {
    name,
    layers: out,
    inputs: inputs!,
    classes: out[out.length - 1].units,
    output: specs[specs.length - 1].activation as 'softmax' | 'linear',
  };
}
