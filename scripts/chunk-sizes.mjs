#!/usr/bin/env node
// Sizes of the built files (raw and gzip -9), for docs/benchmarks.md. Run after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist';
const files = [];
const walk = (d) =>
  readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
walk(dir);
const rows = files
  .map((f) => {
    const b = readFileSync(f);
    return { file: f.slice(dir.length + 1), raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  })
  .sort((a, b) => b.raw - a.raw);
const kb = (n) => (n / 1024).toFixed(1);
console.log('| file | raw KB | gzip KB |\n|---|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.file.replace(/-[\w-]{8}(?=\.[a-z]+$)/, '')} | ${kb(r.raw)} | ${r.file.endsWith('.gz') ? '(already gzip)' : kb(r.gzip)} |`,
  );
