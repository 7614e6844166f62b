import { describe, expect, it } from 'vitest';
import { placeBox, spacedLabels, type Box } from './placement';

const o = { gap: 4, dx: -8, margin: 8 };
const view = { width: 390, height: 844 };
const at = (left: number, top: number, w = 20, h = 20): Box => ({ left, top, right: left + w, bottom: top + h });

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('placeBox', () => {
  it('opens below the anchor, at its offset, when there is room', () => {
    expect(placeBox(at(100, 100), { width: 200, height: 80 }, view, o)).toEqual({ left: 92, top: 124, side: 'below' });
  });

  it('moves left at the right edge and right at the left edge, keeping the margin', () => {
    expect(placeBox(at(370, 100), { width: 200, height: 80 }, view, o).left).toBe(390 - 8 - 200);
    expect(placeBox(at(2, 100), { width: 200, height: 80 }, view, o).left).toBe(8);
  });

  it('opens above when there is no room below, ending one gap above the anchor', () => {
    const p = placeBox(at(100, 780), { width: 200, height: 80 }, view, o);
    expect(p).toEqual({ left: 92, top: 780 - 4 - 80, side: 'above' });
  });

  it('is pushed into view on the roomier side when it fits on neither', () => {
    const p = placeBox(at(100, 300), { width: 200, height: 600 }, view, o);
    expect(p.side).toBe('below');
    expect(p.top).toBe(844 - 8 - 600);
    const q = placeBox(at(100, 600), { width: 200, height: 700 }, view, o);
    expect(q).toEqual({ left: 92, top: 8, side: 'above' });
  });

  it('starts at the margin when it is larger than the viewport', () => {
    expect(placeBox(at(100, 300), { width: 500, height: 900 }, view, o)).toMatchObject({ left: 8, top: 8 });
  });

  it('follows an anchor scrolled off screen instead of sticking to an edge', () => {
    expect(placeBox(at(100, -200), { width: 200, height: 80 }, view, o)).toMatchObject({ top: -176, side: 'below' });
    expect(placeBox(at(100, 1000), { width: 200, height: 80 }, view, o)).toMatchObject({
      top: 1000 - 4 - 80,
      side: 'above',
    });
  });

  it('keeps any box that fits wholly inside the viewport and off its on-screen anchor, wherever the anchor is', () => {
    const r = rng(7);
    for (let n = 0; n < 5000; n++) {
      const v = { width: 320 + r() * 1600, height: 500 + r() * 600 };
      const a = at(r() * (v.width - 24), r() * (v.height - 24), 1 + r() * 23, 1 + r() * 23);
      const size = { width: 10 + r() * (v.width - 26), height: 10 + r() * (v.height / 2 - 40) };
      const p = placeBox(a, size, v, o);
      expect(p.left).toBeGreaterThanOrEqual(8);
      expect(p.left + size.width).toBeLessThanOrEqual(v.width - 8 + 1e-9);
      // Vertically within the viewport (within its margins unless the anchor itself is in one).
      expect(p.top).toBeGreaterThanOrEqual(Math.min(8, a.bottom + 4) - 1e-9);
      expect(p.top + size.height).toBeLessThanOrEqual(Math.max(v.height - 8, a.top - 4) + 1e-9);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.top + size.height).toBeLessThanOrEqual(v.height);
      // At most half the viewport tall, so one side always has room: the box never covers its anchor.
      const clear = p.top >= a.bottom + 4 - 1e-9 || p.top + size.height <= a.top - 4 + 1e-9;
      expect(clear).toBe(true);
    }
  });
});

describe('spacedLabels', () => {
  const span = (left: number, width: number) => ({ left, right: left + width });

  it('keeps every label of a row with room', () => {
    expect(spacedLabels([span(0, 40), span(60, 40), span(120, 40)], 4)).toEqual([true, true, true]);
  });

  it('drops the label that would collide with the last one (the "1.00e-61.00e-5" case)', () => {
    expect(spacedLabels([span(0, 50), span(100, 50), span(200, 50), span(228, 50)], 4)).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it('drops the last when it collides with the first', () => {
    expect(spacedLabels([span(0, 50), span(30, 50)], 4)).toEqual([true, false]);
  });

  it('never keeps two labels closer than the gap', () => {
    const r = rng(3);
    for (let n = 0; n < 2000; n++) {
      let x = 0;
      const spans = Array.from({ length: 2 + Math.floor(r() * 8) }, () => span((x += r() * 60), 20 + r() * 40));
      const kept = spans.filter((_, k) => spacedLabels(spans, 4)[k]);
      expect(kept[0]).toBe(spans[0]);
      for (let k = 1; k < kept.length; k++) expect(kept[k].left).toBeGreaterThanOrEqual(kept[k - 1].right + 4);
    }
  });
});
