import type { ActorDef, Scenario } from '../engine';
import {
  contains,
  overlaps,
  quadPoint,
  quadThrough,
  type Point,
  type Quad,
  type Rect,
} from './geometry';

// Where everything sits on the table, in base pixels, as a pure function of the scenario and of
// the frame the picture is drawn in. The scenes only read these numbers; the unit tests check
// that nothing overlaps and that the words stay readable.
//
// The picture is only the table: who follows whom, with cards, lines and pledge chips, and the
// routes' checklists in the corners it leaves free (checklist-layout.ts). The page around it shows the calendar, the money, the meters and the news, so the canvas does
// not repeat them. It comes in three frames, chosen by how wide it shows on the page: a wide
// one (a laptop's main column, a projector), a compact one (a 1024-pixel screen's main column)
// and a portrait one (a phone). Each frame is about as many base pixels wide as the page shows
// it, so its words stay crisp and at least 12 CSS pixels high (see FRAMES).

/** The debrief's size, and the wide frame's. */
export const BASE_W = 960;
export const BASE_H = 540;
/** The smallest clear space between two cards. */
export const CARD_GAP = 6;
/** The smallest size, in CSS pixels, that any word of the picture may show at. */
export const MIN_TEXT_CSS = 12;

/** inner: EU governments, blocs and the ECB; outer: G7 partners; head: IMF and Ukraine; edge: Russia. */
export type Ring = 'inner' | 'outer' | 'head' | 'edge';

const G7 = new Set(['us', 'japan', 'uk', 'canada']);

/** Pledges without a card of their own, and the card that shows them (donors: Ukraine). */
export const CHIP_HOSTS: Record<string, string> = { donors: 'ukraine' };
const HEAD = new Set(['imf', 'ukraine']);

/** Which ring an actor sits in, from the scenario data. */
export function ringOf(def: Pick<ActorDef, 'id' | 'kind' | 'members'>): Ring {
  if (def.members.length > 0 || def.id === 'ecb') return 'inner';
  if (HEAD.has(def.id) || def.kind === 'lender' || def.kind === 'recipient') return 'head';
  if (def.id === 'russia' || def.kind === 'adversary') return 'edge';
  if (G7.has(def.id)) return 'outer';
  return 'outer';
}

interface SlotTable {
  /** card centres, in ring order */
  slots: Point[];
  /** who prefers which slot (same order); others take the free slots in scenario order */
  prefer: string[];
}

export type FrameName = 'wide' | 'compact' | 'portrait';
export type ChipSide = 'right' | 'left' | 'below' | 'above' | 'inside';

/** One way of drawing the table: its size in base pixels and where everyone sits in it. */
export interface Frame {
  name: FrameName;
  /** base size: the scene's camera shows this many base pixels across and down */
  w: number;
  h: number;
  /** the size of every word on a card and on a chip, in base pixels */
  font: number;
  /** the EU hub's label */
  hubFont: number;
  card: { w: number; h: number };
  chip: { h: number; maxW: number };
  hub: { x: number; y: number; r: number };
  /** the EU's table under the inner ring, and the wider room under everyone */
  innerRing: { x: number; y: number; rx: number; ry: number };
  outerRing: { x: number; y: number; rx: number; ry: number };
  slots: Record<Ring, SlotTable>;
  /** the sides a chip may hang on, in order of preference */
  chipSides: readonly Exclude<ChipSide, 'inside'>[];
}

const PREFER: Record<Ring, string[]> = {
  head: ['imf', 'ukraine'],
  outer: ['us', 'uk', 'japan', 'canada'],
  inner: [
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
  edge: ['russia'],
};

const table = (slots: Record<Ring, Point[]>): Record<Ring, SlotTable> => ({
  head: { slots: slots.head, prefer: PREFER.head },
  outer: { slots: slots.outer, prefer: PREFER.outer },
  inner: { slots: slots.inner, prefer: PREFER.inner },
  edge: { slots: slots.edge, prefer: PREFER.edge },
});

// In every frame the inner ring runs clockwise from the top: the US's followers (Italy, the
// swing states) sit on the US's side, Germany's (France, the others) on Germany's, Belgium
// faces Russia. The outer partners take the corners, the IMF and Ukraine the head of the table.
export const FRAMES: Record<FrameName, Frame> = {
  // A laptop's main column (966 CSS px at 1366x768: drawn one to one) or a projector's width.
  wide: {
    name: 'wide',
    w: 960,
    h: 540,
    font: 16,
    hubFont: 22,
    card: { w: 142, h: 66 },
    chip: { h: 25, maxW: 121 },
    hub: { x: 480, y: 282, r: 40 },
    innerRing: { x: 480, y: 282, rx: 330, ry: 160 },
    outerRing: { x: 480, y: 270, rx: 474, ry: 264 },
    chipSides: ['right', 'left', 'below', 'above'],
    slots: table({
      head: [
        { x: 392, y: 39 },
        { x: 568, y: 39 },
      ],
      outer: [
        { x: 77, y: 270 },
        { x: 883, y: 270 },
        { x: 77, y: 501 },
        { x: 883, y: 39 },
        { x: 77, y: 39 },
        { x: 883, y: 501 },
      ],
      inner: [
        { x: 392, y: 150 },
        { x: 560, y: 146 },
        { x: 720, y: 236 },
        { x: 620, y: 340 },
        { x: 660, y: 452 },
        { x: 480, y: 416 },
        { x: 320, y: 452 },
        { x: 360, y: 330 },
        { x: 280, y: 226 },
      ],
      edge: [{ x: 480, y: 501 }],
    }),
  },
  // The main column next to the move panel on a 1024-pixel screen (624 CSS px): three columns
  // of cards with two lanes between them for the lines, the chips and the hub.
  compact: {
    name: 'compact',
    w: 640,
    h: 560,
    font: 14,
    hubFont: 20,
    card: { w: 124, h: 58 },
    chip: { h: 22, maxW: 106 },
    hub: { x: 447, y: 380, r: 30 },
    innerRing: { x: 320, y: 300, rx: 300, ry: 190 },
    outerRing: { x: 320, y: 280, rx: 316, ry: 276 },
    chipSides: ['right', 'left', 'below', 'above'],
    slots: table({
      head: [
        { x: 320, y: 33 },
        { x: 574, y: 33 },
      ],
      outer: [
        { x: 66, y: 132 },
        { x: 574, y: 330 },
        { x: 66, y: 33 },
        { x: 574, y: 429 },
        { x: 66, y: 527 },
        { x: 574, y: 527 },
      ],
      inner: [
        { x: 66, y: 330 },
        { x: 574, y: 132 },
        { x: 574, y: 231 },
        { x: 320, y: 231 },
        { x: 320, y: 330 },
        { x: 320, y: 429 },
        { x: 66, y: 429 },
        { x: 320, y: 132 },
        { x: 66, y: 231 },
      ],
      edge: [{ x: 320, y: 527 }],
    }),
  },
  // A phone held upright (358 CSS px on a 390-pixel phone): two columns of cards with a lane
  // between them for the hub, the lines and the chips. Each leader has its followers next to
  // it, above, below or across the lane.
  portrait: {
    name: 'portrait',
    w: 380,
    h: 690,
    font: 14,
    hubFont: 18,
    card: { w: 124, h: 58 },
    chip: { h: 22, maxW: 106 },
    hub: { x: 190, y: 517, r: 30 },
    innerRing: { x: 190, y: 440, rx: 182, ry: 240 },
    outerRing: { x: 190, y: 345, rx: 188, ry: 343 },
    chipSides: ['right', 'left', 'below', 'above'],
    slots: table({
      head: [
        { x: 66, y: 33 },
        { x: 314, y: 33 },
      ],
      outer: [
        { x: 66, y: 209 },
        { x: 314, y: 473 },
        { x: 66, y: 121 },
        { x: 314, y: 385 },
      ],
      inner: [
        { x: 66, y: 473 },
        { x: 314, y: 209 },
        { x: 314, y: 297 },
        { x: 66, y: 385 },
        { x: 314, y: 561 },
        { x: 66, y: 649 },
        { x: 66, y: 561 },
        { x: 314, y: 121 },
        { x: 66, y: 297 },
      ],
      edge: [{ x: 314, y: 649 }],
    }),
  },
};

/** The frames from the widest to the tallest: frameFor takes the first that is readable. */
const BY_WIDTH: readonly Frame[] = [FRAMES.wide, FRAMES.compact, FRAMES.portrait];

/**
 * How wide, in CSS pixels, a frame shows in a box `boxWidth` wide whose height may not pass
 * `maxHeight` (the picture keeps its shape and shrinks to fit).
 */
export const shownWidth = (frame: Frame, boxWidth: number, maxHeight = Infinity): number =>
  Math.min(boxWidth, (maxHeight * frame.w) / frame.h);

/** The size, in CSS pixels, that a frame's smallest words show at in such a box. */
export const shownTextPx = (frame: Frame, boxWidth: number, maxHeight = Infinity): number =>
  (frame.font * shownWidth(frame, boxWidth, maxHeight)) / frame.w;

/**
 * The frame for a picture in a box `boxWidth` CSS pixels wide and at most `maxHeight` high: the
 * widest frame whose words show at MIN_TEXT_CSS or more there (wide from 720 px, compact from
 * 549 px, portrait below), or, in a box too small for any, the one whose words show largest.
 */
export function frameFor(boxWidth: number, maxHeight = Infinity): Frame {
  const readable = BY_WIDTH.find((f) => shownTextPx(f, boxWidth, maxHeight) >= MIN_TEXT_CSS);
  if (readable) return readable;
  return BY_WIDTH.reduce((best, f) =>
    shownTextPx(f, boxWidth, maxHeight) > shownTextPx(best, boxWidth, maxHeight) ? f : best,
  );
}

/** The part of a frame cards, chips and lines may use. */
export const tableArea = (frame: Frame): Rect => ({ x: 4, y: 4, w: frame.w - 8, h: frame.h - 8 });

export interface CardSlot extends Rect {
  id: string;
  ring: Ring;
  /** centre */
  cx: number;
  cy: number;
  /** where its pledge chip hangs (beside, under or over the card); 'inside' overlaps its edge */
  chipSide: ChipSide;
}

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

export interface TableLayout {
  frame: Frame;
  cards: Record<string, CardSlot>;
  /** the centre of the EU ring, where the UK and Canada's lines end */
  hub: { x: number; y: number; r: number };
  innerRing: Frame['innerRing'];
  outerRing: Frame['outerRing'];
  tethers: Tether[];
}

const cardRect = (frame: Frame, id: string, ring: Ring, c: Point): CardSlot => ({
  id,
  ring,
  cx: c.x,
  cy: c.y,
  x: c.x - frame.card.w / 2,
  y: c.y - frame.card.h / 2,
  w: frame.card.w,
  h: frame.card.h,
  chipSide: 'inside',
});

/**
 * The room a card's pledge chip may take on one side: beside the card level with its bottom
 * row, or under or over it right-aligned with it, or (no room anywhere) over its bottom edge.
 */
export function chipRect(frame: Frame, card: Rect, side: ChipSide): Rect {
  const h = frame.chip.h;
  const w = frame.chip.maxW;
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
 * line (so an arrowhead is never hidden), beside the card if it can, else under or over it.
 * Every combination is tried (a handful of cards, four sides each), so one card's choice never
 * leaves another without a place when some arrangement has room for both.
 */
function placeChips(
  frame: Frame,
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
  const area = tableArea(frame);
  // Each card's free sides, best first; what is left to check is chips against chips.
  const options = pledging
    .map((id) => cards[id])
    .filter((c): c is CardSlot => c !== undefined)
    .map((c) => ({
      card: c,
      sides: frame.chipSides
        .map((side) => ({ side, r: chipRect(frame, c, side) }))
        .filter(
          ({ r }) =>
            contains(area, r.x, r.y) &&
            contains(area, r.x + r.w, r.y + r.h) &&
            all.every((o) => o === c || !overlaps(r, o, 2)) &&
            !overlaps(r, hubBox, 2) &&
            line.every((p) => !contains(r, p.x, p.y, 5)),
        ),
    }));
  let best: { placed: number; score: number; sides: (Rect & { side: ChipSide })[] } | null = null;
  const chosen: (Rect & { side: ChipSide })[] = [];
  const search = (i: number, placed: number, score: number) => {
    if (i === options.length) {
      if (!best || placed > best.placed || (placed === best.placed && score < best.score)) {
        best = { placed, score, sides: [...chosen] };
      }
      return;
    }
    const { sides } = options[i]!;
    sides.forEach(({ side, r }, rank) => {
      if (chosen.some((o) => o.side !== 'inside' && overlaps(r, o, 2))) return;
      chosen.push({ ...r, side });
      search(i + 1, placed + 1, score + rank);
      chosen.pop();
    });
    // No place on any side: the chip overlaps the card's bottom edge.
    chosen.push({ x: 0, y: 0, w: 0, h: 0, side: 'inside' });
    search(i + 1, placed, score);
    chosen.pop();
  };
  search(0, 0, 0);
  const found = best as { sides: { side: ChipSide }[] } | null;
  options.forEach(({ card }, i) => {
    card.chipSide = found?.sides[i]?.side ?? 'inside';
  });
}

/** A free spot for a card nobody planned for: scan the table top to bottom, left to right. */
function freeSpot(
  frame: Frame,
  taken: Rect[],
  hub: { x: number; y: number; r: number },
): Point | null {
  const t = tableArea(frame);
  const { w, h } = frame.card;
  for (let y = t.y + h / 2; y <= t.y + t.h - h / 2; y += 8) {
    for (let x = t.x + w / 2; x <= t.x + t.w - w / 2; x += 8) {
      const r = cardRect(frame, '', 'outer', { x, y });
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

/** Card positions for every actor of the scenario (all of them, whatever the scenario). */
export function placeCards(
  actors: readonly (Pick<ActorDef, 'id' | 'kind' | 'members'> &
    Partial<Pick<ActorDef, 'follows'>>)[],
  frame: Frame = FRAMES.wide,
) {
  const cards: Record<string, CardSlot> = {};
  const byRing: Record<Ring, string[]> = { inner: [], outer: [], head: [], edge: [] };
  for (const a of actors) byRing[ringOf(a)].push(a.id);
  const leftovers: { id: string; ring: Ring }[] = [];
  /** The free seat nearest to the card an actor follows (its line is then short), else the first. */
  const seatFor = (id: string, slots: Point[], free: number[]): number | undefined => {
    const leader = actors.find((a) => a.id === id)?.follows?.map((f) => cards[f.actor])[0];
    if (!leader) return free[0];
    const dist = (i: number) => Math.hypot(slots[i]!.x - leader.cx, slots[i]!.y - leader.cy);
    return [...free].sort((a, b) => dist(a) - dist(b))[0];
  };
  for (const ring of Object.keys(byRing) as Ring[]) {
    const { slots, prefer } = frame.slots[ring];
    const free = slots.map((_, i) => i);
    const ids = byRing[ring];
    // Preferred seats first, then everyone else in scenario order.
    const ordered = [
      ...ids.filter((id) => prefer.includes(id)),
      ...ids.filter((id) => !prefer.includes(id)),
    ];
    for (const id of ordered) {
      const want = prefer.indexOf(id);
      const slot = want >= 0 && free.includes(want) ? want : seatFor(id, slots, free);
      if (slot === undefined) {
        leftovers.push({ id, ring });
        continue;
      }
      free.splice(free.indexOf(slot), 1);
      cards[id] = cardRect(frame, id, ring, slots[slot]!);
    }
  }
  for (const { id, ring } of leftovers) {
    const spot = freeSpot(frame, Object.values(cards), frame.hub);
    // A table with no room left stacks the card on the hub rather than losing it.
    cards[id] = cardRect(frame, id, ring, spot ?? { x: frame.hub.x, y: frame.hub.y });
  }
  return cards;
}

/** Whether a curve stays clear of every card except its own two ends (and of the hub). */
function clearPath(
  area: Rect,
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
    if (!contains(area, p.x, p.y)) return false;
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
  area: Rect,
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
      if (clearPath(area, q, ends, others, hub)) return q;
    }
  }
  let best: Quad | null = null;
  let bestLen = Infinity;
  for (let y = area.y; y <= area.y + area.h; y += 8) {
    for (let x = area.x; x <= area.x + area.w; x += 8) {
      const around = Math.hypot(x - a.x, y - a.y) + Math.hypot(b.x - x, b.y - y);
      if (around >= bestLen) continue;
      const q = quadThrough(a, { x, y }, b);
      if (clearPath(area, q, ends, others, hub)) {
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

/** The actors that show a pledge chip: those that can pledge, and the hosts of others' pledges. */
export const pledgingActors = (scenario: Scenario): string[] =>
  scenario.actors
    .filter((a) => a.pledge > 0 || a.kind === 'lender' || Object.values(CHIP_HOSTS).includes(a.id))
    .map((a) => a.id);

/** The whole table for a scenario, in one frame. */
export function tableLayout(scenario: Scenario, frame: Frame = FRAMES.wide): TableLayout {
  const cards = placeCards(scenario.actors, frame);
  const hub = { ...frame.hub };
  const area = tableArea(frame);
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
    const curve = routeTether(area, a, b, ends, others, leaderCard ? hub : null);
    const inLeader = leaderCard
      ? (p: Point) => contains(leaderCard, p.x, p.y, 1)
      : (p: Point) => Math.hypot(p.x - hub.x, p.y - hub.y) <= hub.r + 1;
    const span = visibleSpan(curve, inLeader, (p) => contains(f, p.x, p.y, 1));
    tethers.push({ ...pair, curve, ...span });
  }
  placeChips(frame, cards, pledgingActors(scenario), hub, tethers);
  return {
    frame,
    cards,
    hub,
    innerRing: frame.innerRing,
    outerRing: frame.outerRing,
    tethers,
  };
}

/**
 * How many device pixels to draw per base pixel: 2 when the canvas shows larger than about
 * 1.25x its frame's base size on screen (a projector, a high-density screen), else 1 (cheaper).
 */
export function renderScaleFor(cssWidth: number, devicePixelRatio: number, baseW = BASE_W): 1 | 2 {
  const shown = cssWidth * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  return shown > baseW * 1.25 ? 2 : 1;
}
