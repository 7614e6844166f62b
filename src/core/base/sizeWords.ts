/**
 * A file's size against its limit, as a message's parameters, so the two figures a reader sees never
 * look equal when one is over the other. Pure.
 */

/** Bytes per MB as the lab counts them (MiB: 50 MB = 52,428,800 bytes). */
export const MB = 2 ** 20;

/**
 * The parameters of a "size vs limit" message: `exact` 0 with `size` and `max` in MB (strings: the size
 * with one decimal, the limit as written in the code, "50", "0.5"), or `exact` 1 with both in bytes
 * (integers, which the catalogue writes with the locale's grouping: 52,428,801) when the MB figures
 * would not compare as the sizes do ("50.0 MB; the limit is 50 MB" for one byte over) or the limit is
 * under 1 MB. A message chooses its unit with `{exact, plural, =1 {… bytes …} other {… MB …}}`.
 */
export function sizeWords(bytes: number, max: number): { exact: 0 | 1; size: string | number; max: string | number } {
  const size = (bytes / MB).toFixed(1);
  const limit = String(Number((max / MB).toFixed(3)));
  if (max < MB || Math.sign(Number(size) - Number(limit)) !== Math.sign(bytes - max))
    return { exact: 1, size: bytes, max };
  return { exact: 0, size, max: limit };
}

/** The same in English words, for core's own messages (English details inside a translated sentence). */
export function sizeText(bytes: number, max: number): { size: string; max: string } {
  const w = sizeWords(bytes, max);
  const en = (v: string | number) => (typeof v === 'number' ? `${v.toLocaleString('en-US')} bytes` : `${v} MB`);
  return { size: en(w.size), max: en(w.max) };
}
