import { describe, expect, it } from 'vitest';

import { decemberSummit } from '../../src/scenarios';
import { contains, overlaps, quadPoint } from '../../src/ui/geometry';
import {
  AREA,
  BASE_H,
  BASE_W,
  CARD_GAP,
  calendarLayout,
  chipRect,
  placeCards,
  renderScaleFor,
  ringOf,
  roughWidth,
  tableLayout,
  tetherPairs,
} from '../../src/ui/layout';

const layout = tableLayout(decemberSummit);
const cards = Object.values(layout.cards);

describe('table layout (December Summit)', () => {
  it('gives every actor a card', () => {
    expect(Object.keys(layout.cards).sort()).toEqual(decemberSummit.actors.map((a) => a.id).sort());
  });

  it('puts actors in the rings the design asks for', () => {
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

  it('seats the head at the top and Russia at the bottom edge', () => {
    const head = Math.max(layout.cards.imf!.cy, layout.cards.ukraine!.cy);
    for (const c of cards.filter((x) => x.ring === 'inner')) expect(c.cy).toBeGreaterThan(head);
    const russia = layout.cards.russia!;
    for (const c of cards.filter((x) => x.id !== 'russia' && x.ring === 'inner')) {
      expect(c.cy, c.id).toBeLessThan(russia.cy);
    }
  });

  it('keeps cards apart and inside the table area', () => {
    for (const c of cards) {
      expect(c.x, c.id).toBeGreaterThanOrEqual(AREA.table.x);
      expect(c.y, c.id).toBeGreaterThanOrEqual(AREA.table.y);
      expect(c.x + c.w, c.id).toBeLessThanOrEqual(AREA.table.x + AREA.table.w);
      expect(c.y + c.h, c.id).toBeLessThanOrEqual(AREA.table.y + AREA.table.h);
      for (const d of cards) {
        if (c !== d) expect(overlaps(c, d, CARD_GAP), `${c.id} / ${d.id}`).toBe(false);
      }
      const hub = layout.hub;
      const box = { x: hub.x - hub.r, y: hub.y - hub.r, w: hub.r * 2, h: hub.r * 2 };
      expect(overlaps(c, box, CARD_GAP), `${c.id} / hub`).toBe(false);
    }
  });

  it('keeps the areas inside the base size without overlapping', () => {
    const areas = Object.values(AREA);
    for (const a of areas) {
      expect(a.x + a.w).toBeLessThanOrEqual(BASE_W);
      expect(a.y + a.h).toBeLessThanOrEqual(BASE_H);
      for (const b of areas) if (a !== b) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('draws a tether for every follows relation and for the conditional followers', () => {
    const pairs = layout.tethers.map((t) => `${t.follower}>${t.leader}`).sort();
    expect(pairs).toEqual(
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
  });

  it('routes every tether clear of the cards it does not connect', () => {
    const p = { x: 0, y: 0 };
    for (const t of layout.tethers) {
      const ends = [layout.cards[t.follower]!, layout.cards[t.leader]].filter(Boolean);
      for (let i = 0; i <= 50; i++) {
        quadPoint(t.curve, i / 50, p);
        if (ends.some((e) => contains(e!, p.x, p.y, 2))) continue;
        for (const c of cards) {
          if (ends.includes(c)) continue;
          expect(contains(c, p.x, p.y), `${t.follower}>${t.leader} under ${c.id}`).toBe(false);
        }
      }
      expect(t.t1).toBeGreaterThan(t.t0);
    }
  });
});

describe('pledge chips', () => {
  const pledging = ['us', 'japan', 'uk', 'canada', 'imf', 'ukraine'];

  it("hang each pledging card's chip clear of cards, other chips and lines", () => {
    const chips = pledging.map((id) => {
      const c = layout.cards[id]!;
      expect(c.chipSide, id).not.toBe('inside');
      return { id, r: chipRect(c, c.chipSide) };
    });
    const p = { x: 0, y: 0 };
    for (const { id, r } of chips) {
      expect(contains(AREA.table, r.x, r.y) && contains(AREA.table, r.x + r.w, r.y + r.h), id).toBe(
        true,
      );
      for (const c of cards)
        if (c.id !== id) expect(overlaps(r, c), `${id} chip / ${c.id}`).toBe(false);
      for (const o of chips)
        if (o.id !== id) expect(overlaps(r, o.r), `${id} / ${o.id}`).toBe(false);
      for (const t of layout.tethers) {
        for (let i = 0; i <= 50; i++) {
          quadPoint(t.curve, i / 50, p);
          expect(contains(r, p.x, p.y), `${id} chip over ${t.follower}>${t.leader}`).toBe(false);
        }
      }
    }
  });
});

describe('rings and seats for any scenario', () => {
  it('classifies by data: members or the ECB inside, IMF/Ukraine at the head, Russia at the edge', () => {
    expect(ringOf({ id: 'x', kind: 'government', members: [{ state: 'XX', offset: 0 }] })).toBe(
      'inner',
    );
    expect(ringOf({ id: 'ecb', kind: 'government', members: [] })).toBe('inner');
    expect(ringOf({ id: 'imf', kind: 'imf', members: [] })).toBe('head');
    expect(ringOf({ id: 'russia', kind: 'russia', members: [] })).toBe('edge');
    expect(ringOf({ id: 'japan', kind: 'aligned', members: [] })).toBe('outer');
  });

  it('still seats actors nobody planned for, without overlaps', () => {
    const extra = [
      ...decemberSummit.actors,
      { id: 'norway', kind: 'follower' as const, members: [] },
      { id: 'australia', kind: 'follower' as const, members: [] },
    ];
    const placed = Object.values(placeCards(extra));
    expect(placed).toHaveLength(extra.length);
    for (const c of placed)
      for (const d of placed) if (c !== d) expect(overlaps(c, d), `${c.id}/${d.id}`).toBe(false);
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

describe('calendar strip', () => {
  const cal = calendarLayout(decemberSummit);

  it('has one cell per week across the full width', () => {
    expect(cal.cells).toHaveLength(decemberSummit.weeks);
    const last = cal.cells[cal.cells.length - 1]!;
    expect(cal.cells[0]!.x).toBe(AREA.calendar.x);
    expect(last.x + last.w).toBeCloseTo(AREA.calendar.x + AREA.calendar.w, 6);
  });

  it('marks the summits, the G7 call and the deadline', () => {
    const weeks = (k: string) => cal.tags.filter((t) => t.kind === k).map((t) => t.week);
    expect(weeks('summit')).toEqual(decemberSummit.summitWeeks);
    expect(weeks('g7')).toEqual(decemberSummit.g7Weeks);
    expect(weeks('deadline')).toEqual([19]);
  });

  it('labels each month once, with the year where it fits, clear of the tags', () => {
    expect(cal.months.map((m) => m.label)).toEqual(['Nov', 'Dec', 'Jan 2026', 'Feb', 'Mar']);
    const box = (x: number, label: string) => ({ x, y: 0, w: roughWidth(label), h: 1 });
    const boxes = [
      ...cal.months.map((m) => box(m.x, m.label)),
      ...cal.tags.map((t) => box(t.x - roughWidth(t.label) / 2, t.label)),
    ];
    for (const a of boxes) {
      expect(a.x).toBeGreaterThanOrEqual(AREA.calendar.x);
      expect(a.x + a.w).toBeLessThanOrEqual(AREA.calendar.x + AREA.calendar.w + 0.001);
      for (const b of boxes)
        if (a !== b) expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false);
    }
  });
});

describe('render scale', () => {
  it('draws at 2x only when the canvas is shown well above its base size', () => {
    expect(renderScaleFor(800, 1)).toBe(1);
    expect(renderScaleFor(1100, 1)).toBe(1);
    expect(renderScaleFor(1920, 1)).toBe(2);
    expect(renderScaleFor(800, 2)).toBe(2);
    expect(renderScaleFor(800, 0)).toBe(1);
  });
});
