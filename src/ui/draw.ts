import type * as Phaser from 'phaser';

import type { Stance } from '../engine';
import type { ViewContext } from './context';
import { dashSegments, shapePoints, type Point } from './geometry';
import { css, FONT_FAMILY, STANCE_SHAPE, type Palette, type ShapeKind } from './theme';

// Small drawing helpers shared by the scenes: text with the table's type, stance markers,
// dashed outlines. They draw into Graphics that the caller keeps and reuses.

export interface TextOptions {
  size?: number;
  bold?: boolean;
  colour?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: number;
  lineSpacing?: number;
}

/** A Text in the system font, rendered at the context's scale so it stays crisp when zoomed. */
export function addText(
  scene: Phaser.Scene,
  ctx: ViewContext,
  x: number,
  y: number,
  text: string,
  o: TextOptions = {},
): Phaser.GameObjects.Text {
  const t = scene.add.text(x, y, text, {
    fontFamily: FONT_FAMILY,
    fontSize: `${o.size ?? 14}px`,
    fontStyle: o.bold ? 'bold' : 'normal',
    color: css(o.colour ?? ctx.palette.ink),
    align: o.align ?? 'left',
    resolution: ctx.renderScale,
    lineSpacing: o.lineSpacing ?? 0,
    ...(o.wrap ? { wordWrap: { width: o.wrap, useAdvancedWrap: true } } : {}),
  });
  return t;
}

/**
 * Paints the canvas `colour` under a scene: the renderer clears to it before every frame. A
 * camera background would paint it again, a quad over the whole canvas every frame (3.5 of the
 * 13.5 ms of GPU time a table frame took in headless Chromium's software WebGL).
 */
export function setBackground(scene: Phaser.Scene, colour: number): void {
  const c = scene.game.config.backgroundColor;
  c.setTo((colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff, 255);
}

/** Fills a marker shape centred on (x, y) with a thin outline so the shape reads on any fill. */
export function drawShape(
  g: Phaser.GameObjects.Graphics,
  kind: ShapeKind,
  x: number,
  y: number,
  r: number,
  fill: number,
  outline: number,
  outlineWidth = 1,
): void {
  const pts = shapePoints(kind, r);
  g.fillStyle(fill, 1);
  g.beginPath();
  g.moveTo(x + pts[0]!.x, y + pts[0]!.y);
  for (let i = 1; i < pts.length; i++) g.lineTo(x + pts[i]!.x, y + pts[i]!.y);
  g.closePath();
  g.fillPath();
  if (outlineWidth > 0) {
    g.lineStyle(outlineWidth, outline, 1);
    g.strokePath();
  }
}

/** A stance marker: shape and colour together (colour is never the only cue). */
export function drawStance(
  g: Phaser.GameObjects.Graphics,
  stance: Stance,
  x: number,
  y: number,
  r: number,
  palette: Palette,
): void {
  drawShape(g, STANCE_SHAPE[stance], x, y, r, palette.stance[stance], palette.bg, 1);
}

/** Dashed line segments along a flat polyline. */
export function strokeDashed(
  g: Phaser.GameObjects.Graphics,
  poly: readonly number[],
  dash: number,
  gap: number,
): void {
  const seg = dashSegments(poly, dash, gap);
  for (let i = 0; i + 3 < seg.length; i += 4)
    g.lineBetween(seg[i]!, seg[i + 1]!, seg[i + 2]!, seg[i + 3]!);
}

/** A small arrowhead at `tip`, pointing away from `from`. */
export function arrowHead(
  g: Phaser.GameObjects.Graphics,
  from: Point,
  tip: Point,
  size: number,
  colour: number,
): void {
  const a = Math.atan2(tip.y - from.y, tip.x - from.x);
  g.fillStyle(colour, 1);
  g.fillTriangle(
    tip.x,
    tip.y,
    tip.x - size * Math.cos(a - 0.45),
    tip.y - size * Math.sin(a - 0.45),
    tip.x - size * Math.cos(a + 0.45),
    tip.y - size * Math.sin(a + 0.45),
  );
}
