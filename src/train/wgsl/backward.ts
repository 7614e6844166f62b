/**
 * WGSL of the backward passes (one dispatch per layer: the kernel's and bias's gradients, and the
 * previous layer's dZ through relu') and of Adam over every parameter (one dispatch), exactly tfjs's
 * AdamOptimizer update with the masks held and the live |∂L/∂w| average.
 */
import {
  BACKWARD_VECS,
  f32,
  FLAT_WG,
  groupSize,
  HEADER_WGSL,
  maskWords,
  rowAt,
  unrolled,
  type LayerAt,
} from './layout';
import type { Shader } from './forward';

const storage = (i: number, access: string, name: string) =>
  `@group(0) @binding(${i}) var<storage, ${access}> ${name}: array<vec4<f32>>;`;

/**
 * Layer `l` backward, in three ranges of invocations: the kernel's gradient `dW[i, j] = Σ_b a[b, i] · dZ[b, j]`
 * (each invocation a block of 4 inputs × U·V units, V = 4 where the units are a multiple of 4, else 1: each
 * input it loads serves U·V units, each dZ load 4 inputs; for the first layer only the rows its forward
 * pass marked), the bias's `db[j] = Σ_b dZ[b, j]`, and for l ≥ 1 the previous layer's
 * `dZ'[b, i] = (Σ_j dZ[b, j] · W[i, j]) · [a[b, i] > 0]` (relu' from its output; 4 inputs per invocation).
 * The gradients go to `grads` at the layer's offsets; the kernel is read before Adam changes it.
 */
export function layerBackward(layer: LayerAt, l: number, batch: number, U = BACKWARD_VECS): Shader {
  const { inputs: I, units: O } = layer;
  const V = O % 4 === 0 ? 4 : 1;
  const T = V === 4 ? 'vec4<f32>' : 'f32';
  const cols = O / V;
  while (cols % U) U--;
  const blocks = Math.ceil(I / 4) * (cols / U);
  // [access, name in the shader, element type, buffer]: the dataset's rows come by index for the first layer only.
  type Slot = [string, string, string, string];
  const slots: Slot[] = [
    ['read', 'src', 'f32', l === 0 ? 'x' : `act${l - 1}`],
    ...(l === 0 ? [['read', 'idx', 'u32', 'idx'] as Slot] : []),
    ['read', 'dz', T, `dz${l}`],
    // The kernel is read for the previous layer's dZ only.
    ...(l > 0 ? [['read', 'params', T, 'params'] as Slot] : []),
    ['read_write', 'grads', T, 'grads'],
    ...(l > 0 ? [['read_write', 'dzPrev', 'f32', `dz${l - 1}`] as Slot] : []),
    ...(l === 0 ? [['read', 'rowMask', 'u32', 'rowMask'] as Slot] : []),
  ];
  const decls = slots.map(
    ([access, name, type], i) => `@group(0) @binding(${i + 1}) var<storage, ${access}> ${name}: array<${type}>;`,
  );
  const names = ['header', ...slots.map((s) => s[3])];
  // The block's 4 inputs, unrolled (registers, not an indexed array); checked against I only where it is not a multiple of 4.
  const within = (r: number, st: string) => (I % 4 === 0 ? st : `if (i0 + ${r}u < ${I}u) { ${st} }`);
  const dot = V === 4 ? 'dot(a, b)' : 'a * b';
  // The rows of the sum over the batch: for the first layer only those whose block of inputs is not all 0
  // (the forward pass's row masks, ascending b: the same sum as over all rows, ≈ 28 % of the terms on
  // MNIST); a loop bound uniform over the block's invocations.
  const P = groupSize(I);
  const W = maskWords(batch);
  const maskOf = (r: number) => `rowMask[((i0 + ${r}u) / ${P}u) * ${W}u + wd]`;
  const maskWord =
    P === 4 ? maskOf(0) : [0, 1, 2, 3].map((r) => `select(0u, ${maskOf(r)}, i0 + ${r}u < ${I}u)`).join(' | ');
  const rows =
    l === 0
      ? `    for (var wd = 0u; wd < ${W}u; wd++) {
      var bits = ${maskWord};
      loop {
        if (bits == 0u) { break; }
        let b = wd * 32u + countTrailingZeros(bits);
        bits = bits & (bits - 1u);`
      : '    for (var b = 0u; b < n; b++) {';
  // dZ' for a row and 4 consecutive inputs per invocation: each dZ vec4 loaded serves 4 inputs (I ≥ 4, a multiple of 4, for l ≥ 1).
  const previous =
    l === 0
      ? ''
      : `
  let k2 = k - ${blocks + cols}u;
  let b = k2 / ${I / 4}u;
  let i0 = (k2 % ${I / 4}u) * 4u;
  if (b >= n) { return; }
${unrolled(4, (r) => `  var s${r} = 0.0;`)}
  for (var j = 0u; j < ${cols}u; j++) {
    let g = dz[b * ${cols}u + j];
${unrolled(4, (r) => `    s${r} = s${r} + dotT(g, params[${layer.kernel / V}u + (i0 + ${r}u) * ${cols}u + j]);`)}
  }
${unrolled(4, (r) => `  dzPrev[b * ${I}u + i0 + ${r}u] = select(0.0, s${r}, src[b * ${I}u + i0 + ${r}u] > 0.0);`)}`;
  const code = /* wgsl */ `
${HEADER_WGSL}
@group(0) @binding(0) var<uniform> h: Header;
${decls.join('\n')}
${rowAt(l, I)}
fn dotT(a: ${T}, b: ${T}) -> f32 { return ${dot}; }
@compute @workgroup_size(${FLAT_WG})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let k = gid.x;
  let n = h.size;
  if (k < ${blocks}u) {
    let c0 = (k % ${cols / U}u) * ${U}u;
    let i0 = (k / ${cols / U}u) * 4u;
${unrolled(4, (r) => unrolled(U, (u) => `    var acc${r}_${u}: ${T};`))}
${rows}
      let a0 = rowAt(b) + i0;
${unrolled(4, (r) => `      var x${r} = 0.0;\n      ${within(r, `x${r} = src[a0 + ${r}u];`)}`)}
${unrolled(U, (u) => `      let g${u} = dz[b * ${cols}u + c0 + ${u}u];`)}
${unrolled(4, (r) => unrolled(U, (u) => `      acc${r}_${u} = acc${r}_${u} + x${r} * g${u};`))}
    }${l === 0 ? '\n    }' : ''}
${unrolled(4, (r) => unrolled(U, (u) => `    ${within(r, `grads[${layer.kernel / V}u + (i0 + ${r}u) * ${cols}u + c0 + ${u}u] = acc${r}_${u};`)}`))}
    return;
  }
  if (k < ${blocks + cols}u) {
    let c = k - ${blocks}u;
    var g: ${T};
    for (var b = 0u; b < n; b++) { g = g + dz[b * ${cols}u + c]; }
    grads[${layer.bias / V}u + c] = g;
    return;
  }${previous}
}`;
  const threads = blocks + cols + (l > 0 ? (batch * I) / 4 : 0);
  return { code, bindings: names, workgroups: () => Math.ceil(threads / FLAT_WG) };
}

/** Adam's constants (Keras' defaults, tfjs's `tf.train.adam(lr, 0.9, 0.999, 1e-7)`) and the live average's decay. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

/**
 * Adam over all `size` parameters, as tfjs's AdamOptimizer.applyGradients computes it (float32):
 * g ← g·mask; m ← m·β1 + g·(1 − β1); v ← v·β2 + g²·(1 − β2); w ← w + (m/(1 − β1ᵗ)) / (√(v/(1 − β2ᵗ)) + ε) · (−lr);
 * then w ← w·mask (masks are 1 for biases and unmasked runs, so the products are exact there), and on
 * live steps the average of |g| with `decay`: e ← e·decay + |g|·(1 − decay).
 */
export function adamShader(size: number, decay: number, rowMaskWords: number): Shader {
  // A vec4 of parameters per invocation (`size` is a multiple of 4: see `netLayout`).
  const names = ['header', 'grads', 'mask', 'params', 'm', 'v', 'ema', 'rowMask'];
  const access = ['read', 'read', 'read_write', 'read_write', 'read_write', 'read_write'];
  const decls = names.slice(1, -1).map((name, i) => storage(i + 1, access[i], name === 'params' ? 'w' : name));
  decls.push(`@group(0) @binding(${names.length - 1}) var<storage, read_write> rowMask: array<u32>;`);
  const threads = Math.max(size / 4, rowMaskWords);
  const code = /* wgsl */ `
${HEADER_WGSL}
@group(0) @binding(0) var<uniform> h: Header;
${decls.join('\n')}
@compute @workgroup_size(${FLAT_WG})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let k = gid.x;
  // The first layer's row masks are cleared for the next step (its backward pass has read them).
  if (k < ${rowMaskWords}u) { rowMask[k] = 0u; }
  if (k >= ${size / 4}u) { return; }
  let keep = mask[k];
  let g = grads[k] * keep;
  let m1 = m[k] * ${f32(ADAM.beta1)} + g * ${f32(1 - ADAM.beta1)};
  let v1 = v[k] * ${f32(ADAM.beta2)} + (g * g) * ${f32(1 - ADAM.beta2)};
  m[k] = m1;
  v[k] = v1;
  let upd = (m1 / h.c1) / (sqrt(v1 / h.c2) + ${f32(ADAM.epsilon)});
  w[k] = (w[k] + upd * (-h.lr)) * keep;
  if (h.live != 0u) { ema[k] = ema[k] * ${f32(decay)} + abs(g) * ${f32(1 - decay)}; }
}`;
  return { code, bindings: names, workgroups: () => Math.ceil(threads / FLAT_WG) };
}
