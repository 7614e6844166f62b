import { describe, expect, it } from 'vitest';
import { formatInt, formatMessage, matchLocale, paramNames, pickLocale, reportMissingTo, type Missing } from './format';

describe('the message syntax', () => {
  it('fills parameters, grouping integers per locale and leaving other numbers as given', () => {
    expect(formatMessage('en', '{a} of {b} live', { a: 26272, b: 52544 })).toBe('26,272 of 52,544 live');
    expect(formatMessage('zh-CN', '还剩 {a} 个', { a: 1234567 })).toBe('还剩 1,234,567 个');
    expect(formatMessage('en', 'T = {t}', { t: 0.01 })).toBe('T = 0.01');
    expect(formatMessage('en', 'T = {t}', { t: '1.00e-2' })).toBe('T = 1.00e-2');
  });

  it('chooses plural branches by the locale’s rules, with # as the number and exact =n branches first', () => {
    const m = '{n, plural, =0 {no weight} one {# weight} other {# weights}} pruned';
    expect(formatMessage('en', m, { n: 0 })).toBe('no weight pruned');
    expect(formatMessage('en', m, { n: 1 })).toBe('1 weight pruned');
    expect(formatMessage('en', m, { n: 4522 })).toBe('4,522 weights pruned');
    // Chinese has one plural form: "other".
    expect(formatMessage('zh-CN', '{n, plural, other {# 个权重}}', { n: 1 })).toBe('1 个权重');
    // Parameters inside a branch.
    expect(
      formatMessage('en', '{n, plural, one {# unit of {layer}} other {# units of {layer}}}', {
        n: 2,
        layer: 'dense_1',
      }),
    ).toBe('2 units of dense_1');
  });

  it('writes a missing parameter as … and reports it, rather than failing in front of a class or showing {name}', () => {
    const seen: Missing[] = [];
    reportMissingTo((m) => seen.push(m));
    try {
      expect(formatMessage('en', 'Step {n} of {total}', { n: 3 })).toBe('Step 3 of …');
      expect(formatMessage('en', '{n, plural, one {#} other {#}}', {})).toBe('…');
      expect(formatMessage('en', 'Step {n} of {total}', { n: 3, total: 9 })).toBe('Step 3 of 9');
    } finally {
      reportMissingTo(null);
    }
    expect(seen).toEqual([
      { kind: 'param', name: 'total', text: 'Step {n} of {total}' },
      { kind: 'param', name: 'n', text: '{n, plural, one {#} other {#}}' },
    ]);
    expect(() => formatMessage('en', 'broken {n', {})).toThrow(/unbalanced/);
  });

  it('lists the parameters a message uses, inside plural branches too', () => {
    expect(paramNames('{b} and {a}, {n, plural, one {# of {c}} other {# of {c}}}')).toEqual(['a', 'b', 'c', 'n']);
    expect(paramNames('no parameters')).toEqual([]);
  });

  it('formats integers with one cached formatter per locale', () => {
    expect(formatInt('en', 52544)).toBe('52,544');
    expect(formatInt('zh-CN', 52544)).toBe('52,544');
  });
});

describe('the language of a visit', () => {
  it('takes the URL’s lang when it names one, else the first browser language the lab has, else English', () => {
    expect(pickLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLocale('zh', [])).toBe('zh-CN');
    expect(pickLocale('EN', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale('klingon', ['de', 'en-GB'])).toBe('en');
    expect(pickLocale(null, ['de'])).toBe('en');
    expect(matchLocale('fr')).toBeNull();
  });
});
