import { describe, expect, it } from 'vitest';

import { decemberSummit, getScenario } from '../../src/scenarios';
import { contains, overlaps, quadPoint, type Rect } from '../../src/ui/geometry';
import {
  CARD_GAP,
  chipRect,
  FRAMES,
  frameFor,
  MIN_TEXT_CSS,
  placeCards,
  pledgingActors,
  renderScaleFor,
  ringOf,
  shownTextPx,
  tableArea,
  tableLayout,
  tetherPairs,
  type Frame,
} from '../../src/ui/layout';

const frames = Object.values(FRAMES);
const scenarios = ['december-summit', 'washington-talks', 'london-talks'].map((id) =>
  getScenario(id)!,
);
const hubBox = (h: { x: number; y: number; r: number }): Rect => ({
  x: h.x - h.r,
  y: h.y - h.r,
  w: h.r * 2,
  h: h.r * 2,
});
const inside = (outer: Rect, r: Rect) =>
  contains(outer, r.x, r.y) && contains(outer, r.x + r.w, r.y + r.h);

describe('frames', () => {
  it('are even-sized (the baked words need it) and keep every card word at 14 base px or more', () => {
    for (const f of frames) {
      expect(f.w % 2, f.name).toBe(0);
      expect(f.h % 2, f.name).toBe(0);
      expect(f.font, f.name).toBeGreaterThanOrEqual(14);
      expect(f.hubFont, f.name).toBeGreaterThan(f.font);
    }
  });

  it('picks the wide frame on a laptop, the compact one at 1024 px and the portrait one on a phone', () => {
    // The main column's width at 1366x768 and 1024x768, a projector's full width, a phone's.
    expect(frameFor(966, 768).name).toBe('wide');
    expect(frameFor(1326, 768).name).toBe('wide');
    expect(frameFor(624, 768).name).toBe('compact');
    expect(frameFor(358, 844).name).toBe('portrait');
  });

  it('shows every word at 12 CSS px or more from a 360-pixel phone up', () => {
    // 328 px: a 360-pixel phone's content width; words grow with the box from there.
    for (let w = 328; w <= 2560; w += 1) {
      const f = frameFor(w);
      expect(shownTextPx(f, w), `${w} px: ${f.name}`).toBeGreaterThanOrEqual(MIN_TEXT_CSS);
    }
  });

  it('takes the widest frame that is still readable, and the most readable when none is', () => {
    const edge = (f: Frame) => Math.ceil((MIN_TEXT_CSS * f.w) / f.font);
    expect(frameFor(edge(FRAMES.wide)).name).toBe('wide');
    expect(frameFor(edge(FRAMES.wide) - 1).name).toBe('compact');
    expect(frameFor(edge(FRAMES.compact)).name).toBe('compact');
    expect(frameFor(edge(FRAMES.compact) - 1).name).toBe('portrait');
    // A phone on its side: 812 px wide but only 390 high; the picture shrinks to fit.
    const f = frameFor(812, 390);
    for (const g of frames)
      expect(shownTextPx(f, 812, 390)).toBeGreaterThanOrEqual(shownTextPx(g, 812, 390));
  });
});

describe.each(frames.flatMap((f) => scenarios.map((s) => [f.name, s.id, f, s] as const)))(
  'table layout (%s frame, %s)',
  (_name, _id, frame, scenario) => {
    const layout = tableLayout(scenario, frame);
    const cards = Object.values(layout.cards);
    const area = tableArea(frame);

    it('gives every actor a card inside the frame, apart from the others and from the hub', () => {
      expect(Object.keys(layout.cards).sort()).toEqual(scenario.actors.map((a) => a.id).sort());
      for (const c of cards) {
        expect(inside(area, c), c.id).toBe(true);
        expect(c.w).toBe(frame.card.w);
        for (const d of cards) {
          if (c !== d) expect(overlaps(c, d, CARD_GAP), `${c.id} / ${d.id}`).toBe(false);
        }
        expect(overlaps(c, hubBox(layout.hub), CARD_GAP), `${c.id} / hub`).toBe(false);
      }
      expect(inside(area, hubBox(layout.hub))).toBe(true);
    });

    it('spreads the cards over the whole canvas (nothing else is drawn on it)', () => {
      const left = Math.min(...cards.map((c) => c.x));
      const right = Math.max(...cards.map((c) => c.x + c.w));
      const top = Math.min(...cards.map((c) => c.y));
      const bottom = Math.max(...cards.map((c) => c.y + c.h));
      expect(right - left).toBeGreaterThan(frame.w * 0.95);
      expect(bottom - top).toBeGreaterThan(frame.h * 0.95);
    });

    it('seats the head (IMF, Ukraine) at the top and Russia at the bottom', () => {
      const inner = cards.filter((x) => x.ring === 'inner');
      for (const id of ['imf', 'ukraine']) {
        for (const c of inner) expect(layout.cards[id]!.cy, `${id} / ${c.id}`).toBeLessThan(c.cy);
      }
      for (const c of inner) {
        expect(c.cy, c.id).toBeLessThanOrEqual(layout.cards.russia!.cy);
      }
    });

    it('routes every line clear of the cards it does not connect, with room for its arrow', () => {
      const p = { x: 0, y: 0 };
      const q = { x: 0, y: 0 };
      expect(layout.tethers.length).toBe(tetherPairs(scenario.actors).length);
      for (const t of layout.tethers) {
        const name = `${t.follower}>${t.leader}`;
        const ends = [layout.cards[t.follower]!, layout.cards[t.leader]].filter(Boolean);
        let shown = 0;
        for (let i = 0; i <= 100; i++) {
          quadPoint(t.curve, i / 100, p);
          expect(contains(area, p.x, p.y), `${name} off the table`).toBe(true);
          if (i > 0 && i / 100 > t.t0 && i / 100 <= t.t1) {
            quadPoint(t.curve, (i - 1) / 100, q);
            shown += Math.hypot(p.x - q.x, p.y - q.y);
          }
          if (ends.some((e) => contains(e!, p.x, p.y, 2))) continue;
          for (const c of cards) {
            if (ends.includes(c)) continue;
            expect(contains(c, p.x, p.y), `${name} under ${c.id}`).toBe(false);
          }
        }
        // The visible stretch holds the arrowhead (9 px at 14 px words) and some line.
        expect(shown, name).toBeGreaterThan(frame.font * 1.8);
      }
    });

    it("hangs each pledging card's chip clear of cards, other chips and lines", () => {
      const chips = pledgingActors(scenario).map((id) => {
        const c = layout.cards[id]!;
        expect(c.chipSide, id).not.toBe('inside');
        return { id, r: chipRect(frame, c, c.chipSide) };
      });
      expect(chips.length).toBeGreaterThanOrEqual(4);
      const p = { x: 0, y: 0 };
      for (const { id, r } of chips) {
        expect(inside(area, r), id).toBe(true);
        for (const c of cards) {
          if (c.id !== id) expect(overlaps(r, c), `${id} chip / ${c.id}`).toBe(false);
        }
        for (const o of chips) {
          if (o.id !== id) expect(overlaps(r, o.r), `${id} / ${o.id}`).toBe(false);
        }
        expect(overlaps(r, hubBox(layout.hub)), `${id} chip / hub`).toBe(false);
        for (const t of layout.tethers) {
          for (let i = 0; i <= 50; i++) {
            quadPoint(t.curve, i / 50, p);
            expect(contains(r, p.x, p.y), `${id} chip over ${t.follower}>${t.leader}`).toBe(false);
          }
        }
      }
    });
  },
);

describe('table layout (December Summit)', () => {
  it('draws a line for every follows relation and for the conditional followers', () => {
    for (const frame of frames) {
      const pairs = tableLayout(decemberSummit, frame).tethers.map(
        (t) => `${t.follower}>${t.leader}`,
      );
      expect(pairs.sort()).toEqual(
        [
          'canada>eu',
          'canada>uk',
          'france>germany',
          'italy>us',
          'japan>us',
          'mainstream>germany',
          'swing>us',
          'uk>eu',
        ].sort(),
      );
    }
  });

  it('puts actors in the rings the design asks for', () => {
    const layout = tableLayout(decemberSummit);
    const ring = (id: string) => layout.cards[id]!.ring;
    for (const a of decemberSummit.actors.filter((x) => x.members.length > 0)) {
      expect(ring(a.id), a.id).toBe('inner');
    }
    expect(ring('ecb')).toBe('inner');
    for (const id of ['us', 'japan', 'uk', 'canada']) expect(ring(id), id).toBe('outer');
    expect(ring('imf')).toBe('head');
    expect(ring('ukraine')).toBe('head');
    expect(ring('russia')).toBe('edge');
  });

  it('gives the wide frame larger cards and words than the old 960x540 canvas, with more room', () => {
    // Before, the table had 732x420 of the canvas for 124x58 cards with 14 px words.
    const { card, font, w, h } = FRAMES.wide;
    expect(font).toBeGreaterThan(14);
    expect(card.w).toBeGreaterThan(124);
    const share = (cardW: number, cardH: number, areaW: number, areaH: number) =>
      (decemberSummit.actors.length * cardW * cardH) / (areaW * areaH);
    expect(share(card.w, card.h, w, h)).toBeLessThan(share(124, 58, 732, 420));
  });
});

describe('rings and seats for any scenario', () => {
  it('classifies by data: members or the ECB inside, IMF/Ukraine at the head, Russia at the edge', () => {
    expect(ringOf({ id: 'x', kind: 'government', members: [{ state: 'XX', offset: 0 }] })).toBe(
      'inner',
    );
    expect(ringOf({ id: 'ecb', kind: 'government', members: [] })).toBe('inner');
    expect(ringOf({ id: 'imf', kind: 'lender', members: [] })).toBe('head');
    expect(ringOf({ id: 'russia', kind: 'adversary', members: [] })).toBe('edge');
    expect(ringOf({ id: 'japan', kind: 'aligned', members: [] })).toBe('outer');
  });

  it('seats an actor nobody planned for at the free seat nearest to the one it follows', () => {
    // Washington's US Congress follows the US. On the wide table it sits right beside it; the
    // compact and portrait tables have no free seat there, and its line goes round the others
    // (the tests above check that every line stays clear of the cards).
    const washington = getScenario('washington-talks')!;
    const cards = tableLayout(washington, FRAMES.wide).cards;
    const us = cards.us!;
    const d = (c: { cx: number; cy: number }) => Math.hypot(c.cx - us.cx, c.cy - us.cy);
    const nearer = Object.values(cards).filter((c) => c.id !== 'us' && d(c) < d(cards.congress!));
    expect(nearer.map((c) => c.id)).toEqual(['italy']);
    for (const frame of frames) {
      const placed = tableLayout(washington, frame).cards;
      const free = frame.slots.outer.slots.filter(
        (s) => !Object.values(placed).some((c) => c.cx === s.x && c.cy === s.y),
      );
      const dist = (s: { x: number; y: number }, c: { cx: number; cy: number }) =>
        Math.hypot(s.x - c.cx, s.y - c.cy);
      for (const s of free) {
        expect(dist(s, placed.us!), frame.name).toBeGreaterThanOrEqual(
          dist({ x: placed.congress!.cx, y: placed.congress!.cy }, placed.us!),
        );
      }
    }
  });

  it('still seats actors nobody planned for, without overlaps, where the frame has room', () => {
    const extra = [
      ...decemberSummit.actors,
      { id: 'norway', kind: 'follower' as const, members: [] },
      { id: 'australia', kind: 'follower' as const, members: [] },
    ];
    for (const frame of [FRAMES.wide, FRAMES.compact]) {
      const placed = Object.values(placeCards(extra, frame));
      expect(placed).toHaveLength(extra.length);
      for (const c of placed) {
        for (const d of placed) {
          if (c !== d) expect(overlaps(c, d), `${frame.name} ${c.id}/${d.id}`).toBe(false);
        }
      }
    }
    // The phone's frame is full: the extra cards still get a place, if on top of the hub.
    expect(Object.keys(placeCards(extra, FRAMES.portrait))).toHaveLength(extra.length);
  });

  it('lists follows relations only between actors that exist', () => {
    const pairs = tetherPairs([
      { id: 'a', kind: 'government', follows: [{ actor: 'ghost', pull: 10 }] },
      { id: 'b', kind: 'follower', follows: [{ actor: 'a', pull: 20 }] },
    ]);
    expect(pairs).toEqual([
      { follower: 'b', leader: 'eu', pull: 0 },
      { follower: 'b', leader: 'a', pull: 20 },
    ]);
  });
});

describe('render scale', () => {
  it('draws at 2x only when the canvas is shown well above its base size', () => {
    expect(renderScaleFor(800, 1)).toBe(1);
    expect(renderScaleFor(1100, 1)).toBe(1);
    expect(renderScaleFor(1920, 1)).toBe(2);
    expect(renderScaleFor(800, 2)).toBe(2);
    expect(renderScaleFor(800, 0)).toBe(1);
    // Against the frame's own width: a phone's 358 px picture is drawn 1:1, a 3x phone's at 2x.
    expect(renderScaleFor(358, 1, FRAMES.portrait.w)).toBe(1);
    expect(renderScaleFor(358, 3, FRAMES.portrait.w)).toBe(2);
    expect(renderScaleFor(966, 1, FRAMES.wide.w)).toBe(1);
  });
});
