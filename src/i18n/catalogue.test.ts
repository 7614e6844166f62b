// The catalogues: both languages give the same keys with the same parameters, no key is defined twice,
// every key is used somewhere in the sources, and no component carries user-facing text of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAst } from 'vite';
import { skipText } from '../train/backendChoice';
import { describe, expect, it } from 'vitest';
import { AREAS, CATALOGUES, translate } from './catalogue';
import { LOCALES, paramNames } from './format';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory()
      ? files(p)
      : /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f)
        ? [p]
        : [];
  });
}
const sources = files('src').filter((f) => !f.startsWith('src/i18n/'));
const keys = Object.keys(CATALOGUES.en);

describe('catalogues', () => {
  it('give every key in every language, non-empty', () => {
    for (const locale of LOCALES) {
      const cat = CATALOGUES[locale] as Record<string, string>;
      expect(
        Object.keys(cat).filter((k) => !keys.includes(k)),
        `${locale}: keys English lacks`,
      ).toEqual([]);
      expect(
        keys.filter((k) => typeof cat[k] !== 'string' || cat[k].trim() === ''),
        `${locale}: missing or empty`,
      ).toEqual([]);
    }
  });

  it('use the same parameters in both languages', () => {
    const differ = keys.filter(
      (k) =>
        paramNames(CATALOGUES.en[k as keyof typeof CATALOGUES.en]).join() !==
        paramNames(CATALOGUES['zh-CN'][k as keyof typeof CATALOGUES.en]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('define each key in one area only', () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const [area, messages] of Object.entries(AREAS[locale])) {
        for (const k of Object.keys(messages)) {
          if (seen.has(k)) twice.push(`${k} (${seen.get(k)}, ${area})`);
          seen.set(k, area);
        }
      }
      expect(twice, locale).toEqual([]);
    }
  });

  it('have no unused key: each is named in a source, literally or by a template such as `criterion.${c}.label`', () => {
    const text = sources.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const literal = new Set([...text.matchAll(/['"`]([a-zA-Z0-9-]+(?:\.[a-zA-Z0-9:-]+)+)['"`]/g)].map((m) => m[1]));
    const patterns = [...text.matchAll(/`([a-zA-Z0-9.-]*\$\{[^`]*)`/g)]
      .map((m) => m[1])
      .filter((p) => /^[a-zA-Z0-9-]+\./.test(p))
      .map(
        (p) =>
          new RegExp(
            `^${p
              .split(/\$\{[^}]*\}/)
              .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('[a-zA-Z0-9:-]+')}$`,
          ),
      ); // ':' for the granularity 2:4
    const unused = keys.filter((k) => !literal.has(k) && !patterns.some((re) => re.test(k)));
    expect(unused).toEqual([]);
  });

  it('say why a backend was skipped in the same English words as the training worker’s log line', () => {
    const reasons = [
      { code: 'no-webgpu' },
      { code: 'no-adapter' },
      { code: 'start-threw', detail: 'boom' },
      { code: 'start-failed' },
      { code: 'check-failed', detail: 'got 1, expected 2' },
      { code: 'check-threw', detail: 'x' },
    ] as const;
    for (const r of reasons)
      expect(translate('en', `backend.skip.${r.code}`, { detail: 'detail' in r ? r.detail : '' })).toBe(skipText(r));
  });

  it('fill parameters and plurals per locale', () => {
    expect(translate('en', 'unit.rate', { n: 12149 })).toBe('12,149 samples/s');
    expect(translate('zh-CN', 'unit.rate', { n: 12149 })).toBe('每秒 12,149 个样本');
    expect(translate('en', 'help.show', { label: 'Seed' })).toBe('What is Seed?');
  });
});

describe('components', () => {
  it('carry no user-facing text of their own (JSX text, labels, titles, option labels)', () => {
    const found = sources
      .filter((f) => f.startsWith('src/ui/'))
      .flatMap((f) =>
        userTextIn(f, readFileSync(join(ROOT, f), 'utf8')).map(
          (hit) => `${relative(ROOT, join(ROOT, f))}:${hit.line}: ${hit.text}`,
        ),
      );
    expect(found).toEqual([]);
  });
});

/**
 * User-facing literals in a component's source: JSX text, string attributes people read (title,
 * aria-label, alt, placeholder, label…), strings inside a JSX child expression, and string values of
 * object properties named like text (label, title, name, help, text, summary, prompt, message). Not
 * counted: arguments of the translator `t(…)`/`t.msg(…)`, operands of comparisons, `case` labels.
 * "Text" means at least two letters in a row (symbols such as ✕, –, % and a lone T are not words).
 */
const WORD = /\p{L}{2,}/u;
const USER_ATTRS = new Set([
  'title',
  'aria-label',
  'alt',
  'placeholder',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'label',
  'summary',
  'text',
  'help',
  'prompt',
  'message',
]);
const USER_PROPS = new Set(['label', 'title', 'name', 'help', 'text', 'summary', 'prompt', 'message']);
const COMPARISONS = new Set(['===', '!==', '==', '!=']);
const TRANSLATORS = /^(t|translate|msg|.*\.msg)$/;

// ESTree nodes as Vite's parser (oxc) gives them: only the fields this walk reads.
interface Node {
  type: string;
  start: number;
  [field: string]: unknown;
}
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
const children = (n: Node): Node[] =>
  Object.values(n).flatMap((v) => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []));
const isJsx = (n: Node) => n.type === 'JSXElement' || n.type === 'JSXFragment';
const calleeName = (n: Node): string =>
  n.type === 'Identifier'
    ? String(n.name)
    : n.type === 'MemberExpression'
      ? `${calleeName(n.object as Node)}.${calleeName(n.property as Node)}`
      : '?';

function userTextIn(file: string, source: string): { line: number; text: string }[] {
  const program = parseAst(source, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }) as unknown as Node;
  const hits: { line: number; text: string }[] = [];
  const hit = (n: Node, text: string) =>
    hits.push({ line: source.slice(0, n.start).split('\n').length, text: text.trim().slice(0, 60) });
  const stringText = (n: Node): string | null =>
    n.type === 'Literal' && typeof n.value === 'string'
      ? n.value
      : n.type === 'TemplateLiteral'
        ? (n.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' ')
        : null;
  /** Strings in an expression (below `path`, its ancestors), not descending into JSX (visited on its own). */
  const scan = (n: Node, path: Node[]) => {
    if (isJsx(n)) return;
    if (n.type === 'CallExpression' && TRANSLATORS.test(calleeName(n.callee as Node))) return;
    if (n.type === 'BinaryExpression' && COMPARISONS.has(String(n.operator))) return;
    const text = stringText(n);
    if (text !== null && WORD.test(text)) hit(n, text);
    for (const c of children(n)) scan(c, [...path, n]);
  };
  const visit = (n: Node, path: Node[]) => {
    const parent = path[path.length - 1];
    if (n.type === 'JSXText' && WORD.test(String(n.value))) hit(n, String(n.value));
    else if (n.type === 'JSXAttribute' && USER_ATTRS.has(String((n.name as Node).name)) && n.value)
      scan(n.value as Node, path);
    else if (n.type === 'JSXExpressionContainer' && parent?.type !== 'JSXAttribute') scan(n.expression as Node, path);
    else if (n.type === 'Property' && USER_PROPS.has(String((n.key as Node).name ?? (n.key as Node).value)))
      scan(n.value as Node, path);
    for (const c of children(n)) visit(c, [...path, n]);
  };
  visit(program, []);
  return hits;
}

describe('the literal-text check', () => {
  it('finds text in JSX, in read attributes, in child expressions and in label properties; not keys or comparisons', () => {
    const src = [
      'const a = <p>Hello there</p>;',
      'const b = <button title="Stop the run" className="primary big">✕</button>;',
      "const c = <span>{busy ? 'Working…' : t('x.y')}</span>;",
      "const d = { value: 'global', label: 'per layer' };",
      "const e = <span>{phase === 'done' ? t('a.b') : t(ok ? 'c.d' : 'e.f')}</span>;",
      'const f = <span>{`${n} samples`}</span>;',
      "const g = <i aria-label={t('k.l')} data-testid=\"x.y\">{' '}T</i>;",
    ].join('\n');
    expect(userTextIn('x.tsx', src).map((h) => `${h.line}:${h.text}`)).toEqual([
      '1:Hello there',
      '2:Stop the run',
      '3:Working…',
      '4:per layer',
      '6:samples',
    ]);
  });
});
