/**
 * A size against its limit, as a refusal words it: in MB with one decimal, unless the two round to the
 * same figure (52,428,801 bytes against 52,428,800 would read "50.0 MB; the limit is 50.0 MB"): then in
 * exact bytes. Pure; the message chooses the unit by `exact`.
 */
export type SizeWords = { exact: false; mb: string; max: string } | { exact: true; bytes: number; max: number };

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export function sizeWords(bytes: number, max: number): SizeWords {
  return mb(bytes) === mb(max) ? { exact: true, bytes, max } : { exact: false, mb: mb(bytes), max: mb(max) };
}
