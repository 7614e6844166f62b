import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataRefOf, makeSynthetic32 } from '../core/data';
import { loadDataset, prefetchMnist } from './load';

/** A GPLD file (see core/mnistFormat.ts) of 10,000 samples whose pixels encode their sample number. */
function mnistFile(): Uint8Array {
  const n = 10000;
  const f = 784;
  const out = new Uint8Array(16 + n + n * f);
  const view = new DataView(out.buffer);
  out.set([71, 80, 76, 68]);
  view.setUint32(4, 1, true);
  view.setUint32(8, n, true);
  view.setUint32(12, f, true);
  for (let s = 0; s < n; s++) {
    out[16 + s] = s % 10;
    out[16 + n + s * f] = s % 251;
    out[16 + n + s * f + 1] = Math.floor(s / 251);
  }
  return out;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadDataset', () => {
  it('serves a user table with its split: the rows it names, its width and classes; refuses a split beyond it', async () => {
    const rows = 6;
    const table = {
      name: 't.csv',
      hash: 'a'.repeat(64),
      rows,
      featureNames: ['f', 'g'],
      classNames: ['no', 'yes', 'maybe'],
      x: Float32Array.from({ length: rows * 2 }, (_, i) => i / 10),
      y: Uint8Array.from([0, 1, 2, 0, 1, 2]),
    };
    const ds = await loadDataset(
      { name: 'user', seed: 1, trainIndices: Uint32Array.from([4, 0, 2]), valIndices: Uint32Array.from([1, 5]), table },
      'unused',
    );
    expect([ds.name, ds.inputSize, ds.numClasses]).toEqual(['user', 2, 3]);
    expect(Array.from(ds.train.x)).toEqual([0.8, 0.9, 0, 0.1, 0.4, 0.5].map(Math.fround));
    expect(Array.from(ds.train.y)).toEqual([1, 0, 2]);
    expect(Array.from(ds.val.indices)).toEqual([1, 5]);
    await expect(
      loadDataset(
        { name: 'user', seed: 1, trainIndices: Uint32Array.from([6]), valIndices: Uint32Array.from([1]), table },
        'unused',
      ),
    ).rejects.toThrow('sample number 6 is not in the t.csv data (6 samples)');
    await expect(loadDataset({ name: 'user', seed: 1 }, 'unused')).rejects.toThrow('needs its table');
  });

  it('rebuilds synthetic-32 from its data reference: same arrays as the run had', async () => {
    const ds = makeSynthetic32(3);
    const again = await loadDataset(dataRefOf(ds, 3), 'unused');
    expect(again.train.x).toEqual(ds.train.x);
    expect(again.val.y).toEqual(ds.val.y);
    expect(again.train.indices).toEqual(ds.train.indices);
    expect((await loadDataset({ name: 'synthetic-32', seed: 3 }, 'unused')).val.x).toEqual(ds.val.x);
  });

  it('fetches and gunzips the MNIST file once per URL when cached, every time when not', async () => {
    const gz = gzipSync(mnistFile());
    const fetch = vi.fn(async () => new Response(gz));
    vi.stubGlobal('fetch', fetch);
    const trainIndices = Uint32Array.of(10, 9999, 3);
    const a = await loadDataset(
      { name: 'mnist', seed: 1, trainIndices, valIndices: Uint32Array.of(500) },
      'http://x/a.gz',
      { cache: false },
    );
    // Row r holds sample trainIndices[r]: its first two pixels encode the sample number.
    expect(
      Array.from(
        { length: 3 },
        (_, r) => Math.round(a.train.x[r * 784] * 255) + 251 * Math.round(a.train.x[r * 784 + 1] * 255),
      ),
    ).toEqual([10, 9999, 3]);
    expect(Array.from(a.train.y)).toEqual([0, 9, 3]);
    await loadDataset({ name: 'mnist', seed: 1 }, 'http://x/a.gz', { cache: false });
    expect(fetch).toHaveBeenCalledTimes(2);
    const std = await loadDataset({ name: 'mnist', seed: 1 }, 'http://x/b.gz');
    await loadDataset({ name: 'mnist', seed: 2 }, 'http://x/b.gz');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect([std.train.n, std.val.n, std.inputSize]).toEqual([8000, 2000, 784]);
  });

  it('a prefetched MNIST file serves the next uncached load of its URL once, with the same data', async () => {
    const gz = gzipSync(mnistFile());
    const fetch = vi.fn(async () => new Response(gz));
    vi.stubGlobal('fetch', fetch);
    prefetchMnist('http://x/p.gz');
    prefetchMnist('http://x/p.gz'); // already on its way: not fetched again
    expect(fetch).toHaveBeenCalledTimes(1);
    const ref = { name: 'mnist' as const, seed: 1, trainIndices: Uint32Array.of(7, 2), valIndices: Uint32Array.of(9) };
    const a = await loadDataset(ref, 'http://x/p.gz', { cache: false });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(Array.from(a.train.y)).toEqual([7, 2]);
    // Taken and dropped: the next uncached load fetches again, and gets the same arrays.
    const b = await loadDataset(ref, 'http://x/p.gz', { cache: false });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(b.train.x).toEqual(a.train.x);
    // A failed prefetch is reported by the load that takes it; the one after fetches again.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 404 })),
    );
    prefetchMnist('http://x/q.gz');
    await expect(loadDataset(ref, 'http://x/q.gz', { cache: false })).rejects.toThrow('(HTTP 404)');
    vi.stubGlobal('fetch', fetch);
    expect((await loadDataset(ref, 'http://x/q.gz', { cache: false })).val.y).toEqual(Uint8Array.of(9));
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('says which file failed, and which sample number does not exist', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('nope', { status: 404 })),
    );
    await expect(loadDataset({ name: 'mnist', seed: 1 }, 'http://x/missing.gz', { cache: false })).rejects.toThrow(
      'Could not load the MNIST data from http://x/missing.gz (HTTP 404)',
    );
    await expect(
      loadDataset(
        { name: 'synthetic-32', seed: 1, trainIndices: Uint32Array.of(10000), valIndices: Uint32Array.of(1) },
        '',
      ),
    ).rejects.toThrow('sample number 10000 is not in the synthetic-32 data (10000 samples)');
  });
});

describe('fetchGunzip', () => {
  it('says when a file does not decompress, or cannot be fetched', async () => {
    const { fetchGunzip } = await import('./fetch');
    const broken = gzipSync(Uint8Array.from({ length: 1000 }, (_, i) => i % 7));
    broken[broken.length - 6] ^= 0xff; // the stored CRC no longer matches
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(broken)),
    );
    await expect(fetchGunzip('http://x/s.gz', 'the snapshot')).rejects.toThrow(
      'the snapshot from http://x/s.gz is damaged (it does not decompress)',
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(fetchGunzip('http://x/s.gz', 'the snapshot')).rejects.toThrow(
      'Could not load the snapshot from http://x/s.gz (Failed to fetch)',
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(Uint8Array.of(1, 2, 3))),
    );
    expect(await fetchGunzip('http://x/plain', 'a file')).toEqual(Uint8Array.of(1, 2, 3)); // not gzip: as is
  });
});
