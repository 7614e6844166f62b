import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { defaultFlags, parseFlags, serializeFlags, TABLE_NAME_MAX, TOUR_MAX_STEP, withLocale } from './flags';

const english = (n: ReturnType<typeof parseFlags>['notices']) => n.map((m) => translate('en', m.key, m.params));

describe('language, tour and presenter flags', () => {
  it('read lang, tour and present from the URL; bad values are ignored with a notice naming the key', () => {
    const ok = parseFlags('', '#lang=zh&tour=5&present=1');
    expect(ok.flags).toMatchObject({ lang: 'zh-CN', locale: 'zh-CN', tour: 5, present: true });
    expect(ok.notices).toEqual([]);
    const bad = parseFlags('', `#lang=fr&tour=0&present=yes`);
    expect(bad.flags).toMatchObject({ lang: null, tour: null, present: false });
    expect(english(bad.notices)).toEqual([
      expect.stringContaining('URL key "lang"'),
      expect.stringContaining('URL key "tour"'),
      expect.stringContaining('URL key "present"'),
    ]);
    expect(parseFlags('', `#tour=${TOUR_MAX_STEP + 1}`).flags.tour).toBeNull();
    expect(parseFlags('', '#tour=1e3').flags.tour).toBeNull();
  });

  it('write them back (the resolved locale is not part of a link), and round-trip', () => {
    const f = { ...defaultFlags(), lang: 'zh-CN' as const, locale: 'zh-CN' as const, tour: 3, present: true };
    expect(serializeFlags(f)).toBe('lang=zh-CN&tour=3&present=1');
    expect(serializeFlags({ ...defaultFlags(), locale: 'zh-CN' })).toBe('');
    expect(parseFlags('', `#${serializeFlags(f)}`).flags).toEqual(f);
  });

  it('resolve the page’s language: the link’s, else the browser’s', () => {
    expect(withLocale(parseFlags('', '').flags, ['zh-CN', 'en']).locale).toBe('zh-CN');
    expect(withLocale(parseFlags('', '#lang=en').flags, ['zh-CN']).locale).toBe('en');
    expect(withLocale(parseFlags('', '').flags, ['de-DE']).locale).toBe('en');
  });

  it('read the embed view and the theme; bad values are ignored with a notice', () => {
    expect(parseFlags('', '#embed=chart&theme=dark').flags).toMatchObject({ embed: 'chart', theme: 'dark' });
    const bad = parseFlags('?embed=slides', '#theme=pink');
    expect(bad.flags).toMatchObject({ embed: null, theme: 'auto' });
    expect(english(bad.notices)).toEqual([
      'URL key "embed" ignored — "slides" is not one of prune, chart, tour.',
      'URL key "theme" ignored — "pink" is not one of auto, light, dark.',
    ]);
    expect(serializeFlags({ ...defaultFlags(), embed: 'tour', theme: 'light' })).toBe('embed=tour&theme=light');
  });

  it('refuse a table name too long', () => {
    const long = parseFlags('', `#table=${'x'.repeat(TABLE_NAME_MAX + 1)}`);
    expect([long.flags.table, english(long.notices)]).toEqual([
      null,
      [`URL key "table" ignored — the name is longer than ${TABLE_NAME_MAX} characters.`],
    ]);
  });
});
