import { weekStart, type ActorDef, type Scenario } from '../engine';
import {
  contains,
  overlaps,
  quadPoint,
  quadThrough,
  type Point,
  type Quad,
  type Rect,
} from './geometry';
import { monthLabel, S } from './strings';

// Where everything sits on the table, in base pixels (960x540), as a pure function of the
// scenario. The scenes only read these numbers; the unit tests check that nothing overlaps.

export const BASE_W = 960;
export const BASE_H = 540;
export const CARD_W = 124;
export const CARD_H = 58;
/** The smallest clear space between two cards. */
export const CARD_GAP = 6;

export const AREA = {
  calendar: { x: 8, y: 2, w: 944, h: 50 },
  table: { x: 8, y: 56, w: 732, h: 420 },
  panel: { x: 752, y: 56, w: 200, h: 420 },
  news: { x: 8, y: 482, w: 944, h: 56 },
} as const satisfies Record<string, Rect>;

/** inner: EU governments, blocs and the ECB; outer: G7 partners; head: IMF and Ukraine; edge: Russia. */
export type Ring = 'inner' | 'outer' | 'head' | 'edge';

const G7 = new Set(['us', 'japan', 'uk', 'canada']);

/** Pledges without a card of their own, and the card that shows them (donors: Ukraine). */
export const CHIP_HOSTS: Record<string, string> = { bilateral: 'ukraine' };
const HEAD = new Set(['imf', 'ukraine']);

/** Which ring an actor sits in, from the scenario data. */
export function ringOf(def: Pick<ActorDef, 'id' | 'kind' | 'members'>): Ring {
  if (def.members.length > 0 || def.id === 'ecb') return 'inner';
  if (HEAD.has(def.id) || def.kind === 'imf' || def.kind === 'ukraine') return 'head';
  if (def.id === 'russia' || def.kind === 'russia') return 'edge';
  if (G7.has(def.id)) return 'outer';
  return 'outer';
}

interface SlotTable {
  /** card centres, in ring order */
  slots: Point[];
  /** who prefers which slot (same order); others take the free slots in scenario order */
  prefer: string[];
}

// The inner ring runs clockwise from the top: the US's followers (Italy, the swing states) sit
// next to the US's corner, Germany's (France, the others) next to Germany, Belgium faces Russia.
const SLOTS: Record<Ring, SlotTable> = {
  head: {
    slots: [
      { x: 306, y: 89 },
      { x: 442, y: 89 },
    ],
    prefer: ['imf', 'ukraine'],
  },
  outer: {
    slots: [
      { x: 72, y: 89 },
      { x: 676, y: 89 },
      { x: 72, y: 444 },
      { x: 676, y: 444 },
    ],
    prefer: ['us', 'uk', 'japan', 'canada'],
  },
  inner: {
    slots: [
      { x: 306, y: 176 },
      { x: 442, y: 176 },
      { x: 572, y: 240 },
      { x: 602, y: 312 },
      { x: 530, y: 396 },
      { x: 374, y: 372 },
      { x: 218, y: 396 },
      { x: 146, y: 312 },
      { x: 176, y: 240 },
    ],
    prefer: [
      'hungary',
      'germany',
      'france',
      'mainstream',
      'ecb',
      'belgium',
      'hawks',
      'swing',
      'italy',
    ],
  },
  edge: { slots: [{ x: 374, y: 447 }], prefer: ['russia'] },
};

export interface CardSlot extends Rect {
  id: string;
  ring: Ring;
  /** centre */
  cx: number;
  cy: number;
  /** where its pledge chip hangs (beside, under or over the card); 'inside' overlaps its edge */
  chipSide: ChipSide;
}

/** Pledge chips: height, and the widest one the layout keeps room for. */
export const CHIP_H = 22;
export const CHIP_MAX_W = 106;

export interface Tether {
  /** the actor that follows */
  follower: string;
  /** the actor it follows, or 'eu' for the EU as a whole (the hub) */
  leader: string;
  /** pull in percent, from the scenario (0 for the EU) */
  pull: number;
  /** the curve, from the leader to the follower (influence flows this way) */
  curve: Quad;
  /** the part of the curve outside both ends' cards (where a pulse is visible) */
  t0: number;
  t1: number;
}

export interface CalendarCell extends Rect {
  week: number;
  /** ISO date of the week's Monday */
  date: string;
  summit: boolean;
  g7: boolean;
  deadline: boolean;
  /** any calendar entry that week */
  event: boolean;
}

export interface TableLayout {
  cards: Record<string, CardSlot>;
  /** the centre of the EU ring, where the UK and Canada's lines end */
  hub: { x: number; y: number; r: number };
  /** the EU table under the inner ring, and the wider table under everyone */
  innerRing: { x: number; y: number; rx: number; ry: number };
  outerRing: { x: number; y: number; rx: number; ry: number };
  tethers: Tether[];
  calendar: CalendarLayout;
}

const cardRect = (id: string, ring: Ring, c: Point): CardSlot => ({
  id,
  ring,
  cx: c.x,
  cy: c.y,
  x: c.x - CARD_W / 2,
  y: c.y - CARD_H / 2,
  w: CARD_W,
  h: CARD_H,
  chipSide: 'inside',
});

export type ChipSide = 'right' | 'left' | 'below' | 'above' | 'inside';

/**
 * The room a card's pledge chip may take on one side: beside the card level with its bottom
 * row, or under or over it right-aligned with it, or (no room anywhere) over its bottom edge.
 */
export function chipRect(card: Rect, side: ChipSide): Rect {
  const h = CHIP_H;
  const w = CHIP_MAX_W;
  switch (side) {
    case 'right':
      return { x: card.x + card.w + 2, y: card.y + card.h - h, w, h };
    case 'left':
      return { x: card.x - 2 - w, y: card.y + card.h - h, w, h };
    case 'below':
      return { x: card.x + card.w - 4 - w, y: card.y + card.h + 2, w, h };
    case 'above':
      return { x: card.x + card.w - 4 - w, y: card.y - 2 - h, w, h };
    case 'inside':
      return { x: card.x + card.w - 4 - w, y: card.y + card.h - h / 2, w, h };
  }
}

/**
 * Finds each pledging card a place for its chip that covers no card, no other chip and no
 * line (so an arrowhead is never hidden): beside it first, then under or over it.
 */
function placeChips(
  cards: Record<string, CardSlot>,
  pledging: readonly string[],
  hub: { x: number; y: number; r: number },
  tethers: readonly Tether[],
): void {
  const all = Object.values(cards);
  const hubBox = { x: hub.x - hub.r, y: hub.y - hub.r, w: hub.r * 2, h: hub.r * 2 };
  const line: Point[] = [];
  for (const t of tethers) {
    for (let i = 0; i <= 60; i++) line.push(quadPoint(t.curve, i / 60, { x: 0, y: 0 }));
  }
  const chips: Rect[] = [];
  for (const id of pledging) {
    const c = cards[id];
    if (!c) continue;
    for (const side of ['right', 'left', 'below', 'above'] as const) {
      const r = chipRect(c, side);
      const t = AREA.table;
      const inside = r.x >= t.x && r.y >= t.y && r.x + r.w <= t.x + t.w && r.y + r.h <= t.y + t.h;
      const clear =
        all.every((o) => o === c || !overlaps(r, o, 2)) &&
        chips.every((o) => !overlaps(r, o, 2)) &&
        !overlaps(r, hubBox, 2) &&
        line.every((p) => !contains(r, p.x, p.y, 2));
      if (inside && clear) {
        c.chipSide = side;
        chips.push(r);
        break;
      }
    }
  }
}

/** A free spot for a card nobody planned for: scan the table top to bottom, left to right. */
function freeSpot(taken: Rect[], hub: { x: number; y: number; r: number }): Point | null {
  const t = AREA.table;
  for (let y = t.y + CARD_H / 2; y <= t.y + t.h - CARD_H / 2; y += 8) {
    for (let x = t.x + CARD_W / 2; x <= t.x + t.w - CARD_W / 2; x += 8) {
      const r = cardRect('', 'outer', { x, y });
      const clearOfHub = !overlaps(
        r,
        { x: hub.x - hub.r, y: hub.y - hub.r, w: hub.r * 2, h: hub.r * 2 },
        CARD_GAP,
      );
      if (clearOfHub && taken.every((o) => !overlaps(r, o, CARD_GAP))) return { x, y };
    }
  }
  return null;
}

const HUB = { x: 374, y: 290, r: 34 };

/** Card positions for every actor of the scenario (all of them, whatever the scenario). */
export function placeCards(actors: readonly Pick<ActorDef, 'id' | 'kind' | 'members'>[]) {
  const cards: Record<string, CardSlot> = {};
  const byRing: Record<Ring, string[]> = { inner: [], outer: [], head: [], edge: [] };
  for (const a of actors) byRing[ringOf(a)].push(a.id);
  const leftovers: { id: string; ring: Ring }[] = [];
  for (const ring of Object.keys(byRing) as Ring[]) {
    const { slots, prefer } = SLOTS[ring];
    const free = slots.map((_, i) => i);
    const ids = byRing[ring];
    // Preferred seats first, then everyone else in scenario order.
    const ordered = [
      ...ids.filter((id) => prefer.includes(id)),
      ...ids.filter((id) => !prefer.includes(id)),
    ];
    for (const id of ordered) {
      const want = prefer.indexOf(id);
      const slot = want >= 0 && free.includes(want) ? want : free[0];
      if (slot === undefined) {
        leftovers.push({ id, ring });
        continue;
      }
      free.splice(free.indexOf(slot), 1);
      cards[id] = cardRect(id, ring, slots[slot]!);
    }
  }
  for (const { id, ring } of leftovers) {
    const spot = freeSpot(Object.values(cards), HUB);
    // A table with no room left stacks the card on the hub rather than losing it.
    cards[id] = cardRect(id, ring, spot ?? { x: HUB.x, y: HUB.y });
  }
  return cards;
}

/** Whether a curve stays clear of every card except its own two ends (and of the hub). */
function clearPath(
  q: Quad,
  ends: Rect[],
  others: Rect[],
  hub: { x: number; y: number; r: number } | null,
): boolean {
  const p = { x: 0, y: 0 };
  for (let i = 1; i < 40; i++) {
    quadPoint(q, i / 40, p);
    if (ends.some((e) => contains(e, p.x, p.y, 2))) continue;
    if (others.some((o) => contains(o, p.x, p.y, 3))) return false;
    if (hub && Math.hypot(p.x - hub.x, p.y - hub.y) < hub.r + 3) return false;
    if (!contains(AREA.table, p.x, p.y)) return false;
  }
  return true;
}

/** The visible stretch of a curve: from where it leaves `from` to where it enters `to`. */
function visibleSpan(q: Quad, from: (p: Point) => boolean, to: (p: Point) => boolean) {
  const p = { x: 0, y: 0 };
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i <= 100; i++) {
    quadPoint(q, i / 100, p);
    if (!from(p)) {
      t0 = i / 100;
      break;
    }
  }
  for (let i = 100; i >= 0; i--) {
    quadPoint(q, i / 100, p);
    if (!to(p)) {
      t1 = i / 100;
      break;
    }
  }
  return t1 > t0 ? { t0, t1 } : { t0: 0, t1: 1 };
}

/**
 * A line from leader to follower that does not run under other cards: straight if it can be,
 * else the gentlest curve (through a point on the perpendicular bisector) that stays clear,
 * else the shortest clear curve through any point of the table.
 */
export function routeTether(
  a: Point,
  b: Point,
  ends: Rect[],
  others: Rect[],
  hub: { x: number; y: number; r: number } | null,
): Quad {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  for (let k = 0; k <= 40; k++) {
    for (const sign of k === 0 ? [1] : [1, -1]) {
      const off = sign * k * 6;
      const q = quadThrough(a, { x: mid.x + nx * off, y: mid.y + ny * off }, b);
      if (clearPath(q, ends, others, hub)) return q;
    }
  }
  let best: Quad | null = null;
  let bestLen = Infinity;
  const t = AREA.table;
  for (let y = t.y; y <= t.y + t.h; y += 8) {
    for (let x = t.x; x <= t.x + t.w; x += 8) {
      const around = Math.hypot(x - a.x, y - a.y) + Math.hypot(b.x - x, b.y - y);
      if (around >= bestLen) continue;
      const q = quadThrough(a, { x, y }, b);
      if (clearPath(q, ends, others, hub)) {
        best = q;
        bestLen = around;
      }
    }
  }
  return best ?? quadThrough(a, mid, b);
}

/** Who follows whom: the scenario's `follows`, plus the EU for the conditional followers. */
export function tetherPairs(
  actors: readonly Pick<ActorDef, 'id' | 'kind' | 'follows'>[],
): { follower: string; leader: string; pull: number }[] {
  const ids = new Set(actors.map((a) => a.id));
  const out: { follower: string; leader: string; pull: number }[] = [];
  for (const a of actors) {
    if (a.kind === 'follower') out.push({ follower: a.id, leader: 'eu', pull: 0 });
    for (const f of a.follows) {
      if (ids.has(f.actor)) out.push({ follower: a.id, leader: f.actor, pull: f.pull });
    }
  }
  return out;
}

export interface CalendarLayout {
  cells: CalendarCell[];
  /** month labels that fit beside the tags: x is the label's left edge */
  months: { x: number; label: string }[];
  /** tags under the strip: x is the label's centre, clamped inside the strip */
  tags: { x: number; week: number; kind: 'summit' | 'g7' | 'deadline'; label: string }[];
  /** the row under the cells that holds both months and tags */
  labelY: number;
}

/** A rough width for 14 px text when no browser is there to measure it. */
export const roughWidth = (s: string): number => s.length * 8;

const TAG_LABEL = { summit: S.tagSummit, g7: S.tagG7, deadline: S.tagDeadline } as const;

/**
 * The strip across the top: a cell per week, then one row of labels under it. Tags (summits,
 * the G7 call, the deadline) always show; month names fill the gaps between them, with the
 * year where there is room.
 */
export function calendarLayout(
  scenario: Scenario,
  measure: (s: string) => number = roughWidth,
  labels: Record<'summit' | 'g7' | 'deadline', string> = TAG_LABEL,
): CalendarLayout {
  const area = AREA.calendar;
  const n = Math.max(1, scenario.weeks);
  const w = area.w / n;
  const deadlineWeek = scenario.calendar.find((c) => c.id === 'deadline')?.week ?? scenario.weeks;
  const cells: CalendarCell[] = [];
  const tags: CalendarLayout['tags'] = [];
  const taken: Rect[] = [];
  const right = area.x + area.w;
  for (let week = 1; week <= n; week++) {
    const date = weekStart(scenario.startDate, week);
    const x = area.x + (week - 1) * w;
    const cell: CalendarCell = {
      week,
      date,
      x,
      y: area.y,
      w,
      h: 30,
      summit: scenario.summitWeeks.includes(week),
      g7: scenario.g7Weeks.includes(week),
      deadline: week === deadlineWeek,
      event: scenario.calendar.some((c) => c.week === week),
    };
    cells.push(cell);
    for (const kind of ['summit', 'g7', 'deadline'] as const) {
      if (!cell[kind]) continue;
      const label = labels[kind];
      const tw = measure(label);
      const cx = Math.max(area.x + tw / 2, Math.min(right - tw / 2, x + w / 2));
      tags.push({ x: cx, week, kind, label });
      taken.push({ x: cx - tw / 2, y: 0, w: tw, h: 1 });
    }
  }
  // Every month gets its short name where no tag is in the way; then the first month and
  // January gain their year wherever that still fits before the next label.
  const months: (CalendarLayout['months'][number] & { year: string })[] = [];
  let lastMonth = '';
  for (const cell of cells) {
    const month = cell.date.slice(0, 7);
    if (month === lastMonth) continue;
    const first = lastMonth === '' || cell.date.slice(5, 7) === '01';
    lastMonth = month;
    const label = monthLabel(cell.date, false);
    const box = { x: cell.x + 3, y: 0, w: measure(label), h: 1 };
    if (box.x + box.w > right || taken.some((t) => overlaps(box, t, 8))) continue;
    taken.push(box);
    months.push({ x: box.x, label, year: first ? monthLabel(cell.date, true) : '' });
  }
  months.forEach((m, i) => {
    if (!m.year) return;
    const box = { x: m.x, y: 0, w: measure(m.year), h: 1 };
    const others = taken.filter((t) => t.x !== m.x);
    const nextX = months[i + 1]?.x ?? right;
    if (box.x + box.w + 8 <= nextX && others.every((t) => !overlaps(box, t, 8))) m.label = m.year;
  });
  return {
    cells,
    months: months.map(({ x, label }) => ({ x, label })),
    tags,
    labelY: area.y + 32,
  };
}

/** The whole table for a scenario (pass a real text measure when a browser is there). */
export function tableLayout(
  scenario: Scenario,
  measure: (s: string) => number = roughWidth,
): TableLayout {
  const cards = placeCards(scenario.actors);
  const hub = { ...HUB };
  const rects = Object.values(cards);
  const tethers: Tether[] = [];
  for (const pair of tetherPairs(scenario.actors)) {
    const f = cards[pair.follower];
    if (!f) continue;
    const leaderCard = pair.leader === 'eu' ? null : cards[pair.leader];
    if (pair.leader !== 'eu' && !leaderCard) continue;
    const a = leaderCard ? { x: leaderCard.cx, y: leaderCard.cy } : { x: hub.x, y: hub.y };
    const b = { x: f.cx, y: f.cy };
    const ends = leaderCard ? [leaderCard, f] : [f];
    const others = rects.filter((r) => !ends.includes(r));
    const curve = routeTether(a, b, ends, others, leaderCard ? hub : null);
    const inLeader = leaderCard
      ? (p: Point) => contains(leaderCard, p.x, p.y, 1)
      : (p: Point) => Math.hypot(p.x - hub.x, p.y - hub.y) <= hub.r + 1;
    const span = visibleSpan(curve, inLeader, (p) => contains(f, p.x, p.y, 1));
    tethers.push({ ...pair, curve, ...span });
  }
  const pledging = scenario.actors
    .filter((a) => a.pledge > 0 || a.kind === 'imf' || Object.values(CHIP_HOSTS).includes(a.id))
    .map((a) => a.id);
  placeChips(cards, pledging, hub, tethers);
  return {
    cards,
    hub,
    innerRing: { x: HUB.x, y: 284, rx: 262, ry: 130 },
    outerRing: { x: HUB.x, y: 275, rx: 372, ry: 205 },
    tethers,
    calendar: calendarLayout(scenario, measure),
  };
}

/**
 * How many device pixels to draw per base pixel: 2 when the canvas shows larger than about
 * 1.25x the base size on screen (a projector, a high-density laptop), else 1 (cheaper).
 */
export function renderScaleFor(cssWidth: number, devicePixelRatio: number): 1 | 2 {
  const shown = cssWidth * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  return shown > BASE_W * 1.25 ? 2 : 1;
}
