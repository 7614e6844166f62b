/**
 * WGSL of the forward passes: a hidden layer (one dispatch: matrix product, bias, relu), and the output
 * layer with softmax, the cross-entropy, the correct count and the loss's gradient dZ (one dispatch).
 * Each shader names its bindings in order (`Shader.bindings`), which `gpuMlp.ts` fills by name.
 */
import {
  FORWARD_ROWS as R,
  FORWARD_TILE as K,
  FORWARD_WG as WG,
  HEADER_WGSL,
  LOSS_WG,
  RING,
  rowAt,
  STAT,
  type LayerAt,
  unrolled,
} from './layout';

export interface Shader {
  code: string;
  /** Buffer names by binding index (binding 0 is always the header). */
  bindings: string[];
  /** Workgroups along x for a batch of `rows`. */
  workgroups(rows: number): number;
}

const bindingLines = (names: [string, string][]) =>
  names.map(([decl, name], i) => `@group(0) @binding(${i + 1}) var<storage, ${decl}> ${name}: array<u32>;`);

/** The source rows of layer `l`: the dataset's rows by index (layer 0), or the previous layer's activations. */
const sourceBindings = (l: number): [string, string][] =>
  l === 0
    ? [
        ['read', 'src'],
        ['read', 'idx'],
      ]
    : [['read', 'src']];
const sourceNames = (l: number) => (l === 0 ? ['x', 'idx'] : [`act${l - 1}`]);

/**
 * Hidden layer `layer` (units a multiple of 4, ≤ MAX_UNITS): an invocation computes R rows × 4 units (a
 * vec4 of weights read once for its R rows); a workgroup of FORWARD_WG takes units/4 such columns side by
 * side and as many row groups as fit, and walks the inputs in tiles of K rows × inputs held in workgroup
 * memory. Writes `act<layer>[b, j] = relu(Σ_i a[b, i] · W[i, j] + bias[j])` for the header's rows.
 */
export function hiddenForward(layer: LayerAt, l: number): Shader {
  const { inputs: I, units: O } = layer;
  const cols = O / 4;
  const groups = Math.max(1, Math.floor(WG / cols));
  const rows = groups * R;
  const decls = [
    ...bindingLines(sourceBindings(l)),
    `@group(0) @binding(${sourceBindings(l).length + 1}) var<storage, read> params: array<vec4<f32>>;`,
    `@group(0) @binding(${sourceBindings(l).length + 2}) var<storage, read_write> dst: array<vec4<f32>>;`,
  ];
  const code = /* wgsl */ `
${HEADER_WGSL}
@group(0) @binding(0) var<uniform> h: Header;
${decls.join('\n')}
var<workgroup> tile: array<f32, ${rows * K}>;
${rowAt(l, I)}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let row0 = wg.x * ${rows}u;
  let c = t % ${cols}u;
  let g = t / ${cols}u;
${unrolled(R, (r) => `  var acc${r}: vec4<f32>;`)}
  for (var k0 = 0u; k0 < ${I}u; k0 += ${K}u) {
    for (var e = t; e < ${rows * K}u; e += ${WG}u) {
      let b = row0 + e / ${K}u;
      let k = k0 + e % ${K}u;
      var v = 0.0;
      if (b < h.size && k < ${I}u) { v = bitcast<f32>(src[rowAt(b) + k]); }
      tile[e] = v;
    }
    workgroupBarrier();
    if (g < ${groups}u) {
      let kEnd = min(${K}u, ${I}u - k0);
      for (var k = 0u; k < kEnd; k++) {
        let w = params[${layer.kernel / 4}u + (k0 + k) * ${cols}u + c];
${unrolled(R, (r) => `        acc${r} = acc${r} + tile[(g * ${R}u + ${r}u) * ${K}u + k] * w;`)}
      }
    }
    workgroupBarrier();
  }
  if (g >= ${groups}u) { return; }
  let bias = params[${layer.bias / 4}u + c];
  let b0 = row0 + g * ${R}u;
${unrolled(R, (r) => `  if (b0 + ${r}u < h.size) { dst[(b0 + ${r}u) * ${cols}u + c] = max(acc${r} + bias, vec4<f32>(0.0)); }`)}
}`;
  return {
    code,
    bindings: ['header', ...sourceNames(l), 'params', `act${l}`],
    workgroups: (n) => Math.ceil(n / rows),
  };
}

/**
 * The output layer (`classes` ≤ MAX_CLASSES) in one workgroup: each invocation takes rows b ≡ t (mod
 * LOSS_WG) and computes the logits z, the row's loss −log softmax(z)[y] (as tfjs's logSoftmax: z − max −
 * log Σ exp(z − max)), whether the first arg-max is the label, and dZ[b, c] = (softmax(z)_c − [c = y]) / n,
 * the gradient of the batch's mean loss. The sums over rows are reduced in workgroup memory; then, for a
 * training step (mode 0), the batch's mean loss goes into the ring at `count` and the epoch's sums, for a
 * validation chunk (mode 1) into the validation sums.
 */
export function outputForward(layer: LayerAt, l: number): Shader {
  const { inputs: I, units: C } = layer;
  const decls = bindingLines([
    ['read', 'src'],
    ['read', 'idx'],
    ['read', 'labels'],
    ['read', 'params'],
    ['read_write', 'dz'],
    ['read_write', 'stats'],
  ]);
  const code = /* wgsl */ `
${HEADER_WGSL}
@group(0) @binding(0) var<uniform> h: Header;
${decls.join('\n')}
var<workgroup> lossPart: array<f32, ${LOSS_WG}>;
var<workgroup> rightPart: array<u32, ${LOSS_WG}>;
${rowAt(l, I)}
fn labelOf(b: u32) -> u32 { return labels[idx[h.start + b]]; }
@compute @workgroup_size(${LOSS_WG})
fn main(@builtin(local_invocation_index) t: u32) {
  let n = h.size;
  var lossSum = 0.0;
  var right = 0u;
  for (var b = t; b < n; b += ${LOSS_WG}u) {
    let a0 = rowAt(b);
    var z: array<f32, ${C}>;
    for (var c = 0u; c < ${C}u; c++) {
      var s = 0.0;
      for (var i = 0u; i < ${I}u; i++) {
        s = s + bitcast<f32>(src[a0 + i]) * bitcast<f32>(params[${layer.kernel}u + i * ${C}u + c]);
      }
      z[c] = s + bitcast<f32>(params[${layer.bias}u + c]);
    }
    var top = z[0];
    var arg = 0u;
    for (var c = 1u; c < ${C}u; c++) { if (z[c] > top) { top = z[c]; arg = c; } }
    var e = 0.0;
    for (var c = 0u; c < ${C}u; c++) { e = e + exp(z[c] - top); }
    let lse = log(e);
    let y = labelOf(b);
    lossSum = lossSum - (z[y] - top - lse);
    if (arg == y) { right = right + 1u; }
    let inv = 1.0 / f32(n);
    for (var c = 0u; c < ${C}u; c++) {
      var p = exp(z[c] - top - lse);
      if (c == y) { p = p - 1.0; }
      dz[b * ${C}u + c] = bitcast<u32>(p * inv);
    }
  }
  lossPart[t] = lossSum;
  rightPart[t] = right;
  workgroupBarrier();
  for (var s = ${LOSS_WG / 2}u; s > 0u; s = s / 2u) {
    if (t < s) {
      lossPart[t] = lossPart[t] + lossPart[t + s];
      rightPart[t] = rightPart[t] + rightPart[t + s];
    }
    workgroupBarrier();
  }
  if (t == 0u) {
    let total = lossPart[0];
    if (h.mode == 0u) {
      let mean = total / f32(n);
      let count = stats[${STAT.count}u];
      stats[${STAT.ring}u + count % ${RING}u] = bitcast<u32>(mean);
      stats[${STAT.count}u] = count + 1u;
      stats[${STAT.correct}u] = stats[${STAT.correct}u] + rightPart[0];
      stats[${STAT.lossSum}u] = bitcast<u32>(bitcast<f32>(stats[${STAT.lossSum}u]) + mean * f32(n));
    } else {
      stats[${STAT.valCorrect}u] = stats[${STAT.valCorrect}u] + rightPart[0];
      stats[${STAT.valLoss}u] = bitcast<u32>(bitcast<f32>(stats[${STAT.valLoss}u]) + total);
    }
  }
}`;
  return {
    code,
    bindings: ['header', l === 0 ? 'x' : `act${l - 1}`, 'idx', 'labels', 'params', `dz${l}`, 'stats'],
    workgroups: () => 1,
  };
}
