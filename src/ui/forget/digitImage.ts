/**
 * A grey-scale image (values 0–1, row-major, `size` × `size`; 1 is ink) as a data URL of an 8-bit BMP,
 * dark on light. Built in plain script for an `<img>`: no canvas (each canvas costs a 2D context and, in
 * Chromium, a compositing layer of its own — two dozen digits made every frame slower), no encoder.
 * BMP: a 14-byte file header, a 40-byte info header, a 256-entry grey palette, rows top-down (a
 * negative height) padded to 4 bytes.
 */
export function digitImageUrl(values: ArrayLike<number>, size = 28): string {
  const stride = (size + 3) & ~3;
  const offset = 14 + 40 + 256 * 4;
  const bytes = new Uint8Array(offset + stride * size);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]); // "BM"
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, size, true);
  view.setInt32(22, -size, true); // top-down rows
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 8, true); // bits per pixel
  view.setUint32(34, stride * size, true);
  view.setUint32(46, 256, true); // palette entries
  for (let g = 0; g < 256; g++) bytes.set([g, g, g, 0], 54 + g * 4);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const v = Math.min(1, Math.max(0, Number(values[r * size + c] ?? 0) || 0));
      bytes[offset + r * stride + c] = 255 - Math.round(255 * v);
    }
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return `data:image/bmp;base64,${btoa(binary)}`;
}
