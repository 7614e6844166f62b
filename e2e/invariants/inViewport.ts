import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Journey invariant: everything that opens (an explanation, a tooltip, a menu) is wholly readable on
 * screen. Self-contained and cheap: the checks run inside the page (one round trip for all of a page's
 * explanations), so a journey spec can call them at every step.
 *
 * "Readable" is checked as the user sees it: the opened box lies inside the viewport without its
 * scrollbars (`documentElement.clientWidth × clientHeight`, within half a pixel), no ancestor that
 * clips (overflow other than visible) cuts it, unless it is in the top layer, and nothing covers it (the
 * element hit at its centre and near its four corners is the box or inside it).
 */

/** Installs `window.__gplBoxProblems(el)` once per page: the problems of one opened box, as words. */
async function install(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gplBoxProblems?: (el: Element) => string[] };
    if (w.__gplBoxProblems) return;
    w.__gplBoxProblems = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return ['not shown'];
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const f = (v: number) => Math.round(v);
      const out: string[] = [];
      if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
        out.push(
          `outside the ${vw}×${vh} viewport: left ${f(r.left)}, top ${f(r.top)}, right ${f(r.right)}, bottom ${f(r.bottom)}`,
        );
      }
      if (!el.matches(':popover-open')) {
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          const c = a.getBoundingClientRect();
          if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) {
            out.push(`clipped by ${a.tagName.toLowerCase()}.${String(a.className).split(' ')[0]}`);
          }
        }
      }
      // Hit testing skips pointer-events: none (tooltips); lifted for the check, synchronously.
      const e = el as HTMLElement;
      const events = e.style.pointerEvents;
      e.style.pointerEvents = 'auto';
      const inset = Math.min(3, r.width / 2, r.height / 2);
      const points: [number, number][] = [
        [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        [r.left + inset, r.top + inset],
        [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset],
      ];
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !el.contains(hit) && x >= 0 && y >= 0 && x <= vw && y <= vh) {
          out.push(
            `covered at (${f(x)}, ${f(y)}) by ${hit.tagName.toLowerCase()}.${String(hit.className).split(' ')[0]}`,
          );
          break;
        }
      }
      e.style.pointerEvents = events;
      return out;
    };
  });
}

/** Asserts that one opened thing (an explanation's text, a tooltip, a menu) is wholly readable on screen. */
export async function expectInViewport(target: Locator, label = ''): Promise<void> {
  await install(target.page());
  await expect(target).toBeVisible();
  const problems = await target.evaluate((el) =>
    (window as unknown as { __gplBoxProblems: (e: Element) => string[] }).__gplBoxProblems(el),
  );
  expect(problems, `${label} ${await target.getAttribute('data-testid')}: readable on screen`.trim()).toEqual([]);
}

export interface HelpCheck {
  /** Explanations opened and checked (each at up to three positions of its button on screen). */
  checked: string[];
  /** Help buttons not displayed (in a collapsed section), so not opened. */
  skipped: string[];
}

/**
 * Opens EVERY explanation of the page in turn by a click on its "?" and asserts that its text is wholly
 * readable on screen, with its button scrolled to the middle, the top and the bottom of the viewport (a
 * position where the button is not itself on screen, e.g. under the sticky slider bar, is left out: the
 * user could not click it there). Closes each again (click), restores the scroll position, and reports
 * all failures together with their ids. Returns what it checked and skipped (buttons not displayed).
 */
export async function expectAllHelpInViewport(page: Page, label: string): Promise<HelpCheck> {
  await install(page);
  const result = await page.evaluate(async () => {
    const check = (window as unknown as { __gplBoxProblems: (e: Element) => string[] }).__gplBoxProblems;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    /** Waits (microtasks, then frames) until React has rendered the click. */
    const until = async (ok: () => boolean) => {
      for (let k = 0; k < 5 && !ok(); k++) await Promise.resolve();
      for (let k = 0; k < 30 && !ok(); k++) await frame();
      return ok();
    };
    const x0 = scrollX;
    const y0 = scrollY;
    const failures: string[] = [];
    const checked: string[] = [];
    const skipped: string[] = [];
    for (const b of document.querySelectorAll<HTMLButtonElement>('button.help-button')) {
      const id = b.dataset.testid ?? b.getAttribute('aria-controls') ?? '?';
      const text = document.getElementById(b.getAttribute('aria-controls') ?? '');
      if (!b.checkVisibility()) {
        skipped.push(id);
        continue;
      }
      if (!text) {
        failures.push(`${id}: no text with the id its button controls`);
        continue;
      }
      let seen = false;
      for (const block of ['center', 'start', 'end'] as const) {
        b.scrollIntoView({ block, inline: 'nearest' });
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
        if (!hit || !b.contains(hit)) continue; // not on screen at this position (e.g. under the sticky bar)
        seen = true;
        b.click();
        const open = () => b.getAttribute('aria-expanded') === 'true' && text.checkVisibility();
        if (!(await until(open))) {
          failures.push(`${id} (button at the ${block}): does not open on a click`);
          break;
        }
        for (const p of check(text)) failures.push(`${id} (button at the ${block}): ${p}`);
        b.click();
        if (!(await until(() => b.getAttribute('aria-expanded') === 'false' && !text.checkVisibility()))) {
          failures.push(`${id}: does not close on a second click`);
          break;
        }
      }
      if (seen) checked.push(id);
      else failures.push(`${id}: its button is never on screen (covered wherever it is scrolled)`);
    }
    scrollTo(x0, y0);
    return { failures, checked, skipped };
  });
  expect(result.failures, `${label}: every explanation readable on screen (${result.checked.length} opened)`).toEqual(
    [],
  );
  expect(result.checked.length, `${label}: explanations found`).toBeGreaterThan(0);
  return { checked: result.checked, skipped: result.skipped };
}
