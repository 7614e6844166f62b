import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalogue';
import { spreadTimes, times, verdictSpread } from './speedFormat';

const en = translator('en');
const zh = translator('zh-CN');
const r = (median: number, p10: number, p90: number, samples = 5) => ({ median, p10, p90, samples, rounds: 1 });

describe('speed formats', () => {
  it('writes ratios as people read them, never "0.00"', () => {
    expect([times(12.4), times(3.04), times(0.456), times(0.004), times(0), times(Infinity)]).toEqual([
      '12',
      '3.0',
      '0.46',
      '0.004',
      '0.00',
      '–',
    ]);
  });

  it('gives a verdict only when the whole spread is on one side of 1×, with its range and samples', () => {
    expect(verdictSpread(en, r(3, 2.5, 3.5))).toBe('3.0× faster (2.5–3.5× over 5 paired samples)');
    // Slower: the range in the same "× slower" terms, lowest first.
    expect(verdictSpread(en, r(0.5, 0.4, 0.8))).toBe('2.0× slower (1.3–2.5× over 5 paired samples)');
    expect(verdictSpread(en, r(1.5, 0.9, 2))).toBe('no clear difference (speed-up 0.90–2.0× over 5 paired samples)');
    expect(verdictSpread(zh, r(1.5, 0.9, 2))).toBe('没有明显差别（5 组成对采样中加速比为 0.90–2.0×）');
    expect(spreadTimes(en, r(3, 2.5, 3.5, 12))).toBe('3.0× (2.5–3.5×)');
    expect(spreadTimes(zh, r(3, 2.5, 3.5, 12))).toBe('3.0×（2.5–3.5×）');
  });
});
