/**
 * The message syntax of the catalogues, a small subset of ICU MessageFormat: `{name}` inserts a
 * parameter, `{n, plural, one {# weight} other {# weights}}` chooses by the locale's plural rules (`#` is
 * the number), and the markup `<b>`, `<em>`, `<code>` is left in the text for the UI to render. Integer
 * parameters are written with the locale's grouping (12,149); other numbers as given (callers format
 * decimals themselves: percentages, 1.5e-5). Pure: no DOM, no React.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export type ParamValue = string | number;
export type Params = Readonly<Record<string, ParamValue>>;

const INTS = new Map<string, Intl.NumberFormat>();
const PLURALS = new Map<string, Intl.PluralRules>();

/** A count with the locale's grouping (one formatter per locale: toLocaleString builds one per call). */
export function formatInt(locale: Locale, n: number): string {
  let f = INTS.get(locale);
  if (!f) INTS.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** A parameter as text: integers grouped per locale, other numbers as JavaScript writes them. */
export const formatParam = (locale: Locale, v: ParamValue): string => (typeof v === 'number' ? (Number.isInteger(v) ? formatInt(locale, v) : String(v)) : v);

function pluralCategory(locale: Locale, n: number): string {
  let r = PLURALS.get(locale);
  if (!r) PLURALS.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n);
}

/** Index of the brace that closes the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

/** The branches of a plural argument: `one {…} other {…}` → { one: '…', other: '…' }. */
function branches(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < spec.length) {
    const m = /^\s*(=?\w+)\s*\{/.exec(spec.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const close = closing(spec, open);
    out[m[1]] = spec.slice(open + 1, close);
    i = close + 1;
  }
  return out;
}

/**
 * The message with its parameters filled in. A parameter the message names but `params` lacks is left
 * as `{name}` (visible, so a test or a reader notices) rather than throwing in front of a class.
 */
export function formatMessage(locale: Locale, text: string, params: Params = {}, hash?: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#' && hash !== undefined) {
      out += formatParam(locale, hash);
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const close = closing(text, i);
    const body = text.slice(i + 1, close);
    const comma = body.indexOf(',');
    if (comma < 0) {
      const name = body.trim();
      out += name in params ? formatParam(locale, params[name]) : `{${name}}`;
    } else {
      const name = body.slice(0, comma).trim();
      const rest = body.slice(comma + 1);
      const kind = /^\s*plural\s*,/.exec(rest);
      const value = params[name];
      if (!kind || typeof value !== 'number') out += `{${name}}`;
      else {
        const b = branches(rest.slice(kind[0].length));
        const chosen = b[`=${value}`] ?? b[pluralCategory(locale, value)] ?? b.other ?? '';
        out += formatMessage(locale, chosen, params, value);
      }
    }
    i = close + 1;
  }
  return out;
}

/** The parameter names a message uses (for the catalogue test: both languages must use the same). */
export function paramNames(text: string): string[] {
  const names = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue;
    const close = closing(text, i);
    const body = text.slice(i + 1, close);
    const comma = body.indexOf(',');
    names.add((comma < 0 ? body : body.slice(0, comma)).trim());
    if (comma >= 0) for (const b of Object.values(branches(body.slice(body.indexOf(',', comma + 1) + 1)))) for (const n of paramNames(b)) names.add(n);
    i = close;
  }
  return [...names].sort();
}

/**
 * The locale a visit uses: `lang=` from the URL when it names one (en, zh, zh-CN, any zh-*), else the
 * first of the browser's languages the lab has, else English.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase();
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'zh' || t.startsWith('zh-') || t === 'zh_cn') return 'zh-CN';
  return null;
}

export function pickLocale(urlLang: string | null, languages: readonly string[]): Locale {
  const fromUrl = matchLocale(urlLang);
  if (fromUrl) return fromUrl;
  for (const l of languages) {
    const m = matchLocale(l);
    if (m) return m;
  }
  return 'en';
}
