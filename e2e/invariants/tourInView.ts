import { expect, type Page } from '@playwright/test';

/** What the page shows of the tour at a step: the card, its buttons and the highlighted element. */
export interface TourView {
  step: number;
  /** The card's rectangle is wholly inside the viewport. */
  cardInside: boolean;
  /** Buttons of the card (Back, Next, the step's action) not reachable where they are drawn. */
  hiddenButtons: string[];
  /** The highlighted element's test id or class, its area (px²) and how much of it is visible, uncovered. */
  highlight: string | null;
  area: number;
  visible: number;
  /** What the step needs: most of a small element, else a band of it 40% of the viewport's height. */
  needed: number;
}

/**
 * Measures the tour as a user sees it: the card inside the viewport, every button of the card drawn on
 * top at its centre (not covered, not scrolled away), and enough of the highlighted element visible and
 * uncovered (sampled on a 10 px grid with elementFromPoint, so the card, a sticky bar or a scroll box's
 * edge all count as covering it).
 */
export function measureTour(page: Page): Promise<TourView> {
  return page.evaluate(() => {
    const card = document.querySelector<HTMLElement>('[data-testid="tour"]');
    if (!card) throw new Error('no tour card');
    const c = card.getBoundingClientRect();
    const inside = (r: DOMRect) =>
      r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
    const hiddenButtons = [...card.querySelectorAll<HTMLButtonElement>('button')]
      .filter((b) => b.offsetParent !== null)
      .filter((b) => {
        const r = b.getBoundingClientRect();
        if (!inside(r)) return true;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !hit || !b.contains(hit);
      })
      .map((b) => b.dataset.testid ?? b.textContent ?? '?');
    const hl = document.querySelector<HTMLElement>('.tour-highlight');
    let area = 0;
    let visible = 0;
    if (hl) {
      const r = hl.getBoundingClientRect();
      area = r.width * r.height;
      for (let y = Math.max(0, r.top) + 5; y < Math.min(innerHeight, r.bottom); y += 10) {
        for (let x = Math.max(0, r.left) + 5; x < Math.min(innerWidth, r.right); x += 10) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hl.contains(hit)) visible += 100;
        }
      }
    }
    return {
      step: Number(card.dataset.step),
      cardInside: inside(c),
      hiddenButtons,
      highlight: hl ? (hl.dataset.testid ?? hl.className) : null,
      area,
      visible,
      needed: hl
        ? Math.min(
            area * 0.8,
            0.4 *
              innerHeight *
              Math.max(
                0,
                Math.min(innerWidth, hl.getBoundingClientRect().right) - Math.max(0, hl.getBoundingClientRect().left),
              ),
          )
        : 0,
    };
  });
}

/** Asserts that the card, its buttons and the highlighted element are visible together, without scrolling. */
export async function expectTourInView(page: Page, label: string): Promise<void> {
  // The highlight lands two frames after the step opens, then the page may scroll smoothly.
  await expect
    .poll(
      async () => {
        const v = await measureTour(page);
        const problems = [];
        if (!v.cardInside) problems.push('card not inside the viewport');
        if (v.hiddenButtons.length) problems.push(`buttons hidden: ${v.hiddenButtons.join(', ')}`);
        if (!v.highlight) problems.push('nothing highlighted');
        else if (v.visible < v.needed)
          problems.push(
            `${v.highlight}: ${Math.round(v.visible)} px² visible of ${Math.round(v.area)}, needs ${Math.round(v.needed)}`,
          );
        return problems;
      },
      { message: `tour in view: ${label}`, timeout: 5000 },
    )
    .toEqual([]);
}
