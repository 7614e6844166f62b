/**
 * gzip with the platform's `CompressionStream('gzip')` (browsers, workers, Node ≥ 18 as a global), to
 * measure how small an export gets on the wire. No DOM: the stream classes are the web-platform ones
 * every runtime of the lab has. Neither function mutates `data`.
 */

/** The gzip (RFC 1952) compression of `data`, as a new array. */
export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const cs = new globalThis.CompressionStream('gzip');
  const writer = cs.writable.getWriter();
  // Written while the output is read: awaiting the write first could stall on back-pressure.
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const reader = cs.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await written;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The byte length of `gzip(data)`. */
export async function gzipSize(data: Uint8Array): Promise<number> {
  return (await gzip(data)).length;
}
