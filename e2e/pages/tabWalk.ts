import type { Page } from '@playwright/test';

export interface Stop {
  key: string;
  column: number;
  ring: string | null;
  ringContrast: number;
}

/** Tabs from the top of the page to the last control, recording every stop and its focus indicator. */
export async function tabWalk(page: Page): Promise<Stop[]> {
  await page.locator('h1').click(); // the sequential focus navigation starts here
  const stops: Stop[] = [];
  for (let k = 0; k < 300; k++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): Stop | null => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: number[]) =>
        c
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      let bg = [255, 255, 255];
      for (let e = el.parentElement; e; e = e.parentElement) {
        const c = getComputedStyle(e).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && !c.startsWith('rgba')) {
          bg = parse(c);
          break;
        }
      }
      const cs = getComputedStyle(el);
      const ring =
        cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2
          ? cs.outlineColor
          : cs.boxShadow !== 'none'
            ? cs.boxShadow
            : null;
      const [a, b] = [lum(parse(ring ?? '0,0,0')), lum(bg)];
      const col = el.closest('.app-header, .about, .notices')
        ? 0
        : el.closest('.col-left')
          ? 1
          : el.closest('.col-main')
            ? 2
            : el.closest('.col-right')
              ? 3
              : -1;
      // A stable name per element: its test id, else one given on first sight (the same in every walk).
      const w = window as unknown as { a11yIds?: WeakMap<Element, string>; a11yNext?: number };
      w.a11yIds ??= new WeakMap();
      if (!w.a11yIds.has(el)) w.a11yIds.set(el, `${el.tagName.toLowerCase()}#${(w.a11yNext = (w.a11yNext ?? 0) + 1)}`);
      const key = el.getAttribute('data-testid') ?? w.a11yIds.get(el)!;
      return { key, column: col, ring, ringContrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
    if (!stop || stop.key === stops[0]?.key) break;
    stops.push(stop);
  }
  return stops;
}
