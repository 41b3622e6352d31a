import type * as Phaser from 'phaser';

import {
  bandText,
  movesOf,
  moveText,
  type ConditionNow,
  type DecisionModel,
  type MoveGroup,
} from '../app/store';
import { STANCES, type Stance } from '../engine';
import type { ViewContext } from './context';
import { decidesStrip, type DecidesStrip } from './decides-layout';
import { addText, arrowHead, drawShape, drawStance } from './draw';
import { quadPoint, type Point } from './geometry';
import type { Frame } from './layout';
import { CONDITION_WORD, S } from './strings';
import type { ShapeKind } from './theme';

// "How it decides", drawn over the table: an actor's states in the machine's order with the
// one it is in marked (a thick border and the word "now"), its moves as arrows, and under them
// what each move needs, met or unmet now (a shape and a word beside each, never colour alone).
// Everything comes from decisionModel (the actor's machine read back); the page's panel under
// the picture says the same in words. Drawn once when opened or when the state changes; nothing
// moves, so reduced motion has nothing to switch off.

const isStance = (id: string): id is Stance => (STANCES as readonly string[]).includes(id);

const STATUS_SHAPE: Record<ConditionNow, ShapeKind> = {
  met: 'circle',
  unmet: 'square',
  'not-at-stake': 'diamond',
};

/** A need of a move as drawn: how it stands, and its words. */
interface Need {
  now: ConditionNow;
  text: string;
}

function needsOf(model: DecisionModel, m: MoveGroup): Need[] {
  const marks = (i: number) => {
    const c = model.conditions[i]!;
    return [c.redLine ? 'red line' : '', c.whatIf ? 'what-if' : ''].filter(Boolean);
  };
  return [
    ...(m.willing ? [{ now: m.willing.met ? 'met' : 'unmet', text: m.willing.text } as Need] : []),
    ...m.conditions.map((c) => {
      const extra = marks(c.index);
      return { now: c.now, text: `${c.text}${extra.length ? ` (${extra.join(', ')})` : ''}` };
    }),
  ];
}

export class DecidesPanel {
  readonly container: Phaser.GameObjects.Container;
  /** the last layout drawn (the tests' and the probe's) */
  strip: DecidesStrip | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly ctx: ViewContext,
    private readonly frame: Frame,
  ) {
    this.container = scene.add.container(0, 0).setVisible(false);
  }

  hide(): void {
    this.container.removeAll(true);
    this.container.setVisible(false);
    this.strip = null;
  }

  show(model: DecisionModel): void {
    this.container.removeAll(true);
    const { scene, ctx, frame } = this;
    const p = ctx.palette;
    const font = frame.font;
    const u = font / 14;
    const pad = Math.round(16 * u);
    const lineH = Math.round(font * 1.3);

    // The table stays under it, covered, and out of reach of the pointer.
    const cover = scene.add
      .rectangle(0, 0, frame.w, frame.h, p.bg, 1)
      .setOrigin(0, 0)
      .setInteractive();
    const frameG = scene.add.graphics();
    frameG.lineStyle(p.thickLine, p.cardLine, 1);
    frameG.strokeRoundedRect(4, 4, frame.w - 8, frame.h - 8, 8);
    const title = addText(scene, ctx, pad, pad - 4, S.decidesTitle(model.name), {
      size: font + 4,
      bold: true,
    });
    this.container.add([cover, frameG, title]);

    // The strip of states and moves.
    const probe = addText(scene, ctx, 0, 0, '', { size: font }).setVisible(false);
    const probeBold = addText(scene, ctx, 0, 0, '', { size: font, bold: true }).setVisible(false);
    const measure = (text: string, bold: boolean) => {
      const t = bold ? probeBold : probe;
      t.setText(text);
      return t.width;
    };
    const markerR = Math.round(8 * u);
    const moves = movesOf(model);
    const top = title.y + title.height + Math.round(8 * u);
    const area = { x: pad, y: top, w: frame.w - 2 * pad, h: frame.h - top - pad };
    const layout = (start: boolean) =>
      decidesStrip(model, moves, area, measure, { font, markerR, isStance, start });
    let strip = layout(false);
    // A column with room beside it keeps to the left, and the words go to its right.
    const beside = strip.axis === 'column' && area.w - strip.bounds.w >= font * 22;
    if (beside) strip = layout(true);
    this.strip = strip;
    this.drawStrip(strip, markerR);

    // What each move needs, under the strip (or beside it).
    const gap = Math.round(12 * u);
    const left = beside ? strip.bounds.x + strip.bounds.w + 2 * gap : pad;
    let y = beside ? top : strip.bounds.y + strip.bounds.h + gap;
    const bottom = frame.h - pad;
    const width = frame.w - pad - left;
    const statusW = Math.ceil(measure(CONDITION_WORD['not-at-stake'], true)) + Math.round(8 * u);
    probe.destroy();
    probeBold.destroy();
    const r = Math.round(6 * u);
    const g = scene.add.graphics();
    this.container.add(g);
    // The line that says the panel below has the rest, kept room for at the bottom.
    const more = addText(scene, ctx, left, 0, S.decidesMore, {
      size: font,
      colour: p.muted,
      wrap: width,
    }).setVisible(false);
    this.container.add(more);
    /** Adds a text if it fits above the bottom (else the "more" line); says whether it did. */
    const put = (
      x: number,
      text: string,
      w: number,
      bold = false,
    ): Phaser.GameObjects.Text | null => {
      const t = addText(scene, ctx, x, y, text, { size: font, bold, wrap: w });
      if (y + t.height > bottom - more.height - 2) {
        t.destroy();
        more.setY(y).setVisible(true);
        return null;
      }
      this.container.add(t);
      return t;
    };
    const events = [...new Set(moves.map((m) => m.event))];
    outer: for (const e of events) {
      const on = moves.filter((m) => m.event === e);
      const lines = on[0]!.band
        ? [{ text: bandText(model, on), needs: [] as Need[] }]
        : on.map((m) => ({ text: moveText(model, m), needs: needsOf(model, m) }));
      for (const line of lines) {
        const head = put(left, line.text, width, line.needs.length > 0);
        if (!head) break outer;
        y += head.height + 2;
        for (const need of line.needs) {
          const x0 = left + Math.round(12 * u);
          const text = put(
            x0 + 2 * r + 6 + statusW,
            need.text,
            width - (x0 - left) - 2 * r - 6 - statusW,
          );
          if (!text) break outer;
          const word = addText(scene, ctx, x0 + 2 * r + 6, y, CONDITION_WORD[need.now], {
            size: font,
            bold: true,
            colour: need.now === 'not-at-stake' ? p.muted : p.ink,
          });
          this.container.add(word);
          const fill = need.now === 'met' ? p.secured : need.now === 'unmet' ? p.deadline : p.card;
          drawShape(g, STATUS_SHAPE[need.now], x0 + r, y + lineH / 2, r, fill, p.ink, 1);
          y += text.height + 2;
        }
        y += Math.round(4 * u);
      }
    }
    this.container.setVisible(true);
    ctx.keepAwake(300);
  }

  private drawStrip(strip: DecidesStrip, markerR: number): void {
    const { scene, ctx, frame } = this;
    const p = ctx.palette;
    const font = frame.font;
    const u = font / 14;
    const lines = scene.add.graphics();
    const boxes = scene.add.graphics();
    this.container.add([lines, boxes]);
    const pt: Point = { x: 0, y: 0 };
    const prev: Point = { x: 0, y: 0 };
    // Moves back and forth first, under the boxes; those from where it stands, thicker.
    // Those from where it stands last, over the others.
    const curves = strip.arcs
      .flatMap((a) => a.curves)
      .sort((a, b) => Number(a.current) - Number(b.current));
    for (const { q, current } of curves) {
      const colour = current ? p.tetherActive : p.tether;
      const width = ((current ? p.thickLine + 1 : p.line + 1) * font) / 14;
      {
        lines.lineStyle(width, colour, 1);
        lines.beginPath();
        const n = 24;
        for (let k = 0; k <= n; k++) {
          quadPoint(q, k / n, pt);
          if (k === 0) lines.moveTo(pt.x, pt.y);
          else lines.lineTo(pt.x, pt.y);
        }
        lines.strokePath();
        quadPoint(q, 0.93, prev);
        quadPoint(q, 1, pt);
        arrowHead(lines, prev, pt, Math.round(9 * u), colour);
      }
    }
    for (const arc of strip.arcs) {
      this.container.add(
        addText(scene, ctx, arc.label.x, arc.label.y, arc.label.text, {
          size: font,
          colour: arc.current ? p.ink : p.muted,
          bold: arc.current,
        }),
      );
    }
    for (const pair of strip.pairs) {
      lines.lineStyle(((p.line + 1) * font) / 14, p.tether, 1);
      lines.lineBetween(pair.a.x, pair.a.y, pair.b.x, pair.b.y);
      const head = Math.round(7 * u);
      arrowHead(lines, pair.a, pair.b, head, p.tether);
      arrowHead(lines, pair.b, pair.a, head, p.tether);
    }
    // The states; the one it is in has a thick border in the accent colour and says "now".
    const pad = Math.round(font * 0.6);
    for (const b of strip.boxes) {
      boxes.fillStyle(p.card, 1);
      boxes.fillRoundedRect(b.x, b.y, b.w, b.h, 6);
      if (b.current) boxes.lineStyle(p.thickLine + 2, p.accent, 1);
      else boxes.lineStyle(p.line, p.cardLine, 1);
      boxes.strokeRoundedRect(b.x, b.y, b.w, b.h, 6);
      const cy = b.current ? b.y + b.h / 2 - font * 0.6 : b.y + b.h / 2;
      // The marker and the word, centred in the box together.
      const word = addText(scene, ctx, 0, cy, b.label, { size: font, bold: b.current }).setOrigin(
        0,
        0.5,
      );
      const markerW = b.marker ? 2 * markerR + Math.round(font * 0.4) : 0;
      let x = b.x + Math.max(pad, (b.w - markerW - word.width) / 2);
      if (b.marker && isStance(b.id)) {
        drawStance(boxes, b.id, x + markerR, cy, markerR, p);
        x += markerW;
      }
      word.setX(x);
      this.container.add(word);
      if (b.current)
        this.container.add(
          addText(scene, ctx, b.x + b.w / 2, cy + font * 1.25, S.decidesNow, {
            size: font,
            bold: true,
            colour: p.name === 'normal' ? p.accent : p.ink,
          }).setOrigin(0.5, 0.5),
        );
    }
  }
}
