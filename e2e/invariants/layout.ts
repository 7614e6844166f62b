import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Journey invariants on the page's layout, each one round trip into the page: labels are not cut,
 * numbers do not break, tick labels do not overlap, the page does not scroll sideways. Measured from the
 * rendered text (Range rectangles), not from screenshots.
 */

/** The number of lines an element's text is laid out on (distinct tops of its text's line boxes). */
export function lineCount(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops: number[] = [];
    for (const r of range.getClientRects())
      if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
    return tops.length;
  });
}

/** Every displayed button's label lies wholly inside the button (no word sticks out of it or is cut). */
export async function expectLabelsWhole(page: Page, label: string): Promise<void> {
  const cut = await page.evaluate(() => {
    const out: string[] = [];
    for (const b of document.querySelectorAll<HTMLButtonElement>('button')) {
      const box = b.getBoundingClientRect();
      if (box.width === 0 || !b.checkVisibility({ visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(b);
      const text = range.getBoundingClientRect();
      if (text.width === 0) continue;
      if (
        text.left < box.left - 0.5 ||
        text.right > box.right + 0.5 ||
        text.top < box.top - 0.5 ||
        text.bottom > box.bottom + 0.5
      ) {
        out.push(
          `${b.dataset.testid ?? b.textContent}: text ${Math.round(text.width)}×${Math.round(text.height)} in a ${Math.round(box.width)}×${Math.round(box.height)} button`,
        );
      }
    }
    return out;
  });
  expect(cut, `${label}: button labels whole`).toEqual([]);
}

/** A control (a menu) is at least as wide as its content wants (a select: its widest choice), so nothing in it is cut. */
export async function expectNotSqueezed(target: Locator, label = ''): Promise<void> {
  const [width, wants] = await target.evaluate((el: HTMLElement) => {
    const width = el.getBoundingClientRect().width;
    const saved = el.getAttribute('style');
    el.style.flex = 'none';
    el.style.width = 'max-content';
    const wants = el.getBoundingClientRect().width;
    if (saved === null) el.removeAttribute('style');
    else el.setAttribute('style', saved);
    return [width, wants];
  });
  expect(
    width,
    `${label} ${await target.getAttribute('data-testid')}: as wide as its content`.trim(),
  ).toBeGreaterThanOrEqual(wants - 0.5);
}

/** No two of the shown (not visibility: hidden) elements overlap, and each is inside the viewport's width. */
export async function expectNoOverlap(items: Locator, label: string): Promise<number> {
  const { shown, problems } = await items.evaluateAll((els) => {
    const vw = document.documentElement.clientWidth;
    const boxes = els
      .filter((e) => e.checkVisibility({ visibilityProperty: true }))
      .map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const problems: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i].r;
      if (a.left < -0.5 || a.right > vw + 0.5) problems.push(`"${boxes[i].text}" outside the viewport's width`);
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j].r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          problems.push(`"${boxes[i].text}" overlaps "${boxes[j].text}"`);
      }
    }
    return { shown: boxes.length, problems };
  });
  expect(problems, `${label}: no overlap`).toEqual([]);
  return shown;
}

/** No number in a table breaks across lines: every displayed table cell with a digit in it is one line (a wide table scrolls in its own box instead). */
export async function expectNumbersWhole(page: Page, label: string): Promise<void> {
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    for (const td of document.querySelectorAll<HTMLElement>('table td')) {
      if (!td.checkVisibility() || !/\d/.test(td.textContent ?? '')) continue;
      const range = document.createRange();
      range.selectNodeContents(td);
      const tops: number[] = [];
      for (const r of range.getClientRects())
        if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
      if (tops.length > 1)
        out.push(
          `${td.closest('[data-testid]')?.getAttribute('data-testid') ?? 'table'}: "${td.textContent}" on ${tops.length} lines`,
        );
    }
    return out;
  });
  expect(broken, `${label}: numbers in tables whole`).toEqual([]);
}

/**
 * The page never scrolls sideways, and no element sticks out of the viewport's right edge, not counting
 * those inside a box that scrolls or clips (a wide table in its .table-scroll) or fixed ones.
 */
export async function expectNothingSticksOut(page: Page, label: string): Promise<void> {
  const out = await page.evaluate(() => {
    const root = document.documentElement;
    const vw = root.clientWidth;
    const found = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const b = e.getBoundingClientRect();
        if (b.width === 0 || b.right <= vw + 0.5 || getComputedStyle(e).position === 'fixed' || !e.checkVisibility())
          return false;
        for (let a = e.parentElement; a; a = a.parentElement)
          if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false;
        return true;
      })
      .map(
        (e) =>
          `${e.dataset.testid ?? `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`} "${(e.textContent ?? '').slice(0, 40)}" right ${Math.round(e.getBoundingClientRect().right)}`,
      );
    if (root.scrollWidth > vw) found.push(`the page scrolls sideways by ${root.scrollWidth - vw} px`);
    return found;
  });
  expect(out, `${label}: nothing sticks out of the viewport`).toEqual([]);
}
