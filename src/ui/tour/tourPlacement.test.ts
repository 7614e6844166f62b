import { describe, expect, it } from 'vitest';
import { cardCorner, scrollToShow } from './tourPlacement';

/** A box whose fields are getters on its prototype, as a DOMRect's are (a spread copies none of them). */
class RectLike {
  constructor(private readonly b: { left: number; right: number; top: number; bottom: number }) {}
  get left() {
    return this.b.left;
  }
  get right() {
    return this.b.right;
  }
  get top() {
    return this.b.top;
  }
  get bottom() {
    return this.b.bottom;
  }
}
const phone = { width: 390, height: 844 };

describe('the tour card’s placement', () => {
  it('puts the card in the corner that covers less of the target, right on a tie', () => {
    const card = { width: 350, height: 300 };
    const view = { width: 1440, height: 900 };
    // A target in the right column: the card goes left; in the middle column: right (1074–1424 clears it).
    expect(cardCorner({ left: 1075, right: 1425, top: 100, bottom: 500 }, card, view)).toMatchObject({
      side: 'left',
      box: { left: 16, right: 366, top: 584, bottom: 884 },
    });
    expect(cardCorner({ left: 327, right: 1063, top: 100, bottom: 500 }, card, view).side).toBe('right');
    // A full-width target on a phone: both corners cover it alike.
    expect(cardCorner({ left: 15, right: 375, top: 0, bottom: 900 }, { width: 374, height: 260 }, phone).side).toBe(
      'right',
    );
  });

  it('scrolls a target under the card up into the space above it, below the sticky bar (hand-computed)', () => {
    const card = { left: 8, right: 382, top: 578, bottom: 836 };
    // The fine-tune button pushed under the card by a line above it: 694–738 → its top to 88 + 12.
    expect(scrollToShow({ left: 30, right: 361, top: 694, bottom: 738 }, card, 88, 844)).toBe(694 - 88 - 12);
    // The same as a DOMRect-like box (fields as getters): the same answer.
    expect(scrollToShow(new RectLike({ left: 30, right: 361, top: 694, bottom: 738 }), card, 88, 844)).toBe(594);
    // Its top above the card but its bottom under it: still scrolled.
    expect(scrollToShow(new RectLike({ left: 30, right: 361, top: 560, bottom: 604 }), card, 88, 844)).toBe(460);
    // Wholly in the free space: no scroll; beside the card (no horizontal overlap), the card is no limit.
    expect(scrollToShow({ left: 30, right: 361, top: 300, bottom: 344 }, card, 88, 844)).toBe(0);
    expect(
      scrollToShow(
        { left: 400, right: 700, top: 300, bottom: 800 },
        { left: 1074, right: 1424, top: 584, bottom: 884 },
        0,
        900,
      ),
    ).toBe(0);
    // Under the sticky bar: brought down below it.
    expect(scrollToShow({ left: 30, right: 361, top: 40, bottom: 84 }, card, 88, 844)).toBe(40 - 88 - 12);
    // Taller than the space: it starts at the top of it.
    expect(scrollToShow({ left: 15, right: 375, top: 300, bottom: 1200 }, card, 88, 844)).toBe(200);
  });
});
