import type { DecisionModel, MoveGroup } from '../app/store';
import type { Point, Quad, Rect } from './geometry';
import { overlaps, quadThrough } from './geometry';

// Where "How it decides" draws an actor's machine, as a pure function of the model, the room
// it has and a way to measure words (the scene passes its text's, the tests a rough one). Its
// states sit in a row (a column when a row does not fit), in the machine's order; a move
// forward arcs below the row (right of the column), a move back above it (left); a band of
// states a week's willingness chooses among is joined by double arrows in the gaps.

/** The short word on each move's arc, by the machine's event names. */
export const ARC_WORDS: Record<string, string> = {
  percept: 'week’s end',
  offer: 'offer',
  ballot: 'vote',
  'promise.broken': 'promise broken',
  'price.rise': 'price rises',
  provoked: 'provoked',
};

export type Measure = (text: string, bold: boolean) => number;

export interface StripBox extends Rect {
  id: string;
  label: string;
  current: boolean;
  /** room for a stance marker left of the word */
  marker: boolean;
}

export interface StripArc {
  /**
   * one curve per state it leaves from, each ending at the state it goes to; `current`: it
   * leaves from where the actor stands
   */
  curves: { q: Quad; current: boolean }[];
  /** one of its curves leaves from where the actor stands */
  current: boolean;
  label: Rect & { text: string };
}

export interface DecidesStrip {
  axis: 'row' | 'column';
  boxes: StripBox[];
  arcs: StripArc[];
  /** double arrows between neighbours of a band, each from a to b */
  pairs: { a: Point; b: Point }[];
  /** everything drawn, labels included */
  bounds: Rect;
}

export interface StripOptions {
  font: number;
  /** a column at the area's left (words beside it), instead of at its centre */
  start?: boolean;
  /** the stance marker's radius, when the states are stances */
  markerR: number;
  isStance: (id: string) => boolean;
}

/** Moves with the same ends, told by one label ("week’s end or offer"). */
interface ArcGroup {
  from: string[];
  to: string;
  words: string[];
}

function arcGroups(model: DecisionModel, moves: MoveGroup[]): ArcGroup[] {
  const groups: ArcGroup[] = [];
  for (const m of moves) {
    if (m.band || m.to === null) continue;
    const from = m.from.filter((f) => f !== m.to);
    if (!from.length) continue;
    const word = ARC_WORDS[m.event] ?? m.event;
    const same = groups.find((g) => g.to === m.to && g.from.join() === from.join());
    if (same) {
      if (!same.words.includes(word)) same.words.push(word);
    } else groups.push({ from, to: m.to, words: [word] });
  }
  const order = (id: string) => model.states.findIndex((s) => s.id === id);
  for (const g of groups) g.from.sort((a, b) => order(a) - order(b));
  return groups;
}

/** Words broken into lines no wider than `max` (a word longer than that has a line of its own). */
export function wrap(text: string, max: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`, false) <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Lays out the strip of states and moves inside `area` (its top and its width). */
export function decidesStrip(
  model: DecisionModel,
  moves: MoveGroup[],
  area: Rect,
  measure: Measure,
  o: StripOptions,
): DecidesStrip {
  const n = model.states.length;
  // Two lines: its name, and "now" in the one it is in.
  const boxH = Math.round(o.font * 3);
  const markerW = 2 * o.markerR + Math.round(o.font * 0.4);
  const anyStance = model.states.some((s) => o.isStance(s.id));
  const widest = Math.max(...model.states.map((s) => measure(s.label, true)));
  // A row with markers, then tighter rows without them (the words say the stance), else a
  // column. `gap`: the least room between two boxes, in words' heights.
  const tries = [
    { marker: anyStance, pad: 0.6, gap: 2 },
    { marker: false, pad: 0.6, gap: 1.5 },
    { marker: false, pad: 0.4, gap: 1 },
  ];
  const widthOf = (t: { marker: boolean; pad: number }) =>
    Math.ceil(widest + 2 * Math.round(o.font * t.pad) + (t.marker ? markerW : 0));
  const fit = tries.find((t) => n * widthOf(t) + (n - 1) * t.gap * o.font <= area.w);
  const axis: 'row' | 'column' = fit ? 'row' : 'column';
  const marker = fit ? fit.marker : anyStance;
  const boxW = widthOf(fit ?? tries[0]!);
  const row = axis === 'row';
  // Along: the axis the states follow; across: the other one. Boxes are laid out at across = 0
  // and moved into place once the arcs' reach is known.
  const along = row ? boxW : boxH;
  const acrossSize = row ? boxH : boxW;
  const room = row ? area.w : Infinity;
  const gap =
    row && n > 1
      ? Math.min(o.font * 4, Math.floor((room - n * along) / (n - 1)))
      : Math.round(o.font * 1.6);
  const span = n * along + (n - 1) * gap;
  const start = row ? area.x + (area.w - span) / 2 : 0;
  const at = (a: number, c: number): Point => (row ? { x: a, y: c } : { x: c, y: a });
  const centre = (i: number) => start + i * (along + gap) + along / 2;
  const index = (id: string) => model.states.findIndex((s) => s.id === id);

  // Arcs: where each ends on its boxes, spread across the side it leaves from.
  const groups = arcGroups(model, moves);
  type End = { group: number; state: string; other: string; side: 1 | -1 };
  const ends: End[] = [];
  groups.forEach((g, k) => {
    for (const f of g.from) {
      const side = index(g.to) > index(f) ? 1 : -1;
      ends.push({ group: k, state: f, other: g.to, side });
      ends.push({ group: k, state: g.to, other: f, side });
    }
  });
  const offsetOf = new Map<End, number>();
  // Arcs on one side of a box nest: from the left, the near ones' ends first and the far ones'
  // last, then the far ones' from the right, and the near ones' last.
  const nest = (box: number, other: number) => (other < box ? box - other : 2 * n - (other - box));
  for (const s of model.states)
    for (const side of [1, -1] as const) {
      const i = index(s.id);
      const here = ends
        .filter((e) => e.state === s.id && e.side === side)
        .sort((a, b) => nest(i, index(a.other)) - nest(i, index(b.other)));
      here.forEach((e, i) =>
        offsetOf.set(e, here.length < 2 ? 0 : (i / (here.length - 1) - 0.5) * along * 0.6),
      );
    }
  const endPoint = (state: string, other: string, group: number, side: 1 | -1): Point => {
    const e = ends.find(
      (x) => x.group === group && x.state === state && x.other === other && x.side === side,
    )!;
    return at(centre(index(state)) + (offsetOf.get(e) ?? 0), (side * acrossSize) / 2);
  };

  const lineH = Math.round(o.font * 1.3);
  const base = Math.round(o.font * 1.1);
  // A column has less room across: its arcs bend less.
  const step = Math.round(o.font * (row ? 0.9 : 0.7));
  const arcs: StripArc[] = [];
  const placed: Rect[] = [];
  // Shortest first, so the short ones hug the boxes and the long ones go round them.
  const order = groups
    .map((g, k) => ({
      g,
      k,
      reach: Math.max(...g.from.map((f) => Math.abs(index(f) - index(g.to)))),
    }))
    .sort((a, b) => a.reach - b.reach);
  for (const { g, k, reach } of order) {
    const words = g.words.join(' or ');
    const sideOf = (f: string): 1 | -1 => (index(g.to) > index(f) ? 1 : -1);
    // Words that would overlap others: a row's go farther out, a column's move along it.
    let extra = 0;
    let slide = 0;
    const build = () => {
      const curves = g.from.map((f) => {
        const side = sideOf(f);
        const a = endPoint(f, g.to, k, side);
        const b = endPoint(g.to, f, k, side);
        const h = base + step * (Math.abs(index(f) - index(g.to)) - 1) + extra;
        const mid = (centre(index(f)) + centre(index(g.to))) / 2;
        const apex = at(mid, side * (acrossSize / 2 + h));
        return { q: quadThrough(a, apex, b), current: f === model.current };
      });
      // The label sits beyond the farthest curve's apex.
      const far = g.from.reduce((best, f) =>
        Math.abs(index(f) - index(g.to)) > Math.abs(index(best) - index(g.to)) ? f : best,
      );
      const side = sideOf(far);
      const h = base + step * (reach - 1) + extra;
      const mid = (centre(index(far)) + centre(index(g.to))) / 2;
      // Beside a column the words wrap to the room left on their side (the column is centred
      // in the area, or at its left with nothing on that side but the arcs).
      const reachOut = acrossSize / 2 + h + 4;
      const roomAcross = o.start && side < 0 ? reachOut : area.w / 2;
      const lines = row
        ? [words]
        : wrap(words, Math.max(o.font * 3, roomAcross - reachOut), measure);
      const text = lines.join('\n');
      const tw = Math.ceil(Math.max(...lines.map((l) => measure(l, false))));
      const th = lineH * lines.length;
      const label = row
        ? {
            x: mid - tw / 2,
            y: side > 0 ? acrossSize / 2 + h + 2 : -acrossSize / 2 - h - 2 - th,
            w: tw,
            h: th,
          }
        : {
            x: side > 0 ? reachOut : -reachOut - tw,
            y: mid - th / 2 + slide,
            w: tw,
            h: th,
          };
      return { curves, label: { ...label, text } };
    };
    let arc = build();
    for (let tries = 0; tries < 20 && placed.some((r) => overlaps(r, arc.label, 3)); tries++) {
      if (row) extra += Math.round(o.font * 0.5);
      else slide += Math.round(o.font * 0.5);
      arc = build();
    }
    placed.push(arc.label);
    arcs[k] = { ...arc, current: g.from.includes(model.current) };
  }

  // Bands: double arrows in the gaps between neighbours.
  const pairs: DecidesStrip['pairs'] = [];
  for (const event of new Set(moves.filter((m) => m.band).map((m) => m.event))) {
    const ids = moves
      .find((m) => m.band && m.event === event)!
      .from.map(index)
      .sort((a, b) => a - b);
    for (let i = 0; i + 1 < ids.length; i++) {
      if (ids[i + 1] !== ids[i]! + 1) continue;
      const inset = Math.min(4, gap / 6);
      pairs.push({
        a: at(centre(ids[i]!) + along / 2 + inset, 0),
        b: at(centre(ids[i + 1]!) - along / 2 - inset, 0),
      });
    }
  }

  const boxes: StripBox[] = model.states.map((s, i) => {
    const c = at(centre(i), 0);
    return {
      id: s.id,
      label: s.label,
      current: s.id === model.current,
      marker: marker && o.isStance(s.id),
      x: c.x - boxW / 2,
      y: c.y - boxH / 2,
      w: boxW,
      h: boxH,
    };
  });

  // The reach of everything, then everything moved into the area: its top, and for a column
  // its middle.
  const pts: Point[] = [];
  for (const b of boxes) pts.push({ x: b.x, y: b.y }, { x: b.x + b.w, y: b.y + b.h });
  for (const a of arcs) {
    pts.push(
      { x: a.label.x, y: a.label.y },
      { x: a.label.x + a.label.w, y: a.label.y + a.label.h },
    );
    for (const { q } of a.curves)
      pts.push({ x: (q.ax + 2 * q.cx + q.bx) / 4, y: (q.ay + 2 * q.cy + q.by) / 4 });
  }
  const minX = Math.min(...pts.map((p) => p.x));
  const maxX = Math.max(...pts.map((p) => p.x));
  const minY = Math.min(...pts.map((p) => p.y));
  const maxY = Math.max(...pts.map((p) => p.y));
  const dx = row ? 0 : o.start ? area.x - minX : area.x + area.w / 2;
  const dy = area.y - minY;
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  for (const b of boxes) {
    b.x += dx;
    b.y += dy;
  }
  for (const a of arcs) {
    a.label.x += dx;
    a.label.y += dy;
    // A row's words stay inside the area.
    if (row) a.label.x = Math.max(area.x, Math.min(area.x + area.w - a.label.w, a.label.x));
    a.curves = a.curves.map(({ q, current }) => ({
      q: {
        ax: q.ax + dx,
        ay: q.ay + dy,
        cx: q.cx + dx,
        cy: q.cy + dy,
        bx: q.bx + dx,
        by: q.by + dy,
      },
      current,
    }));
  }
  return {
    axis,
    boxes,
    arcs,
    pairs: pairs.map((p) => ({ a: move(p.a), b: move(p.b) })),
    bounds: { x: minX + dx, y: minY + dy, w: maxX - minX, h: maxY - minY },
  };
}
