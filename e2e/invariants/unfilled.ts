import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CATALOGUES } from '../../src/i18n/catalogue';

/**
 * One piece of text a reader should never see — a `{placeholder}`, a message key, an internal code — or an
 * id the page uses twice (what the ids tie together, a reader of a screen reader hears wrong).
 */
export interface Unfilled {
  what: 'placeholder' | 'key' | 'code' | 'value' | 'duplicate-id';
  text: string;
  /** Where: the element's test id or tag, and the attribute if it was one. */
  where: string;
}

const KEYS = Object.keys(CATALOGUES.en);

/** The internal problem codes the source defines (`code: 'too-large'`, `shape('not-array')`): never for a reader. */
function internalCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of ['core', 'data', 'state', 'train', 'eval']) {
    const root = join(import.meta.dirname, '../../src', dir);
    for (const f of readdirSync(root)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(/(?:code: |issue: |shape\()'([a-z][a-z0-9-]*)'/g))
        codes.add(m[1]);
    }
  }
  return [...codes];
}
const CODES = internalCodes();

/**
 * Installed before the page's own scripts: a MutationObserver that reads every text node and every
 * user-facing attribute (aria-label, title, alt, placeholder, aria-valuetext) as it appears or changes,
 * for the whole life of the page, and records what must never be shown. The page keeps the list in
 * `window.__unfilled` (bounded), so a test reads it whenever it likes: the check runs through whole
 * journeys, live training included, not only at the moments a test looks.
 */
function observe({ keys, codes }: { keys: string[]; codes: string[] }) {
  const keySet = new Set(keys);
  const codeRe = new RegExp(`\\((?:${codes.join('|')})(?:[):]| \\d)|\\(record \\d+: `);
  const found: { what: string; text: string; where: string }[] = [];
  (window as unknown as { __unfilled: typeof found }).__unfilled = found;
  const ATTRS = ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext'];
  const where = (el: Element | null, attr?: string) => {
    const id = el?.closest('[data-testid]')?.getAttribute('data-testid');
    return `${id ?? el?.tagName.toLowerCase() ?? '?'}${attr ? ` [${attr}]` : ''}`;
  };
  const check = (text: string, el: Element | null, attr?: string) => {
    if (!text || found.length > 50) return;
    // Code, the user's own data and what the user typed are shown as they are.
    if (el?.closest('code, pre, textarea, input, [data-verbatim]')) return;
    const add = (what: string, t: string) => found.push({ what, text: t.slice(0, 120), where: where(el, attr) });
    const p = /\{[A-Za-z_][\w]*(?:,[^}]*)?\}/.exec(text);
    if (p) add('placeholder', p[0]);
    for (const m of text.matchAll(/[a-z][\w-]*(?:\.[\w-]+)+/g)) if (keySet.has(m[0])) add('key', m[0]);
    const code = codeRe.exec(text);
    if (code) add('code', code[0]);
    // (NaN is a word the lab uses on purpose: "the training loss became NaN".)
    const v = /(^|[^\w])(undefined|\[object Object\])([^\w]|$)/.exec(text);
    if (v) add('value', v[2]);
  };
  const scan = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return check(node.textContent ?? '', node.parentElement);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return;
    // An id twice in the document: a label, aria-controls or aria-describedby then points at the wrong one.
    if (el.id && found.length <= 50 && document.querySelectorAll(`#${CSS.escape(el.id)}`).length > 1)
      found.push({ what: 'duplicate-id', text: el.id, where: where(el) });
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v) check(v, el, a);
    }
    for (const child of el.childNodes) scan(child);
  };
  const start = () => {
    scan(document.body);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') check(r.target.textContent ?? '', r.target.parentElement);
        else if (r.type === 'attributes')
          check((r.target as Element).getAttribute(r.attributeName!) ?? '', r.target as Element, r.attributeName!);
        else r.addedNodes.forEach(scan);
      }
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ATTRS,
    });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

/** Installs the observer in every document the page opens from now on (each navigation, each reload). */
export async function watchUnfilled(page: Page): Promise<void> {
  await page.addInitScript(observe, { keys: KEYS, codes: CODES });
}

/** What the observer has recorded so far in the current document. */
export function unfilled(page: Page): Promise<Unfilled[]> {
  return page.evaluate(() => (window as unknown as { __unfilled?: Unfilled[] }).__unfilled ?? []).catch(() => []);
}
