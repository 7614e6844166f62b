/**
 * The choice `auto` makes on a software GPU adapter, from measured throughputs: the fastest at batch 32
 * (the default) on MNIST's shape, and the sentence that says why. Pure (no tfjs).
 */
import type { BackendName, SkipReason } from './runTypes';

/** A skip reason in English, as `fallbackReason` (logs, scripts, the run file) writes it. */
export function skipText(r: SkipReason): string {
  switch (r.code) {
    case 'no-webgpu':
      return 'this browser has no WebGPU (navigator.gpu is missing)';
    case 'no-adapter':
      return 'no WebGPU adapter is available (requestAdapter returned null)';
    case 'start-threw':
      return `it failed to start: ${r.detail}`;
    case 'start-failed':
      return 'it failed to start';
    case 'check-failed':
      return `its gradient check failed (${r.detail})`;
    case 'check-threw':
      return `its gradient check threw: ${r.detail}`;
  }
}

export interface Measured {
  name: BackendName;
  software: boolean;
  adapter: string;
  /** Training samples per second at batch 32 (784 inputs), from a short probe. */
  samplesPerSec: number;
}

const ratio = (a: number, b: number) => {
  const r = a / b;
  return r >= 10 ? Math.round(r).toString() : r.toFixed(1);
};

/**
 * `measured[0]` is the software GPU backend `auto` found first. Returns the fastest, a one-line reason
 * when it is not the first, and how much slower the first measured (for the badge).
 */
export function chooseFastest(measured: Measured[]): {
  chosen: Measured;
  reason: string;
  slower: { name: BackendName; times: number; adapter: string } | null;
} {
  const first = measured[0];
  const chosen = measured.reduce((best, m) => (m.samplesPerSec > best.samplesPerSec ? m : best), first);
  if (chosen === first) return { chosen, reason: '', slower: null };
  const times = chosen.samplesPerSec / first.samplesPerSec;
  const reason = `${first.name} here is a software adapter (${first.adapter}), ${ratio(chosen.samplesPerSec, first.samplesPerSec)}× slower than ${chosen.name} in a measured run of a few batches; ?backend=${first.name} forces it`;
  return { chosen, reason, slower: { name: first.name, times, adapter: first.adapter } };
}
