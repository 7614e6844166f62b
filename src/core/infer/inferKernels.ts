/**
 * The inference kernels' interface (what wasm/infer.wat exports) and the same kernels in plain TypeScript,
 * for where WebAssembly SIMD is unavailable (`sparseInfer.ts` runs either over one memory layout).
 */

/**
 * The kernels of infer.wat as exported: pointers are byte offsets into one memory (16-byte aligned),
 * `relu` 1 for hidden layers, 0 for the logits. See infer.wat for each array's layout.
 */
export interface InferKernels {
  dense(
    x: number,
    n: number,
    inputs: number,
    inStride: number,
    w: number,
    b: number,
    stride: number,
    out: number,
    relu: number,
  ): void;
  csr(
    x: number,
    n: number,
    inputs: number,
    inStride: number,
    ptr: number,
    unit: number,
    val: number,
    b: number,
    stride: number,
    out: number,
    relu: number,
  ): void;
  csrTiles(
    x: number,
    tiles: number,
    inputs: number,
    ptr: number,
    unit: number,
    val: number,
    b: number,
    units: number,
    y: number,
    relu: number,
  ): void;
  toTiles(x: number, tiles: number, width: number, out: number): void;
  fromTiles(y: number, n: number, classes: number, out: number): void;
}

/**
 * infer.wat in plain TypeScript over `buffer` (same arguments, byte offsets, same order of additions).
 * A float32 product rounded by Math.fround, added in float64 and stored in a Float32Array is the
 * correctly rounded float32 sum, so these are WebAssembly's numbers exactly.
 */
export function jsKernels(buffer: ArrayBuffer): InferKernels {
  const f = new Float32Array(buffer);
  const u = new Int32Array(buffer);
  const fr = Math.fround;
  const relu = (p: number, len: number) => {
    for (let j = p; j < p + len; j++) if (f[j] < 0) f[j] = 0;
  };
  return {
    dense(x, n, inputs, inStride, w, b, stride, out, hidden) {
      [x, w, b, out] = [x >> 2, w >> 2, b >> 2, out >> 2];
      for (let r = 0; r < n; r++, x += inStride, out += stride) {
        for (let j = 0; j < stride; j++) f[out + j] = f[b + j];
        for (let i = 0; i < inputs; i++) {
          const a = f[x + i];
          const wi = w + i * stride;
          for (let j = 0; j < stride; j++) f[out + j] += fr(a * f[wi + j]);
        }
        if (hidden) relu(out, stride);
      }
    },
    csr(x, n, inputs, inStride, ptr, unit, val, b, stride, out, hidden) {
      [x, ptr, unit, val, b, out] = [x >> 2, ptr >> 2, unit >> 2, val >> 2, b >> 2, out >> 2];
      for (let r = 0; r < n; r++, x += inStride, out += stride) {
        for (let j = 0; j < stride; j++) f[out + j] = f[b + j];
        for (let i = 0; i < inputs; i++) {
          const a = f[x + i];
          const k1 = u[ptr + i + 1];
          for (let k = u[ptr + i]; k < k1; k++) f[out + u[unit + k]] += fr(a * f[val + k]);
        }
        if (hidden) relu(out, stride);
      }
    },
    csrTiles(x, tiles, inputs, ptr, unit, val, b, units, y, hidden) {
      [x, ptr, unit, val, b, y] = [x >> 2, ptr >> 2, unit >> 2, val >> 2, b >> 2, y >> 2];
      for (let t = 0; t < tiles; t++, x += 4 * inputs, y += 4 * units) {
        for (let j = 0; j < units; j++) f.fill(f[b + j], y + 4 * j, y + 4 * j + 4);
        for (let i = 0; i < inputs; i++) {
          const [a0, a1, a2, a3] = [f[x + 4 * i], f[x + 4 * i + 1], f[x + 4 * i + 2], f[x + 4 * i + 3]];
          const k1 = u[ptr + i + 1];
          for (let k = u[ptr + i]; k < k1; k++) {
            const v = f[val + k];
            const q = y + 4 * u[unit + k];
            f[q] += fr(v * a0);
            f[q + 1] += fr(v * a1);
            f[q + 2] += fr(v * a2);
            f[q + 3] += fr(v * a3);
          }
        }
        if (hidden) relu(y, 4 * units);
      }
    },
    toTiles(x, tiles, width, out) {
      [x, out] = [x >> 2, out >> 2];
      for (let t = 0; t < tiles; t++) {
        for (let i = 0; i < width; i++)
          for (let s = 0; s < 4; s++) f[out + (t * width + i) * 4 + s] = f[x + (4 * t + s) * width + i];
      }
    },
    fromTiles(y, n, classes, out) {
      [y, out] = [y >> 2, out >> 2];
      for (let r = 0; r < n; r++) {
        const p = y + (r >> 2) * classes * 4 + (r & 3);
        for (let c = 0; c < classes; c++) f[out + r * classes + c] = f[p + 4 * c];
      }
    },
  };
}
