import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/catalogue';
import { formatDuration, formatRate, int, pct, roughPct } from './format';

const en = translator('en');
const zh = translator('zh-CN');

describe('formats', () => {
  it('rough percentages: whole, at most four characters, never a false 0% or 100%', () => {
    expect([0, 1, 0.5, 0.004, 0.995, 0.9949, 1e-9, 1 - 1e-9, 0.12345].map(roughPct)).toEqual([
      '0%',
      '100%',
      '50%',
      '<1%',
      '>99%',
      '99%',
      '<1%',
      '>99%',
      '12%',
    ]);
    for (let k = 0; k <= 1000; k++) expect(roughPct(k / 1000).length).toBeLessThanOrEqual(4);
    expect(roughPct(NaN)).toBe('–');
  });

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
    expect([
      formatDuration(0.04, en),
      formatDuration(0.44, en),
      formatDuration(9.96, en),
      formatDuration(42.4, en),
      formatDuration(59.6, en),
    ]).toEqual(['0.0 s', '0.4 s', '10 s', '42 s', '1:00']);
    expect(formatDuration(75, en)).toBe('1:15');
    expect(formatDuration(3725, en)).toBe('1:02:05');
    expect([formatDuration(-1, en), formatDuration(NaN, en)]).toEqual(['–', '–']);
  });

  it('durations and rates in the translator’s language', () => {
    expect([formatDuration(0.44, zh), formatDuration(42.4, zh), formatDuration(75, zh)]).toEqual([
      '0.4 秒',
      '42 秒',
      '1:15',
    ]);
    expect(formatRate(12149.4, en)).toBe('12,149 samples/s');
    expect(formatRate(12149.4, zh)).toBe('每秒 12,149 个样本');
    expect([formatRate(0, en), formatRate(NaN, zh)]).toEqual(['–', '–']);
  });
});
