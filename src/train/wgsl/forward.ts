/**
 * WGSL of the forward passes: a hidden layer (one dispatch: matrix product, bias, relu), and the output
 * layer with softmax, the cross-entropy, the correct count and the loss's gradient dZ (one dispatch).
 * Each shader names its bindings in order (`Shader.bindings`), which `gpuMlp.ts` fills by name.
 */
import {
  FORWARD_VECS,
  FORWARD_WG as WG,
  groupSize,
  HEADER_WGSL,
  LOSS_WG,
  maskWords,
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

/**
 * Hidden layer `layer` (units a multiple of 4, ≤ MAX_UNITS): an invocation computes one row × U vec4s of
 * units (each input it loads serves 4·U units), the row's invocations side by side in a workgroup of
 * FORWARD_WG. The inputs come P at a time (a vec4 where the inputs are a multiple of 4). The first layer
 * walks only the row's nonzero input groups, listed once per dataset (`nz`, see `sparseRows`): ≈ 28 % of
 * MNIST's pixel quads; a loop bound uniform over the row's invocations, and exact (an input of 0 adds
 * exactly 0, and the rest are summed in the same order). Writes
 * `act<layer>[b, j] = relu(Σ_i a[b, i] · W[i, j] + bias[j])` for the header's rows.
 */
export function hiddenForward(layer: LayerAt, l: number, batch: number, U = FORWARD_VECS): Shader {
  const { inputs: I, units: O } = layer;
  const vecs = O / 4;
  while (vecs % U) U--;
  const cols = vecs / U;
  const rows = Math.max(1, Math.floor(WG / cols));
  const P = groupSize(I);
  const T = P === 4 ? 'vec4<f32>' : 'f32';
  const sparse = l === 0;
  const W = maskWords(batch);
  const decls = [
    `@group(0) @binding(1) var<storage, read> src: array<${T}>;`,
    ...(sparse ? ['@group(0) @binding(2) var<storage, read> idx: array<u32>;'] : []),
    ...(sparse ? ['@group(0) @binding(3) var<storage, read> nz: array<u32>;'] : []),
    `@group(0) @binding(${sparse ? 4 : 2}) var<storage, read> params: array<vec4<f32>>;`,
    `@group(0) @binding(${sparse ? 5 : 3}) var<storage, read_write> dst: array<vec4<f32>>;`,
    ...(sparse ? ['@group(0) @binding(6) var<storage, read_write> rowMask: array<atomic<u32>>;'] : []),
  ];
  const cell = (u: number) => `acc${u}`;
  const w = (r: number, u: number) => `params[${layer.kernel / 4}u + (q * ${P}u + ${r}u) * ${vecs}u + c0 + ${u}u]`;
  const mac =
    P === 4
      ? unrolled(4, (r) => unrolled(U, (u) => `    ${cell(u)} = ${cell(u)} + a[${r}] * ${w(r, u)};`))
      : unrolled(U, (u) => `    ${cell(u)} = ${cell(u)} + a * ${w(0, u)};`);
  const walk = sparse
    ? `  let row = idx[h.start + b];
  let a0 = row * ${I / P}u;
  let train = h.mode == 0u;
  for (var j = nz[row]; j < nz[row + 1u]; j++) {
    let q = nz[j];
    if (train && c0 == 0u) { atomicOr(&rowMask[q * ${W}u + b / 32u], 1u << (b % 32u)); }`
    : `  let a0 = b * ${I / P}u;
  for (var q = 0u; q < ${I / P}u; q++) {`;
  const code = /* wgsl */ `
${HEADER_WGSL}
@group(0) @binding(0) var<uniform> h: Header;
${decls.join('\n')}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) t: u32) {
  let c0 = (t % ${cols}u) * ${U}u;
  let b = wg.x * ${rows}u + t / ${cols}u;
  if (t >= ${rows * cols}u || b >= h.size) { return; }
${unrolled(U, (u) => `  var ${cell(u)}: vec4<f32>;`)}
${walk}
    let a = src[a0 + q];
${mac}
  }
${unrolled(U, (u) => `  dst[b * ${vecs}u + c0 + ${u}u] = max(${cell(u)} + params[${layer.bias / 4}u + c0 + ${u}u], vec4<f32>(0.0));`)}
}`;
  return {
    code,
    bindings: [
      'header',
      ...(sparse ? ['x', 'idx', 'nz'] : [`act${l - 1}`]),
      'params',
      `act${l}`,
      ...(sparse ? ['rowMask'] : []),
    ],
    workgroups: (n) => Math.ceil(n / rows),
  };
}

/**
 * The nonzero groups of P inputs (P = 4 where the inputs are a multiple of 4, else 1) of every row of `x`
 * (`[n, inputs]`), for the first layer's forward pass: `n + 1` offsets (row r's groups are entries
 * `[nz[r], nz[r + 1])`, counted from the start), then the groups' indices in ascending order.
 */
export function sparseRows(x: Float32Array, n: number, inputs: number): Uint32Array {
  const P = groupSize(inputs);
  const groups = inputs / P;
  const out = new Uint32Array(n + 1 + countNonzeroGroups(x, n, inputs, P));
  let at = n + 1;
  for (let r = 0; r < n; r++) {
    out[r] = at;
    for (let q = 0; q < groups; q++) {
      const o = r * inputs + q * P;
      let any = false;
      for (let i = 0; i < P; i++) any ||= x[o + i] !== 0;
      if (any) out[at++] = q;
    }
  }
  out[n] = at;
  return out;
}

function countNonzeroGroups(x: Float32Array, n: number, inputs: number, P: number): number {
  let count = 0;
  for (let o = 0; o < n * inputs; o += P) {
    let any = false;
    for (let i = 0; i < P; i++) any ||= x[o + i] !== 0;
    if (any) count++;
  }
  return count;
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
