/** Number formatting shared by the UI. */

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (v: number) => String(v).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatRate(samplesPerSec: number): string {
  if (!Number.isFinite(samplesPerSec) || samplesPerSec <= 0) return '–';
  return `${Math.round(samplesPerSec).toLocaleString('en-US')} samples/s`;
}

export const pct = (v: number, digits = 1) => (Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '–');

/** Compact scientific-ish formatting for gradient magnitudes (e.g. 3.2e-4). */
export function formatSci(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.01 && a < 1000 ? v.toPrecision(3) : v.toExponential(2);
}
