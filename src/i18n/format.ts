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
  if (!f)
    INTS.set(locale, (f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : locale, { maximumFractionDigits: 0 })));
  return f.format(n);
}

/**
 * A user's own text (a file name) as a parameter of a message shown with markup (RichText): marked so
 * that it is shown as it is, never read as markup. Two private-use characters mark it; they are taken out
 * of the text itself.
 */
export const verbatim = (s: string): string => `\uE000${s.replace(/[\uE000-\uE003]/g, '')}\uE001`;

/** A parameter as text: integers grouped per locale, other numbers as JavaScript writes them. */
export const formatParam = (locale: Locale, v: ParamValue): string =>
  typeof v === 'number' ? (Number.isInteger(v) ? formatInt(locale, v) : String(v)) : v;

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

/** A message compiled once: text, a parameter, the `#` of a plural branch, or a plural choice. */
type Token = string | { param: string } | { hash: true } | { plural: string; branches: Record<string, Token[]> };

const COMPILED = new Map<string, Token[]>();

function compile(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let run = '';
  const flush = () => {
    if (run) tokens.push(run);
    run = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#') {
      flush();
      tokens.push({ hash: true });
      i++;
      continue;
    }
    if (ch !== '{') {
      const next = text.slice(i).search(/[{#]/);
      const end = next < 0 ? text.length : i + next;
      run += text.slice(i, end);
      i = end;
      continue;
    }
    flush();
    const close = closing(text, i);
    const body = text.slice(i + 1, close);
    const comma = body.indexOf(',');
    if (comma < 0) tokens.push({ param: body.trim() });
    else {
      const name = body.slice(0, comma).trim();
      const kind = /^\s*plural\s*,/.exec(body.slice(comma + 1));
      if (!kind) tokens.push({ param: name });
      else {
        const b = branches(body.slice(comma + 1 + kind[0].length));
        tokens.push({
          plural: name,
          branches: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, compiled(v)])),
        });
      }
    }
    i = close + 1;
  }
  flush();
  return tokens;
}

function compiled(text: string): Token[] {
  let t = COMPILED.get(text);
  if (!t) COMPILED.set(text, (t = compile(text)));
  return t;
}

/** What a message lacked: a parameter it names, or (from the catalogue) the message itself. */
export type Missing = { kind: 'param'; name: string; text: string } | { kind: 'key'; key: string };
let onMissing: ((m: Missing) => void) | null = null;

/**
 * Where a message that cannot be filled is reported (the page: `console.error`, which fails any e2e test
 * that walks past it); null: nowhere. The reader sees `…` in its place, never `{name}` or a key.
 */
export function reportMissingTo(f: ((m: Missing) => void) | null): void {
  onMissing = f;
}
export const reportMissing = (m: Missing) => onMissing?.(m);

const PLACEHOLDER = '…';

function render(locale: Locale, tokens: Token[], params: Params, hash: number | undefined, text: string): string {
  let out = '';
  for (const tok of tokens) {
    if (typeof tok === 'string') out += tok;
    else if ('hash' in tok) out += hash === undefined ? '#' : formatParam(locale, hash);
    else if ('param' in tok) {
      if (tok.param in params) out += formatParam(locale, params[tok.param]);
      else {
        out += PLACEHOLDER;
        reportMissing({ kind: 'param', name: tok.param, text });
      }
    } else {
      const value = params[tok.plural];
      if (typeof value !== 'number') {
        out += PLACEHOLDER;
        reportMissing({ kind: 'param', name: tok.plural, text });
      } else {
        const b = tok.branches;
        out += render(locale, b[`=${value}`] ?? b[pluralCategory(locale, value)] ?? b.other ?? [], params, value, text);
      }
    }
  }
  return out;
}

/**
 * The message with its parameters filled in (each message is compiled once). A parameter the message
 * names but `params` lacks is written `…` and reported (`reportMissingTo`) rather than thrown in front
 * of a class, or shown as `{name}`.
 */
export function formatMessage(locale: Locale, text: string, params: Params = {}): string {
  if (text.indexOf('{') < 0 && text.indexOf('#') < 0) return text;
  return render(locale, compiled(text), params, undefined, text);
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
    if (comma >= 0)
      for (const b of Object.values(branches(body.slice(body.indexOf(',', comma + 1) + 1))))
        for (const n of paramNames(b)) names.add(n);
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
