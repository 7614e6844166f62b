import { describe, expect, it } from 'vitest';
import { formatDuration, int, pct } from './format';

describe('formats', () => {
  it('pct never shows 0% or 100% for a share that is not exactly that', () => {
    expect(pct(0.5)).toBe('50.0%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(0)).toBe('0.0%');
    expect(pct(1 - 6 / 52544)).toBe('99.99%');
    expect(pct(3 / 52544)).toBe('0.01%');
    expect(pct(1e-5)).toBe('0.001%');
    expect(pct(0.99999999)).toBe('> 99.9999%');
    expect(pct(0.9374, 0)).toBe('94%');
    expect(pct(NaN)).toBe('–');
  });

  it('counts and durations', () => {
    expect(int(52544)).toBe('52,544');
    expect([formatDuration(0.04), formatDuration(0.44), formatDuration(9.96), formatDuration(42.4), formatDuration(59.6)]).toEqual(['0.0 s', '0.4 s', '10 s', '42 s', '1:00']);
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
