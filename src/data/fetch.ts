/** Fetching the lab's own files (the MNIST data, the snapshots): plain `fetch`, then gunzip. */

/** Fetches a file and decompresses it unless the server already did (gzip magic 1f 8b). */
export async function fetchGunzip(url: string, what: string): Promise<Uint8Array> {
  const res = await fetch(url).catch((e: unknown) => {
    throw new Error(`Could not load ${what} from ${url} (${e instanceof Error ? e.message : String(e)})`);
  });
  if (!res.ok) throw new Error(`Could not load ${what} from ${url} (HTTP ${res.status})`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new Error(`${what} from ${url} is damaged (it does not decompress)`);
  }
}
