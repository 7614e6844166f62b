// Native PyTorch timed on the same network and batches as the lab's training bench (scripts/native-torch.py).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../native-torch.py', import.meta.url));
/** Debian's python3 first: python3-torch installs there, not into a pyenv or venv interpreter on PATH. */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => !p.startsWith('/') || existsSync(p));

/**
 * Times native PyTorch (1 thread). Returns `{ torch, threads, results: [{ batchSize, runs }] }`, or `{ note }`
 * when PyTorch is not installed or the script failed (the bench goes on without it).
 * @param {{ batchSizes: number[], batches: number, warmup: number, repeats: number }} o
 */
export function nativeTorch({ batchSizes, batches, warmup, repeats }) {
  const args = [SCRIPT, '--batch-sizes', batchSizes.join(','), '--batches', String(batches)];
  args.push('--warmup', String(warmup), '--repeats', String(repeats));
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0)
    return { note: `native PyTorch failed: ${(r.stderr || r.error?.message || '').trim().split('\n').at(-1)}` };
  const out = JSON.parse(r.stdout);
  return out.error ? { note: out.error } : out;
}

/** The two halves of a native measurement (before and after the browser's runs) as one: runs joined per batch size. */
export function joinNative(a, b) {
  if (a.note || b.note) return a.note ? a : b;
  return {
    ...a,
    results: a.results.map((r) => ({
      batchSize: r.batchSize,
      runs: [...r.runs, ...(b.results.find((x) => x.batchSize === r.batchSize)?.runs ?? [])],
    })),
  };
}
