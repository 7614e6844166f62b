/** Formatting of measured times and sizes for the speed views. Pure. */
import type { Translator } from '../i18n/catalogue';

/** Milliseconds with two significant digits (0.021, 0.64, 3.1, 12), never in exponent form. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v >= 10) return v.toFixed(0);
  const digits = Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(Math.max(v, 1e-9)))));
  return v.toFixed(digits);
}

/** A ratio as people read it: 3.0, 12, 0.45. */
export function times(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2);
}

/** "3.0× faster" or "2.2× slower" for a speed-up (dense time ÷ sparse time). */
export function verdict(t: Translator, speedUp: number): string {
  return speedUp >= 1 ? t('speed.faster', { times: times(speedUp) }) : t('speed.slower', { times: times(1 / speedUp) });
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
