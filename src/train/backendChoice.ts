/**
 * The choice `auto` makes by measurement, on every adapter: the fastest candidate at the run's batch
 * size (784 inputs), and the sentence that says what was measured. Pure (no tfjs).
 */
import { roundRate } from '../core/base';
import type { BackendName, Measured, SkipReason } from './runTypes';

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

/** The candidates `auto` measures, in its order of preference (a tie goes to the earlier). */
export const CANDIDATES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm'];

/**
 * Measured candidates, fastest first (a tie keeps the order of `CANDIDATES`). Does not mutate.
 */
export function byRate(measured: readonly Measured[]): Measured[] {
  const rank = (m: Measured) => CANDIDATES.indexOf(m.name);
  return [...measured].sort((a, b) => b.samplesPerSec - a.samplesPerSec || rank(a) - rank(b));
}

/**
 * The fastest of `measured` (at least one) at `batch`, and the English line that says what was measured
 * and how to force another: "auto measured at batch 32: wasm 21,000 samples/s, webgpu 900 (software
 * adapter google swiftshader); ?backend=webgpu forces webgpu".
 */
export function chooseFastest(measured: readonly Measured[], batch: number): { chosen: Measured; reason: string } {
  if (measured.length === 0) throw new Error('chooseFastest: nothing was measured');
  const ranked = byRate(measured);
  const chosen = ranked[0];
  const rates = ranked.map(
    (m, i) =>
      `${m.name} ${roundRate(m.samplesPerSec).toLocaleString('en-US')}${i === 0 ? ' samples/s' : ''}` +
      (m.software ? ` (software adapter ${m.adapter})` : ''),
  );
  const others = ranked.slice(1).map((m) => `?backend=${m.name} forces ${m.name}`);
  return { chosen, reason: [`auto measured at batch ${batch}: ${rates.join(', ')}`, ...others].join('; ') };
}
