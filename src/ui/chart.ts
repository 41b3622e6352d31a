import type { Stance, WeekRecord } from '../engine';
import { niceAxis, scale, type Rect } from './geometry';

// Geometry of the debrief's charts, from the weekly records: the money lines and the stance
// ribbons. Pure numbers in base pixels; the debrief scene only draws them.

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

/** X position of each recorded week (a single week sits in the middle). */
function weekX(history: readonly WeekRecord[], plot: Rect): (week: number) => number {
  const first = history[0]?.week ?? 1;
  const last = history[history.length - 1]?.week ?? first;
  return (week) => scale(week, first, last, plot.x, plot.x + plot.w);
}

export function moneyChart(history: readonly WeekRecord[], target: number, plot: Rect): MoneyChart {
  let top = target;
  for (const h of history) top = Math.max(top, h.secured, h.pledged);
  const { max, step } = niceAxis(top / 1000, 4);
  const y = (millions: number) => scale(millions / 1000, 0, max, plot.y + plot.h, plot.y);
  const x = weekX(history, plot);
  const yTicks: MoneyChart['yTicks'] = [];
  for (let v = 0; v <= max + 1e-9; v += step) yTicks.push({ y: y(v * 1000), bn: v });
  const n = history.length;
  const every = n <= 10 ? 1 : n <= 20 ? 2 : 5;
  const xTicks: MoneyChart['xTicks'] = [];
  history.forEach((h, i) => {
    if (i % every === 0 || i === n - 1) xTicks.push({ x: x(h.week), week: h.week });
  });
  // Never let the last two labels collide ("17" next to "18").
  if (xTicks.length >= 2) {
    const a = xTicks[xTicks.length - 2]!;
    const b = xTicks[xTicks.length - 1]!;
    if (b.x - a.x < 18) xTicks.splice(xTicks.length - 2, 1);
  }
  return {
    plot,
    yMax: max,
    yTicks,
    xTicks,
    secured: history.flatMap((h) => [x(h.week), y(h.secured)]),
    pledged: history.flatMap((h) => [x(h.week), y(h.pledged)]),
    targetY: y(target),
  };
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
