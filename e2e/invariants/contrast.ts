import type { Page } from '@playwright/test';

/**
 * Visible text below WCAG AA contrast (4.5:1, 3:1 for large text), from computed colours. axe leaves the
 * charts' SVG text and the text laid over a chart as "incomplete" (it cannot tell their background), so
 * this covers them; disabled controls are exempt, as in WCAG.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | null => {
      const m = c.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/);
      return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : m[5] ? +m[4] / 100 : +m[4]] : null;
    };
    const lum = (c: Rgba) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a: Rgba, b: Rgba) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const background = (el: Element): Rgba => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] === 1) return c;
      }
      return [255, 255, 255, 1];
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim();
      if (!text || el.closest(':disabled, .sr-only, option') || el.getClientRects().length === 0) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const cs = getComputedStyle(el);
      const svg = el instanceof SVGElement;
      const fg = parse(svg ? cs.fill : cs.color);
      if (!fg) {
        if (!(svg && cs.fill === 'none'))
          out.push(`${el.tagName} "${text}": colour ${svg ? cs.fill : cs.color} not parsed`);
        continue;
      }
      let alpha = fg[3] * (svg ? Number(cs.fillOpacity) : 1);
      for (let e: Element | null = el; e; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity);
      const bg = background(el);
      const seen: Rgba = [0, 1, 2].map((i) => fg[i] * alpha + bg[i] * (1 - alpha)) as Rgba;
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      // A lone symbol (a legend's ◆ or ▲) is a graphic: 3:1 (WCAG 1.4.11).
      const symbol = !/[\p{L}\p{N}]/u.test(text);
      const r = ratio(seen, bg);
      if (r < (large || symbol ? 3 : 4.5))
        out.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${text.slice(0, 40)}": ${r.toFixed(2)}:1`,
        );
    }
    return out;
  });
}
