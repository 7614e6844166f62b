/**
 * Fast scans over 0/1 byte masks, four bytes at a time where the buffers allow it. A slider move flips
 * well under 1% of ~50,000 first-layer weights, so most words compare equal and are skipped whole.
 */

/** A Uint32 view of the aligned whole words of `a`, or null when `a` does not start on a word. */
const words = (a: Uint8Array): Uint32Array | null =>
  a.byteOffset % 4 === 0 ? new Uint32Array(a.buffer, a.byteOffset, a.length >>> 2) : null;

/**
 * Writes, in ascending order, every position where `a` and `b` differ into `out` (which must hold
 * `a.length` entries); returns how many there are.
 */
export function diffPositions(a: Uint8Array, b: Uint8Array, out: Int32Array): number {
  if (a.length !== b.length) throw new RangeError(`masks of ${a.length} and ${b.length} bytes`);
  let n = 0;
  let start = 0;
  const wa = words(a);
  const wb = words(b);
  if (wa && wb) {
    for (let k = 0; k < wa.length; k++) {
      if (wa[k] === wb[k]) continue;
      for (let j = k << 2, end = j + 4; j < end; j++) if (a[j] !== b[j]) out[n++] = j;
    }
    start = wa.length << 2;
  }
  for (let j = start; j < a.length; j++) if (a[j] !== b[j]) out[n++] = j;
  return n;
}

/** The number of non-zero bytes of a 0/1 mask (bytes other than 0 and 1 give a wrong count). */
export function countOnes(mask: Uint8Array): number {
  let n = 0;
  let start = 0;
  const w = words(mask);
  if (w) {
    // Each byte lane sums at most 255 ones before it would carry into the next lane.
    for (let k = 0; k < w.length;) {
      let acc = 0;
      for (const end = Math.min(w.length, k + 255); k < end; k++) acc += w[k];
      n += (acc & 0xff) + ((acc >>> 8) & 0xff) + ((acc >>> 16) & 0xff) + (acc >>> 24);
    }
    start = w.length << 2;
  }
  for (let j = start; j < mask.length; j++) n += mask[j];
  return n;
}
