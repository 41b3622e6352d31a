import type { ShapeKind } from './theme';

// Plain geometry for the table: marker outlines, curves, dashes, chart scales and text fitting.
// No Phaser here, so all of it is unit-tested in node.

export interface Point {
  x: number;
  y: number;
}

const shapeCache = new Map<string, Point[]>();

/**
 * Outline of a stance marker centred on (0, 0), inside a box of 2.4r (the star reaches out
 * further than the others because it has so little area). The shapes are sized by eye so
 * that none looks heavier than another. Cached: callers must not mutate them.
 */
export function shapePoints(kind: ShapeKind, r: number): readonly Point[] {
  const key = `${kind}:${r}`;
  const cached = shapeCache.get(key);
  if (cached) return cached;
  let pts: Point[];
  switch (kind) {
    case 'square': {
      const h = r * 0.8;
      pts = [
        { x: -h, y: -h },
        { x: h, y: -h },
        { x: h, y: h },
        { x: -h, y: h },
      ];
      break;
    }
    case 'triangle':
      pts = [
        { x: 0, y: -r },
        { x: r, y: r * 0.8 },
        { x: -r, y: r * 0.8 },
      ];
      break;
    case 'diamond':
      pts = [
        { x: 0, y: -r },
        { x: r * 0.85, y: 0 },
        { x: 0, y: r },
        { x: -r * 0.85, y: 0 },
      ];
      break;
    case 'star': {
      pts = [];
      for (let i = 0; i < 10; i++) {
        const rad = i % 2 === 0 ? r * 1.2 : r * 0.52;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push({ x: rad * Math.cos(a), y: rad * Math.sin(a) });
      }
      break;
    }
    case 'circle': {
      pts = [];
      const rr = r * 0.85;
      for (let i = 0; i < 24; i++) {
        const a = (i * Math.PI) / 12;
        pts.push({ x: rr * Math.cos(a), y: rr * Math.sin(a) });
      }
      break;
    }
  }
  shapeCache.set(key, pts);
  return pts;
}

/** A quadratic Bézier from a through control c to b. */
export interface Quad {
  ax: number;
  ay: number;
  cx: number;
  cy: number;
  bx: number;
  by: number;
}

/** The point at t (0..1) on a quadratic curve, written into `out` (no allocation). */
export function quadPoint(q: Quad, t: number, out: Point): Point {
  const u = 1 - t;
  out.x = u * u * q.ax + 2 * u * t * q.cx + t * t * q.bx;
  out.y = u * u * q.ay + 2 * u * t * q.cy + t * t * q.by;
  return out;
}

/** The control point that makes a quadratic curve from a to b pass through g at t = 0.5. */
export function quadThrough(a: Point, g: Point, b: Point): Quad {
  return {
    ax: a.x,
    ay: a.y,
    cx: 2 * g.x - (a.x + b.x) / 2,
    cy: 2 * g.y - (a.y + b.y) / 2,
    bx: b.x,
    by: b.y,
  };
}

/**
 * Dashes along a polyline (flat [x0, y0, x1, y1, ...]): flat segment list
 * [sx0, sy0, ex0, ey0, ...]. The dash pattern carries on across corners.
 */
export function dashSegments(poly: readonly number[], dash: number, gap: number): number[] {
  const out: number[] = [];
  if (dash <= 0 || poly.length < 4) return out;
  let on = true;
  let left = dash;
  for (let i = 0; i + 3 < poly.length; i += 2) {
    let x = poly[i]!;
    let y = poly[i + 1]!;
    const ex = poly[i + 2]!;
    const ey = poly[i + 3]!;
    let len = Math.hypot(ex - x, ey - y);
    if (len === 0) continue;
    const ux = (ex - x) / len;
    const uy = (ey - y) / len;
    while (len > 0) {
      const step = Math.min(left, len);
      const nx = x + ux * step;
      const ny = y + uy * step;
      if (on) out.push(x, y, nx, ny);
      x = nx;
      y = ny;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        on = !on;
        left = on ? dash : gap;
      }
    }
  }
  return out;
}

/**
 * Evenly spaced points along a polyline (flat [x0, y0, x1, y1, ...]), for a dotted line: flat
 * [x0, y0, ...], the first at its start. The spacing carries on across corners.
 */
export function dotsAlong(poly: readonly number[], spacing: number): number[] {
  const out: number[] = [];
  if (spacing <= 0 || poly.length < 2) return out;
  out.push(poly[0]!, poly[1]!);
  let next = spacing;
  for (let i = 0; i + 3 < poly.length; i += 2) {
    const x = poly[i]!;
    const y = poly[i + 1]!;
    const len = Math.hypot(poly[i + 2]! - x, poly[i + 3]! - y);
    let at = next;
    for (; at <= len + 1e-9; at += spacing) {
      const t = len ? at / len : 0;
      out.push(x + (poly[i + 2]! - x) * t, y + (poly[i + 3]! - y) * t);
    }
    next = at - len;
  }
  return out;
}

/** The closed outline of a rectangle as a flat polyline (for dashed borders). */
export function rectPolyline(x: number, y: number, w: number, h: number): number[] {
  return [x, y, x + w, y, x + w, y + h, x, y + h, x, y];
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function contains(r: Rect, x: number, y: number, pad = 0): boolean {
  return x >= r.x - pad && x <= r.x + r.w + pad && y >= r.y - pad && y <= r.y + r.h + pad;
}

/** Whether two rectangles come closer than `gap` to each other. */
export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
  );
}

/** A round upper bound for a chart axis, and its tick step: 80 -> {max 80, step 20}. */
export function niceAxis(value: number, ticks = 4): { max: number; step: number } {
  const v = Math.max(value, 1);
  const raw = v / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  const step = nice * mag;
  return { max: Math.ceil(v / step) * step, step };
}

/** Maps a value in [d0, d1] to [r0, r1]. */
export function scale(v: number, d0: number, d1: number, r0: number, r1: number): number {
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((v - d0) * (r1 - r0)) / (d1 - d0);
}

/**
 * The longest prefix of `text` (cut at a word where possible, with an ellipsis) whose width fits
 * `max`, given a width measure. Binary search: a handful of measurements per call.
 */
export function fitText(text: string, max: number, measure: (s: string) => number): string {
  if (measure(text) <= max) return text;
  const ell = '…';
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ell) <= max) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.lastIndexOf(' ');
  if (space > lo * 0.6) cut = cut.slice(0, space);
  return cut.trimEnd().replace(/[,;:.·-]$/, '') + ell;
}
