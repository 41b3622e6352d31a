import type { ChecklistStep } from '../app/store';
import { wrap, type Measure } from './decides-layout';
import { quadPoint, type Point, type Rect } from './geometry';
import { CARD_GAP, chipRect, tableArea, type Frame, type TableLayout } from './layout';

// Where the routes' checklists sit on the table, as a pure function of the table's layout, the
// routes' steps (their short words, never their statuses: a change of status moves nothing) and
// a way to measure words. Each route gets a panel: its name, then its steps in order, each a
// status mark and a few words, flowing left to right and wrapping to the panel's width. The
// panels go into the table's free corners: no card, pledge chip, line or hub is covered, so
// nothing of the table is hidden. A frame with no room for all of them (a phone's, a small
// screen's) shows none: the page's route cards, right next to the picture, carry the same list.

export type StepStatus = ChecklistStep['status'];

/** A route's steps as the canvas needs them (from checklistOf). */
export interface RouteSteps {
  id: string;
  name: string;
  steps: readonly Pick<ChecklistStep, 'code' | 'short'>[];
}

/** One step in its panel: where its mark and its words go (the row's middle is cy). */
export interface StepSlot extends Rect {
  code: ChecklistStep['code'];
  short: string;
  markX: number;
  labelX: number;
  cy: number;
}

export interface RoutePanel extends Rect {
  id: string;
  /** the route's name, wrapped to the panel's width, with the top left of its first line */
  title: { x: number; y: number; lines: string[]; h: number };
  steps: StepSlot[];
}

/** Sizes inside a panel, in base pixels, from the words' size. */
export interface PanelMetrics {
  font: number;
  pad: number;
  lineH: number;
  /** a step's height: its words and room for the outline of the step to work on */
  itemH: number;
  itemGap: number;
  rowGap: number;
  /** room for the widest status mark, and the gap between it and the words */
  markW: number;
  markGap: number;
  /** inside a step, between its outline and its mark (or its words) */
  inset: number;
}

/** The sizes for words `font` base pixels high and marks `markW` wide (bold). */
export function panelMetrics(font: number, markW: number): PanelMetrics {
  return {
    font,
    pad: Math.round(font * 0.4),
    lineH: Math.round(font * 1.3),
    itemH: Math.round(font * 1.35),
    itemGap: Math.round(font * 0.35),
    rowGap: Math.round(font * 0.15),
    markW: Math.ceil(markW),
    markGap: Math.round(font * 0.25),
    inset: Math.round(font * 0.2),
  };
}

/** The step to work on: the first that is not done (none once all are). */
export const currentStep = (steps: readonly { status: StepStatus }[]): number =>
  steps.findIndex((s) => s.status !== 'done');

/**
 * A route's panel `w` base pixels wide, its top left at (0, 0); null when its name or one of its
 * steps does not fit that width.
 */
export function panelAt(
  route: RouteSteps,
  w: number,
  m: PanelMetrics,
  measure: Measure,
): RoutePanel | null {
  const inner = w - 2 * m.pad;
  const lines = wrap(route.name, inner, (s) => measure(s, true));
  if (lines.some((l) => measure(l, true) > inner)) return null;
  const titleH = lines.length * m.lineH;
  let y = m.pad + titleH + m.rowGap;
  let x = m.pad;
  const steps: StepSlot[] = [];
  for (const s of route.steps) {
    const sw = Math.ceil(2 * m.inset + m.markW + m.markGap + measure(s.short, false));
    if (sw > inner) return null;
    if (x > m.pad && x + sw > m.pad + inner) {
      x = m.pad;
      y += m.itemH + m.rowGap;
    }
    steps.push({
      code: s.code,
      short: s.short,
      x,
      y,
      w: sw,
      h: m.itemH,
      markX: x + m.inset,
      labelX: x + m.inset + m.markW + m.markGap,
      cy: y + m.itemH / 2,
    });
    x += sw + m.itemGap;
  }
  const h = (steps.length ? y + m.itemH : y) + m.pad;
  return { id: route.id, x: 0, y: 0, w, h, title: { x: m.pad, y: m.pad, lines, h: titleH }, steps };
}

/** The panel's shapes for each height it can take, narrowest first (a taller one is narrower). */
function shapesOf(route: RouteSteps, m: PanelMetrics, measure: Measure, maxW: number) {
  const out: RoutePanel[] = [];
  for (let w = Math.ceil(m.font * 4); w <= maxW; w += 4) {
    const p = panelAt(route, w, m, measure);
    if (p && !out.some((o) => o.h <= p.h)) out.push(p);
  }
  return out;
}

/** Cells of `CELL` base pixels, blocked where nothing may go, with a summed table to query. */
const CELL = 4;

class FreeMap {
  readonly cols: number;
  readonly rows: number;
  private readonly blocked: Uint8Array;
  private sums: Int32Array;

  constructor(frame: Frame) {
    this.cols = Math.ceil(frame.w / CELL);
    this.rows = Math.ceil(frame.h / CELL);
    this.blocked = new Uint8Array(this.cols * this.rows);
    this.sums = new Int32Array((this.cols + 1) * (this.rows + 1));
  }

  /** Blocks every cell that comes closer than `gap` to `r`. */
  block(r: Rect, gap = 0): void {
    const c0 = Math.max(0, Math.floor((r.x - gap) / CELL));
    const c1 = Math.min(this.cols - 1, Math.ceil((r.x + r.w + gap) / CELL) - 1);
    const r0 = Math.max(0, Math.floor((r.y - gap) / CELL));
    const r1 = Math.min(this.rows - 1, Math.ceil((r.y + r.h + gap) / CELL) - 1);
    for (let row = r0; row <= r1; row++)
      for (let col = c0; col <= c1; col++) this.blocked[row * this.cols + col] = 1;
  }

  /** Blocks every cell not wholly inside `r`. */
  keepInside(r: Rect): void {
    for (let row = 0; row < this.rows; row++)
      for (let col = 0; col < this.cols; col++) {
        const x = col * CELL;
        const y = row * CELL;
        if (x < r.x || y < r.y || x + CELL > r.x + r.w || y + CELL > r.y + r.h)
          this.blocked[row * this.cols + col] = 1;
      }
  }

  /** Brings the summed table up to date with the blocked cells. */
  sum(): void {
    const W = this.cols + 1;
    this.sums = new Int32Array(W * (this.rows + 1));
    for (let row = 0; row < this.rows; row++)
      for (let col = 0; col < this.cols; col++)
        this.sums[(row + 1) * W + col + 1] =
          this.blocked[row * this.cols + col]! +
          this.sums[row * W + col + 1]! +
          this.sums[(row + 1) * W + col]! -
          this.sums[row * W + col]!;
  }

  /** Whether the `cw` x `ch` cells from (col, row) are all free (after sum()). */
  free(col: number, row: number, cw: number, ch: number): boolean {
    const W = this.cols + 1;
    const s = this.sums;
    return (
      s[(row + ch) * W + col + cw]! -
        s[row * W + col + cw]! -
        s[(row + ch) * W + col]! +
        s[row * W + col]! ===
      0
    );
  }
}

/** What a panel may not cover: every card, every chip's place, the hub, every line. */
function freeMap(table: TableLayout, pledging: readonly string[], lineClear: number): FreeMap {
  const { frame } = table;
  const map = new FreeMap(frame);
  map.keepInside(tableArea(frame));
  for (const c of Object.values(table.cards)) map.block(c, CARD_GAP);
  for (const id of pledging) {
    const c = table.cards[id];
    if (c) map.block(chipRect(frame, c, c.chipSide), CARD_GAP);
  }
  const { x, y, r } = table.hub;
  map.block({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }, CARD_GAP);
  const pt: Point = { x: 0, y: 0 };
  for (const t of table.tethers) {
    const q = t.curve;
    const n = Math.ceil((Math.hypot(q.bx - q.ax, q.by - q.ay) * 1.5) / CELL) + 2;
    for (let i = 0; i <= n; i++) {
      quadPoint(q, i / n, pt);
      map.block({ x: pt.x, y: pt.y, w: 0, h: 0 }, lineClear);
    }
  }
  map.sum();
  return map;
}

/** Places the panels one by one, each in the free spot nearest a corner of the table. */
function place(
  map: FreeMap,
  area: Rect,
  shapes: readonly RoutePanel[][],
  order: readonly number[],
): RoutePanel[] | null {
  const placed: RoutePanel[] = [];
  const midX = area.x + area.w / 2;
  const midY = area.y + area.h / 2;
  for (const i of order) {
    let best: { score: number; panel: RoutePanel } | null = null;
    for (const shape of shapes[i]!) {
      const cw = Math.ceil(shape.w / CELL);
      const ch = Math.ceil(shape.h / CELL);
      const lines = shape.title.lines.length - 1;
      // The best this shape could score (in a corner): no better than the best so far, skip it.
      const least = lines * 150 * 1e6 + shape.w * shape.h;
      if (best && least >= best.score) continue;
      for (let row = 0; row + ch <= map.rows; row++)
        for (let col = 0; col + cw <= map.cols; col++) {
          if (!map.free(col, row, cw, ch)) continue;
          // Within its cells, the panel leans to the nearest corner of the table, and is as far
          // from it as that corner of the panel.
          const left = col * CELL;
          const top = row * CELL;
          const toLeft = left + (cw * CELL) / 2 < midX;
          const toTop = top + (ch * CELL) / 2 < midY;
          const x = toLeft ? left : left + cw * CELL - shape.w;
          const y = toTop ? top : top + ch * CELL - shape.h;
          const d = Math.hypot(
            toLeft ? x - area.x : area.x + area.w - x - shape.w,
            toTop ? y - area.y : area.y + area.h - y - shape.h,
          );
          // Nearest a corner, its name on as few lines as can be (a line more weighs as much
          // as being a card's width farther out); then the smaller panel; then top to bottom,
          // left to right.
          const score = (d + lines * 150) * 1e6 + shape.w * shape.h + (y * area.w + x) / 1e6;
          if (!best || score < best.score) best = { score, panel: { ...shape, x, y } };
        }
    }
    if (!best) return null;
    const p = best.panel;
    placed[i] = {
      ...p,
      title: { ...p.title, x: p.title.x + p.x, y: p.title.y + p.y },
      steps: p.steps.map((s) => ({
        ...s,
        x: s.x + p.x,
        y: s.y + p.y,
        markX: s.markX + p.x,
        labelX: s.labelX + p.x,
        cy: s.cy + p.y,
      })),
    };
    map.block(p, CARD_GAP);
    map.sum();
  }
  return placed;
}

export interface ChecklistOptions {
  font: number;
  /** the widest status mark, measured bold */
  markW: number;
}

/**
 * The routes' panels on `table`, in the routes' order, or null when the table has no room for
 * all of them. `pledging`: the actors whose chips the table may show (their places stay clear).
 */
export function checklistLayout(
  table: TableLayout,
  pledging: readonly string[],
  routes: readonly RouteSteps[],
  measureText: Measure,
  o: ChecklistOptions,
): RoutePanel[] | null {
  if (!routes.length) return [];
  // Each word is measured once (a scene measures by drawing it).
  const known = new Map<string, number>();
  const measure: Measure = (text, bold) => {
    const key = `${bold ? 'b' : 'n'}${text}`;
    let w = known.get(key);
    if (w === undefined) known.set(key, (w = measureText(text, bold)));
    return w;
  };
  const m = panelMetrics(o.font, o.markW);
  const area = tableArea(table.frame);
  const maxW = Math.floor(table.frame.w * 0.45);
  // The likeliest best first (fewest lines in the name, then the smallest), so that most shapes
  // are skipped (place).
  const shapes = routes.map((r) =>
    shapesOf(r, m, measure, maxW).sort(
      (a, b) => a.title.lines.length - b.title.lines.length || a.w * a.h - b.w * b.h,
    ),
  );
  if (shapes.some((s) => !s.length)) return null;
  const lineClear = Math.round(o.font * 0.5);
  // In the routes' order first; if that leaves one without room, the largest first.
  const given = routes.map((_, i) => i);
  const largest = [...given].sort(
    (a, b) => shapes[b]![0]!.w * shapes[b]![0]!.h - shapes[a]![0]!.w * shapes[a]![0]!.h,
  );
  for (const order of [given, largest]) {
    const panels = place(freeMap(table, pledging, lineClear), area, shapes, order);
    if (panels) return panels;
  }
  return null;
}
