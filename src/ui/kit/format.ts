/** Number formatting shared by the UI. */
import type { Translator } from '../../i18n/catalogue';

/** A duration as a person reads it, in the translator's language: 0.4 s, 12 s (12 秒), 1:15, 1:02:05. */
export function formatDuration(seconds: number, t: Translator): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 9.95) return t('unit.seconds', { s: seconds.toFixed(1) });
  if (seconds < 59.5) return t('unit.seconds', { s: Math.round(seconds) });
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const pad = (v: number) => String(v).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m % 60)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** A throughput in the translator's language: 12,149 samples/s (每秒 12,149 个样本). */
export function formatRate(samplesPerSec: number, t: Translator): string {
  if (!Number.isFinite(samplesPerSec) || samplesPerSec <= 0) return '–';
  return t('unit.rate', { n: Math.round(samplesPerSec) });
}

const INT = new Intl.NumberFormat('en-US');
/** A count with thousands separators (one shared formatter: toLocaleString builds one per call). */
export const int = (n: number) => INT.format(n);

/**
 * A fraction as a percentage with `digits` decimals, never rounded to 0% or 100% when it is not exactly
 * that: 6 live weights of 52,544 read 99.99% pruned, not 100.0% (up to 4 decimals, then "< 0.0001%").
 */
export function pct(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0 || v === 1) return `${(v * 100).toFixed(digits)}%`;
  for (let d = digits; d <= 4; d++) {
    const text = (v * 100).toFixed(d);
    if (Number(text) !== 0 && Number(text) !== 100) return `${text}%`;
  }
  return v < 0.5 ? '< 0.0001%' : '> 99.9999%';
}

/**
 * A probability in whole percents for a small caption: never 0% or 100% when it is not exactly that
 * ("<1%", ">99%"), and never longer than four characters (pct's "> 99.9999%" overflowed a digit's caption).
 */
export function roughPct(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const r = Math.round(v * 100);
  if (r >= 100 && v < 1) return '>99%';
  if (r <= 0 && v > 0) return '<1%';
  return `${r}%`;
}

/** Compact scientific-ish formatting for gradient magnitudes (e.g. 3.2e-4). */
export function formatSci(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 0.01 && a < 1000 ? v.toPrecision(3) : v.toExponential(2);
}
