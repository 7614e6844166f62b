/**
 * The lab's own self-describing binary for the weights tfjs cannot load: per-unit int8, and every
 * format in CSR layout (only the live weights stored, with their positions). Pure TypeScript. Kernels
 * are row-major `[inputs, units]`; masks one Uint8Array per layer in that layout, 1 = kept. All numbers
 * little-endian. Layout (docs/formats.md):
 *
 *   header   'GPLW' · version u8 (1) · format u8 (index in WEIGHT_FORMATS) · layout u8 (0 dense, 1 CSR)
 *            · layer count u8 · total byte length u32                                      (12 bytes)
 *   table    per layer: inputs u32 · units u32
 *   layers   per layer, in order:
 *            CSR only: nnz u32 · row pointers (inputs + 1, from 0 to nnz; uint16 when nnz ≤ 65535,
 *              else uint32) · unit index of each live weight, row by row, ascending within a row
 *              (uint8 when units ≤ 256, uint16 when ≤ 65536, else uint32)
 *            int8 only: affine parameters, scale f32 · min f32, one (int8-layer) or one per unit
 *            values: every kernel entry (dense) or the nnz live ones (CSR), as float32, float16 bits
 *              (u16) or uint8 q (value = q·scale + min, in float64, stored as float32)
 *            bias: units × float32
 *   trailer  CRC-32 (crc32.ts) of every byte before it, u32
 *
 * The narrow row pointers and unit indices are what make CSR small: 1 byte of index per live weight
 * in layers of ≤ 256 units, plus 2 bytes per input row.
 */
import { crc32, type DenseWeights } from '../base';
import { checkLayers } from './exportFormat';
import {
  affineOf,
  BYTES_PER_VALUE,
  fromFloat16Bits,
  kernelAffines,
  LAYOUTS,
  maskedKernel,
  quantizedByte,
  toFloat16Bits,
  WEIGHT_FORMATS,
  type Affine,
  type Layout,
  type WeightFormat,
} from './quantize';

export const COMPACT_MAGIC = 'GPLW';
export const COMPACT_VERSION = 1;
const HEADER_BYTES = 12;

export interface CompactNetwork {
  format: WeightFormat;
  layout: Layout;
  /** Kernels (pruned weights +0) and biases as new Float32Arrays, as `dequantizedLayers(…, format, layout)`. */
  layers: DenseWeights[];
  /** CSR: 1 where a weight is stored. Dense (no mask is stored): 1 where the decoded value is non-zero. */
  masks: Uint8Array[];
}

const rowPtrBytes = (nnz: number) => (nnz <= 0xffff ? 2 : 4);
const indexBytes = (units: number) => (units <= 0x100 ? 1 : units <= 0x10000 ? 2 : 4);
const isInt8 = (f: WeightFormat): f is 'int8-layer' | 'int8-unit' => f === 'int8-layer' || f === 'int8-unit';

/**
 * The compact file of a (masked) network in `format` and `layout`. With `masks` null every weight is
 * live (CSR then stores them all). Values are those of `dequantizedLayers(layers, masks, format,
 * layout)` once decoded; for int8 the CSR ranges span the live weights only. A new array; does not
 * mutate its arguments. Throws a RangeError on inconsistent shapes, more than 255 layers, or a
 * non-finite kernel value in an int8 format.
 */
export function encodeCompact(
  layers: readonly DenseWeights[],
  masks: readonly ArrayLike<number>[] | null,
  format: WeightFormat,
  layout: Layout,
): Uint8Array {
  checkLayers(layers, masks);
  if (layers.length > 255) throw new RangeError(`${layers.length} layers: the compact format holds at most 255`);
  const parts = layers.map((l, k) => {
    const mask = masks ? masks[k] : null;
    const kernel = maskedKernel(l, mask);
    const live: number[] = [];
    if (layout === 'csr') for (let i = 0; i < kernel.length; i++) if (!mask || mask[i] !== 0) live.push(i);
    const affines = isInt8(format) ? kernelAffines(kernel, l.units, mask, format, layout) : [];
    const count = layout === 'csr' ? live.length : kernel.length;
    const csrBytes = layout === 'csr' ? 4 + (l.inputs + 1) * rowPtrBytes(count) + count * indexBytes(l.units) : 0;
    return {
      l,
      kernel,
      live,
      affines,
      count,
      bytes: csrBytes + affines.length * 8 + count * BYTES_PER_VALUE[format] + l.units * 4,
    };
  });
  const total = HEADER_BYTES + layers.length * 8 + parts.reduce((a, p) => a + p.bytes, 0) + 4;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  let o = 0;
  const u8 = (x: number) => v.setUint8(o++, x);
  const u16 = (x: number) => (v.setUint16(o, x, true), (o += 2));
  const u32 = (x: number) => (v.setUint32(o, x, true), (o += 4));
  const f32 = (x: number) => (v.setFloat32(o, x, true), (o += 4));
  for (const c of COMPACT_MAGIC) u8(c.charCodeAt(0));
  [COMPACT_VERSION, WEIGHT_FORMATS.indexOf(format), LAYOUTS.indexOf(layout), layers.length].forEach(u8);
  u32(total);
  for (const l of layers) [l.inputs, l.units].forEach(u32);
  for (const { l, kernel, live, affines, count } of parts) {
    const positions = layout === 'csr' ? live : null;
    if (positions) {
      u32(count);
      const ptr = rowPtrBytes(count) === 2 ? u16 : u32;
      let p = 0;
      ptr(0);
      for (let row = 0; row < l.inputs; row++) {
        while (p < count && positions[p] < (row + 1) * l.units) p++;
        ptr(p);
      }
      const idx = [u8, u16, u32][Math.log2(indexBytes(l.units))];
      for (const i of positions) idx(i % l.units);
    }
    for (const a of affines) [a.scale, a.min].forEach(f32);
    for (let n = 0; n < count; n++) {
      const i = positions ? positions[n] : n;
      if (format === 'float32') f32(kernel[i]);
      else if (format === 'float16') u16(toFloat16Bits(kernel[i]));
      else u8(quantizedByte(kernel[i], affines, i, l.units));
    }
    for (let j = 0; j < l.units; j++) f32(l.bias[j] + 0);
  }
  u32(crc32(out.subarray(0, o)));
  return out;
}

/**
 * Reads a compact file back. Throws a RangeError naming the problem on a wrong magic or version, a
 * truncated or over-long file, a checksum mismatch (corrupted data), or an inconsistent structure
 * (unknown format or layout code, layer sizes that do not chain, row pointers or unit indices out of
 * order or out of range, non-finite affine parameters). Does not mutate `bytes`; new arrays.
 */
export function decodeCompact(bytes: Uint8Array): CompactNetwork {
  const n = bytes.length;
  if (n < HEADER_BYTES + 4)
    throw new RangeError(`compact weights truncated: ${n} bytes, a file has at least ${HEADER_BYTES + 4}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, n);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== COMPACT_MAGIC)
    throw new RangeError(`not a compact weights file: magic ${JSON.stringify(magic)}, expected "${COMPACT_MAGIC}"`);
  if (bytes[4] !== COMPACT_VERSION)
    throw new RangeError(`compact weights version ${bytes[4]} is not supported (expected ${COMPACT_VERSION})`);
  const declared = v.getUint32(8, true);
  if (n < declared) throw new RangeError(`compact weights truncated: ${n} of ${declared} bytes`);
  if (n > declared)
    throw new RangeError(`compact weights have ${n - declared} bytes after the declared end (${declared} bytes)`);
  const stored = v.getUint32(n - 4, true);
  const actual = crc32(bytes.subarray(0, n - 4));
  if (stored !== actual)
    throw new RangeError(`compact weights corrupted: CRC-32 is ${hex(actual)}, the file says ${hex(stored)}`);
  const format = WEIGHT_FORMATS[bytes[5]];
  const layout = LAYOUTS[bytes[6]];
  if (!format) throw new RangeError(`compact weights: unknown format code ${bytes[5]}`);
  if (!layout) throw new RangeError(`compact weights: unknown layout code ${bytes[6]}`);
  const L = bytes[7];
  if (L === 0) throw new RangeError('compact weights: no layers');
  let o = HEADER_BYTES;
  const need = (count: number, what: string) => {
    if (o + count > n - 4)
      throw new RangeError(`compact weights inconsistent: ${what} (${count} bytes at offset ${o}) run past the end`);
  };
  const read = (width: number) => {
    const x = width === 1 ? v.getUint8(o) : width === 2 ? v.getUint16(o, true) : v.getUint32(o, true);
    o += width;
    return x;
  };
  const f32 = () => ((o += 4), v.getFloat32(o - 4, true));
  need(L * 8, 'the layer table');
  const dims = Array.from({ length: L }, () => [read(4), read(4)] as const);
  dims.forEach(([inputs, units], k) => {
    if (inputs === 0 || units === 0 || inputs * units > 2 ** 28)
      throw new RangeError(`compact weights inconsistent: layer ${k} is ${inputs} × ${units}`);
    if (k > 0 && inputs !== dims[k - 1][1])
      throw new RangeError(
        `compact weights inconsistent: layer ${k} has ${inputs} inputs, the layer before ${dims[k - 1][1]} units`,
      );
  });
  const layers: DenseWeights[] = [];
  const masks: Uint8Array[] = [];
  dims.forEach(([inputs, units], k) => {
    const what = `layer ${k} (${inputs} × ${units})`;
    const size = inputs * units;
    let positions: Uint32Array | null = null;
    if (layout === 'csr') {
      need(4, `${what}: the count`);
      const nnz = read(4);
      if (nnz > size) throw new RangeError(`compact weights inconsistent: ${what} stores ${nnz} weights`);
      const pw = rowPtrBytes(nnz);
      const iw = indexBytes(units);
      need((inputs + 1) * pw + nnz * iw, `${what}: row pointers and unit indices`);
      const ptr = Array.from({ length: inputs + 1 }, () => read(pw));
      if (ptr[0] !== 0 || ptr[inputs] !== nnz)
        throw new RangeError(
          `compact weights inconsistent: ${what} row pointers run from ${ptr[0]} to ${ptr[inputs]}, expected 0 to ${nnz}`,
        );
      positions = new Uint32Array(nnz);
      for (let row = 0; row < inputs; row++) {
        if (ptr[row + 1] < ptr[row])
          throw new RangeError(`compact weights inconsistent: ${what} row pointer ${row + 1} decreases`);
        for (let p = ptr[row], last = -1; p < ptr[row + 1]; p++) {
          const j = read(iw);
          if (j >= units || j <= last)
            throw new RangeError(`compact weights inconsistent: ${what} row ${row} has unit index ${j} after ${last}`);
          positions[p] = row * units + (last = j);
        }
      }
    }
    const count = positions ? positions.length : size;
    const affines: Affine[] = [];
    if (isInt8(format)) {
      const na = format === 'int8-layer' ? 1 : units;
      need(na * 8, `${what}: affine parameters`);
      for (let a = 0; a < na; a++) {
        const scale = f32();
        const min = f32();
        if (!Number.isFinite(scale) || !Number.isFinite(min))
          throw new RangeError(`compact weights inconsistent: ${what} affine ${a} is scale ${scale}, min ${min}`);
        affines.push({ scale, min });
      }
    }
    need(count * BYTES_PER_VALUE[format] + units * 4, `${what}: values and bias`);
    const kernel = new Float32Array(size);
    const mask = new Uint8Array(size);
    for (let p = 0; p < count; p++) {
      const i = positions ? positions[p] : p;
      if (format === 'float32') kernel[i] = f32();
      else if (format === 'float16') kernel[i] = fromFloat16Bits(read(2));
      else {
        const a = affineOf(affines, i, units);
        kernel[i] = read(1) * a.scale + a.min;
      }
      mask[i] = positions || kernel[i] !== 0 ? 1 : 0;
    }
    const bias = Float32Array.from({ length: units }, f32);
    layers.push({ inputs, units, kernel, bias });
    masks.push(mask);
  });
  if (o !== n - 4) throw new RangeError(`compact weights inconsistent: ${n - 4 - o} unread bytes before the checksum`);
  return { format, layout, layers, masks };
}

const hex = (x: number) => `0x${x.toString(16).padStart(8, '0')}`;
