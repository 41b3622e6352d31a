import type { Stance, WeekRecord } from '../engine';
import { niceAxis, overlaps, scale, type Rect } from './geometry';

// Geometry of the debrief's charts, from the weekly records: the money lines and the stance
// ribbons, and for a what-if the other timeline's line, the marker where the two part, the
// ribbon cells where their stances differed and the turning points only one had. Pure numbers
// in base pixels; the debrief scene only draws them.

export interface MoneyChart {
  plot: Rect;
  /** EUR bn at the top of the axis */
  yMax: number;
  yTicks: { y: number; bn: number }[];
  xTicks: { x: number; week: number }[];
  /** flat [x0, y0, x1, y1, ...] per series */
  secured: number[];
  pledged: number[];
  targetY: number;
}

/** The axes of a money chart over some weeks (sorted) up to `top` (EUR m). */
function axes(weeks: readonly number[], top: number, plot: Rect) {
  const { max, step } = niceAxis(top / 1000, 4);
  const y = (millions: number) => scale(millions / 1000, 0, max, plot.y + plot.h, plot.y);
  // X position of each week (a single week sits in the middle).
  const first = weeks[0] ?? 1;
  const last = weeks[weeks.length - 1] ?? first;
  const x = (week: number) => scale(week, first, last, plot.x, plot.x + plot.w);
  const yTicks: MoneyChart['yTicks'] = [];
  for (let v = 0; v <= max + 1e-9; v += step) yTicks.push({ y: y(v * 1000), bn: v });
  const n = weeks.length;
  const every = n <= 10 ? 1 : n <= 20 ? 2 : 5;
  const xTicks: MoneyChart['xTicks'] = [];
  weeks.forEach((week, i) => {
    if (i % every === 0 || i === n - 1) xTicks.push({ x: x(week), week });
  });
  // Never let the last two labels collide ("17" next to "18").
  if (xTicks.length >= 2) {
    const a = xTicks[xTicks.length - 2]!;
    const b = xTicks[xTicks.length - 1]!;
    if (b.x - a.x < 18) xTicks.splice(xTicks.length - 2, 1);
  }
  return { x, y, yMax: max, yTicks, xTicks };
}

export function moneyChart(history: readonly WeekRecord[], target: number, plot: Rect): MoneyChart {
  let top = target;
  for (const h of history) top = Math.max(top, h.secured, h.pledged);
  const { x, y, yMax, yTicks, xTicks } = axes(
    history.map((h) => h.week),
    top,
    plot,
  );
  return {
    plot,
    yMax,
    yTicks,
    xTicks,
    secured: history.flatMap((h) => [x(h.week), y(h.secured)]),
    pledged: history.flatMap((h) => [x(h.week), y(h.pledged)]),
    targetY: y(target),
  };
}

/** A what-if's money chart: the money secured in both timelines, on the same axes. */
export interface CompareChart {
  plot: Rect;
  yMax: number;
  yTicks: { y: number; bn: number }[];
  xTicks: { x: number; week: number }[];
  /** the what-if's secured line, every week (flat [x0, y0, ...]) */
  secured: number[];
  /** the other timeline's secured line, from the last week both share (where they part) on */
  base: number[];
  targetY: number;
  /** where the what-if starts: the end of the last week both timelines share */
  forkX: number;
}

export function compareChart(
  fork: readonly WeekRecord[],
  base: readonly WeekRecord[],
  week: number,
  target: number,
  plot: Rect,
): CompareChart {
  let top = target;
  for (const h of [...fork, ...base]) top = Math.max(top, h.secured);
  const weeks = [...new Set([...fork, ...base].map((h) => h.week))].sort((a, b) => a - b);
  const { x, y, yMax, yTicks, xTicks } = axes(weeks, top, plot);
  const from = Math.max(week - 1, weeks[0] ?? week);
  const line = (records: readonly WeekRecord[]) =>
    records.flatMap((h) => [x(h.week), y(h.secured)]);
  return {
    plot,
    yMax,
    yTicks,
    xTicks,
    secured: line(fork),
    base: line(base.filter((h) => h.week >= from)),
    targetY: y(target),
    forkX: x(from),
  };
}

/** The lowest and highest y a polyline (flat, x rising) reaches between x0 and x1, or null. */
export function yRange(poly: readonly number[], x0: number, x1: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (y: number) => {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  };
  for (let i = 0; i + 3 < poly.length; i += 2) {
    const [ax, ay, bx, by] = [poly[i]!, poly[i + 1]!, poly[i + 2]!, poly[i + 3]!];
    if (bx < x0 || ax > x1) continue;
    const at = (x: number) => (bx === ax ? ay : ay + ((by - ay) * (x - ax)) / (bx - ax));
    take(at(Math.max(ax, x0)));
    take(at(Math.min(bx, x1)));
  }
  if (poly.length === 2 && poly[0]! >= x0 && poly[0]! <= x1) take(poly[1]!);
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The fork's marker: a vertical line at `x` through the plot and its label beside it, right of
 * the line if it can be, else left. The label takes the highest place in the plot clear of the
 * target's line at `targetY`, of the target's label `avoid` and of the money `lines` (at the
 * top, else just under the target, else lower); the marker's line leaves a gap where it would
 * cross `avoid`.
 */
export function forkMarker(
  plot: Rect,
  x: number,
  label: { w: number; h: number },
  targetY: number,
  avoid: Rect,
  lines: readonly (readonly number[])[] = [],
): { x: number; segments: [number, number][]; label: Rect } {
  const bottom = plot.y + plot.h;
  const clear = (b: Rect) =>
    !(b.y - 2 < targetY && b.y + b.h + 2 > targetY) &&
    !overlaps(b, avoid, 2) &&
    lines.every((poly) => {
      const r = yRange(poly, b.x - 2, b.x + b.w + 2);
      return !r || r[1] < b.y - 3 || r[0] > b.y + b.h + 3;
    });
  const under = Math.max(targetY, avoid.y + avoid.h) + 4;
  const ys = [plot.y + 2, under];
  for (let y = plot.y + 2; y + label.h <= bottom - 2; y += 4) ys.push(y);
  const xs = [x + 4, x - 4 - label.w].filter(
    (lx) => lx >= plot.x && lx + label.w <= plot.x + plot.w,
  );
  if (xs.length === 0) xs.push(x + 4 + label.w <= plot.x + plot.w ? x + 4 : x - 4 - label.w);
  const fits = (y: number) => y >= plot.y && y + label.h <= bottom;
  let box: Rect | null = null;
  for (const lx of xs) {
    for (const y of ys) {
      const b = { x: lx, y, w: label.w, h: label.h };
      if (fits(y) && clear(b)) {
        box = b;
        break;
      }
    }
    if (box) break;
  }
  // Nowhere clear: under the target (or at the top when there is no room under it).
  box ??= { x: xs[0]!, y: fits(under) ? under : plot.y + 2, w: label.w, h: label.h };
  const crosses = x >= avoid.x - 2 && x <= avoid.x + avoid.w + 2;
  const segments: [number, number][] = [[plot.y, bottom]];
  if (crosses && avoid.y < bottom && avoid.y + avoid.h > plot.y) {
    segments.length = 0;
    if (avoid.y - 1 > plot.y) segments.push([plot.y, avoid.y - 1]);
    if (avoid.y + avoid.h + 1 < bottom) segments.push([avoid.y + avoid.h + 1, bottom]);
  }
  return { x, segments, label: box };
}

export interface RibbonCell {
  x: number;
  y: number;
  w: number;
  h: number;
  week: number;
  stance: Stance;
}

export interface RibbonRow {
  id: string;
  /** where the row's label sits (left, vertical centre) */
  labelX: number;
  labelY: number;
  cells: RibbonCell[];
}

/** One row per actor, one cell per recorded week, inside `rect` after a label column. */
export function stanceRibbons(
  history: readonly WeekRecord[],
  ids: readonly string[],
  rect: Rect,
  labelW: number,
): RibbonRow[] {
  const n = Math.max(1, history.length);
  const rowH = ids.length ? rect.h / ids.length : rect.h;
  const cellW = (rect.w - labelW) / n;
  return ids.map((id, r) => {
    const y = rect.y + r * rowH;
    const cells: RibbonCell[] = [];
    history.forEach((h, i) => {
      const stance = h.stance[id];
      if (!stance) return;
      cells.push({ x: rect.x + labelW + i * cellW, y, w: cellW, h: rowH, week: h.week, stance });
    });
    return { id, labelX: rect.x, labelY: y + rowH / 2, cells };
  });
}

/** The cells of the ribbons where the other timeline left the actor in another stance. */
export function splitCells(
  rows: readonly RibbonRow[],
  splits: readonly { actor: string; weeks: readonly { week: number }[] }[],
): RibbonCell[] {
  const byActor = new Map(splits.map((s) => [s.actor, new Set(s.weeks.map((w) => w.week))]));
  return rows.flatMap((row) => {
    const weeks = byActor.get(row.id);
    return weeks ? row.cells.filter((c) => weeks.has(c.week)) : [];
  });
}

/**
 * Up to `n` turning points that only one timeline has, in week order, with both timelines'
 * first ones kept when each has some (so neither side is crowded out).
 */
export function splitPoints<T extends { week: number }>(
  onlyFork: readonly T[],
  onlyBase: readonly T[],
  n: number,
): { side: 'fork' | 'base'; point: T }[] {
  const all = [
    ...onlyFork.map((point) => ({ side: 'fork' as const, point })),
    ...onlyBase.map((point) => ({ side: 'base' as const, point })),
  ].sort((a, b) => a.point.week - b.point.week);
  const picked = all.slice(0, n);
  for (const side of ['fork', 'base'] as const) {
    const first = all.find((e) => e.side === side);
    if (n >= 2 && first && !picked.includes(first)) {
      // Drop the last pick of the side that has more, then keep week order.
      const other = side === 'fork' ? 'base' : 'fork';
      const drop = picked.map((e) => e.side).lastIndexOf(other);
      if (drop >= 0) picked.splice(drop, 1, first);
      picked.sort((a, b) => a.point.week - b.point.week);
    }
  }
  return picked;
}
