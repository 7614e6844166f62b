/** Formatting of measured times and sizes for the speed views. Pure. */
import type { RatioSpread } from '../../core/infer';
import type { Translator } from '../../i18n/catalogue';
import { sideOf } from '../../state/store';

/** Milliseconds with two significant digits (0.021, 0.64, 3.1, 12), never in exponent form. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v >= 10) return v.toFixed(0);
  const digits = Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(Math.max(v, 1e-9)))));
  return v.toFixed(digits);
}

/** A ratio as people read it: 3.0, 12, 0.45, 0.004 (one significant digit below 0.01, never "0.00"). */
export function times(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v >= 0.01 || v === 0 ? v.toFixed(2) : v.toPrecision(1);
}

/** "3.0× faster" or "2.2× slower" for a speed-up (dense time ÷ sparse time). */
export function verdict(t: Translator, speedUp: number): string {
  return speedUp >= 1 ? t('speed.faster', { times: times(speedUp) }) : t('speed.slower', { times: times(1 / speedUp) });
}

/** A measured speed-up with its spread: "3.0× (2.6–3.4×)" (median, 10th–90th percentile of the paired samples). */
export const spreadTimes = (t: Translator, r: RatioSpread) =>
  t('speed.times.spread', { times: times(r.median), lo: times(r.p10), hi: times(r.p90) });

/**
 * A measured speed-up as a verdict with its spread and samples: "3.0× faster (2.6–3.4× over 5 paired
 * samples)", "2.2× slower (…)", or, when the spread includes 1×, no verdict but the range.
 */
export function verdictSpread(t: Translator, r: RatioSpread): string {
  const side = sideOf(r);
  if (side === 'faster')
    return t('speed.faster.spread', { times: times(r.median), lo: times(r.p10), hi: times(r.p90), n: r.samples });
  if (side === 'slower')
    return t('speed.slower.spread', {
      times: times(1 / r.median),
      lo: times(1 / r.p90),
      hi: times(1 / r.p10),
      n: r.samples,
    });
  return t('speed.even.spread', { lo: times(r.p10), hi: times(r.p90), n: r.samples });
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
