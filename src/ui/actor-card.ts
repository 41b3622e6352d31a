import * as Phaser from 'phaser';

import type { ActorState, Stance } from '../engine';
import type { Chip } from './changes';
import type { ViewContext } from './context';
import { addText, drawStance, strokeDashed } from './draw';
import { fitText, rectPolyline } from './geometry';
import type { CardSlot, Frame } from './layout';
import { S, STANCE_WORD } from './strings';

// One actor's card: name, stance marker (shape + colour + word), willingness bar, trust, and a
// pledge chip. Built once; set() updates it in place and animates only what changed. Its
// words take the frame's size (layout.ts), and everything inside it grows with them.
// Its parts sit in three containers at the card's place, which the table puts in three layers
// (every card's shapes, then every card's words, then the chips): the renderer batches
// neighbours of one kind together, so the table draws in a handful of calls instead of one per
// part. The words are drawn into a texture when they change, not every frame (baked.ts).

/** The card's insides at 14 px words, in base pixels; a frame with larger words scales them. */
const MARKER_R = 8;
const PAD = 6;
const BAR_H = 6;
const BAR_Y = 18;
const WORD_Y = -10;
const TRUST_Y = 9;

/**
 * A change of stance: the marker shrinks away, pops in larger, settles (scale, ms, easing: the
 * tweens' Quad.easeIn, Quad.easeOut and Sine.easeInOut; the game's Phaser build leaves out
 * Phaser.Math.Easing).
 */
const POP = [
  { to: 0, ms: 160, ease: (t: number) => t * t },
  { to: 1.7, ms: 220, ease: (t: number) => t * (2 - t) },
  { to: 1, ms: 260, ease: (t: number) => 0.5 * (1 - Math.cos(Math.PI * t)) },
] as const;
const POP_MS = POP.reduce((sum, step) => sum + step.ms, 0);

/** The marker's scale `ms` into the pop. */
function popScale(ms: number): number {
  let from = 1;
  for (const step of POP) {
    if (ms < step.ms) return from + (step.to - from) * step.ease(ms / step.ms);
    ms -= step.ms;
    from = step.to;
  }
  return from;
}

export class ActorCard {
  /** background, marker and bar */
  readonly shapes: Phaser.GameObjects.Container;
  /** name, stance word and trust */
  readonly labels: Phaser.GameObjects.Container;
  /**
   * the pledge chip: its outline and its words, placed at the chip's centre. The table puts
   * every chip's outline in one layer and every chip's words in the next, so the outlines are
   * drawn together (one draw call) instead of taking turns with the words.
   */
  readonly chipShape: Phaser.GameObjects.Graphics;
  readonly chipLabel: Phaser.GameObjects.Text;
  private readonly bg: Phaser.GameObjects.Rectangle;
  private readonly marker: Phaser.GameObjects.Graphics;
  private readonly word: Phaser.GameObjects.Text;
  private readonly track: Phaser.GameObjects.Rectangle;
  private readonly fill: Phaser.GameObjects.Rectangle;
  private readonly zero: Phaser.GameObjects.Rectangle;
  private readonly trust: Phaser.GameObjects.Text;
  /** a caret over the bar where its willingness stood before the last week's end */
  private readonly was: Phaser.GameObjects.Graphics;
  private wasW: number | null = null;

  private stance: Stance | null = null;
  private markerTween: Phaser.Tweens.Tween | null = null;
  private w: number | null = null;
  private credibility: number | null = null;
  private chipKey = '';
  private hover = false;
  private changed = false;
  private downHere = false;
  private barX = 0;
  private barW = 0;
  private barMove: { from: { x: number; width: number }; to: { x: number; width: number } } | null =
    null;
  /** the card's insides in base pixels, grown with the frame's words */
  private readonly m: {
    pad: number;
    markerR: number;
    barH: number;
    barY: number;
    chipH: number;
    chipMaxW: number;
  };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly ctx: ViewContext,
    readonly slot: CardSlot,
    name: string,
    frame: Frame,
  ) {
    const p = ctx.palette;
    const { w, h } = slot;
    const font = frame.font;
    const u = font / 14;
    const m = {
      pad: Math.round(PAD * u),
      markerR: Math.round(MARKER_R * u),
      barH: Math.round(BAR_H * u),
      barY: Math.round(BAR_Y * u),
      chipH: frame.chip.h,
      chipMaxW: frame.chip.maxW,
    };
    this.m = m;
    const left = -w / 2 + m.pad;
    this.bg = scene.add.rectangle(0, 0, w, h, p.card, 1).setStrokeStyle(p.line, p.cardLine, 1);
    const nameText = addText(scene, ctx, left, -h / 2 + 3, '', { bold: true, size: font });
    nameText.setText(fitText(name, w - 2 * m.pad, (s) => this.measure(nameText, s)));
    this.marker = scene.add.graphics({ x: left + m.markerR, y: -1 });
    const wordX = left + 2 * m.markerR + Math.round(5 * u);
    this.word = addText(scene, ctx, wordX, Math.round(WORD_Y * u), '', { size: font });
    this.trust = addText(scene, ctx, w / 2 - m.pad, Math.round(TRUST_Y * u), '', {
      colour: p.muted,
      size: font,
    }).setOrigin(1, 0);
    this.track = scene.add.rectangle(left, m.barY, 10, m.barH, p.track, 1).setOrigin(0, 0.5);
    this.fill = scene.add.rectangle(left, m.barY, 0, m.barH, p.muted, 1).setOrigin(0, 0.5);
    this.zero = scene.add.rectangle(left, m.barY, 2, m.barH + 4, p.ink, 1).setOrigin(0.5, 0.5);
    this.was = scene.add.graphics();
    this.chipShape = scene.add.graphics({ x: slot.cx, y: slot.cy }).setVisible(false);
    this.chipLabel = addText(scene, ctx, slot.cx, slot.cy, '', { colour: p.ink, size: font })
      .setOrigin(0.5, 0.5)
      .setVisible(false);
    this.chip = [this.chipShape, this.chipLabel];
    this.shapes = scene.add.container(slot.cx, slot.cy, [
      this.bg,
      this.marker,
      this.track,
      this.fill,
      this.zero,
      this.was,
    ]);
    this.labels = scene.add.container(slot.cx, slot.cy, [nameText, this.word, this.trust]);

    this.bg.setInteractive({ useHandCursor: true });
    this.bg.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHover(true));
    this.bg.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      this.downHere = false;
      this.setHover(false);
    });
    this.bg.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, () => (this.downHere = true));
    this.bg.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => {
      if (this.downHere) this.onSelect(this.slot.id);
      this.downHere = false;
    });
  }

  /** Set by the scene: what a click does. */
  onSelect: (id: string) => void = () => {};

  private measure(t: Phaser.GameObjects.Text, s: string): number {
    t.setText(s);
    return t.width;
  }

  private setHover(on: boolean): void {
    this.hover = on;
    this.paintBorder();
  }

  /** Marks the card as changed by the last update (a highlighted border until the next one). */
  setChanged(on: boolean): void {
    this.changed = on;
    this.paintBorder();
  }

  private paintBorder(): void {
    const p = this.ctx.palette;
    if (this.hover) this.bg.setStrokeStyle(p.thickLine, p.cardHover, 1);
    else if (this.changed) this.bg.setStrokeStyle(p.thickLine, p.tetherActive, 1);
    else this.bg.setStrokeStyle(p.line, p.cardLine, 1);
  }

  /**
   * Brings the card to an actor's state; animates the differences when `animate` is on. Says
   * whether its words (in `labels`) changed.
   */
  set(a: ActorState, chip: Chip | undefined, animate: boolean): boolean {
    const stanceChanged = a.stance !== this.stance;
    if (stanceChanged) this.setStance(a.stance, animate && this.stance !== null);
    let barMoved = false;
    if (a.credibility !== this.credibility) {
      // The trust text sets how long the bar beside it can be.
      this.credibility = a.credibility;
      this.trust.setText(S.trust(a.credibility));
      this.layoutBar();
      barMoved = true;
    }
    // Where it stood before the last week's end, when that moved it (the page says by how much).
    const was = a.changed && a.changed.from !== a.changed.to ? a.changed.from : null;
    if (was !== this.wasW) {
      this.wasW = was;
      this.drawWas();
    }
    if (a.w !== this.w || barMoved) this.setWill(a.w, animate && this.w !== null && a.w !== this.w);
    this.setChip(chip, animate);
    return stanceChanged || barMoved;
  }

  private setStance(stance: Stance, animate: boolean): void {
    this.stance = stance;
    this.markerTween?.stop();
    this.markerTween = null;
    this.paintFill();
    // The word changes at once; the marker shows the change.
    this.word.setText(STANCE_WORD[stance]);
    if (!animate) {
      this.marker.setScale(1);
      this.drawMarker();
      return;
    }
    // Shrink the old marker away, swap shape and colour, and pop the new one in: the change
    // of stance is the thing to notice on this card. The swap always draws the latest stance.
    // One counter runs the three steps (a chain of three tweens took 4 ms to set up with 4x
    // CPU throttling, in the task that updates the table).
    this.ctx.keepAwake(900);
    let swapped = false;
    this.markerTween = this.scene.tweens.addCounter({
      from: 0,
      to: POP_MS,
      duration: POP_MS,
      onUpdate: (tween) => {
        const ms = tween.getValue() ?? POP_MS;
        if (ms >= POP[0].ms && !swapped) {
          swapped = true;
          this.drawMarker();
        }
        this.marker.setScale(popScale(ms));
      },
      onStop: () => {
        this.marker.setScale(1);
        this.drawMarker();
      },
    });
  }

  private drawMarker(): void {
    if (!this.stance) return;
    this.marker.clear();
    drawStance(this.marker, this.stance, 0, 0, this.m.markerR, this.ctx.palette);
  }

  /** The willingness bar runs from -100 (left end) through 0 (tick) to +100 (right end). */
  private layoutBar(): void {
    const { pad, barY, barH } = this.m;
    const left = -this.slot.w / 2 + pad;
    const right = this.slot.w / 2 - pad - this.trust.width - 8;
    this.barX = left;
    this.barW = Math.max(24, right - left);
    this.track.setPosition(left, barY).setSize(this.barW, barH);
    this.zero.setPosition(left + this.barW / 2, barY);
    this.drawWas();
  }

  /** The caret for last week's willingness: a small triangle pointing down at the bar. */
  private drawWas(): void {
    this.was.clear();
    if (this.wasW === null || this.barW === 0) return;
    const { barY, barH } = this.m;
    const x = this.barX + this.barW / 2 + (this.wasW / 100) * (this.barW / 2);
    const y = barY - barH / 2 - 1;
    const r = Math.max(4, Math.round(barH * 0.8));
    this.was.fillStyle(this.ctx.palette.ink, 1);
    this.was.fillTriangle(x - r, y - r, x + r, y - r, x, y);
  }

  private barGeometry(w: number): { x: number; width: number } {
    const mid = this.barX + this.barW / 2;
    const len = (Math.max(-100, Math.min(100, w)) / 100) * (this.barW / 2);
    return len >= 0 ? { x: mid, width: len } : { x: mid + len, width: -len };
  }

  private paintFill(): void {
    const colour = this.stance ? this.ctx.palette.stance[this.stance] : this.ctx.palette.muted;
    this.fill.setFillStyle(colour, 1);
  }

  private setWill(w: number, animate: boolean): void {
    if (this.barW === 0) this.layoutBar();
    const from = this.w;
    this.w = w;
    const to = this.barGeometry(w);
    this.barMove = animate && from !== null ? { from: this.barGeometry(from), to } : null;
    this.drawBar(this.barMove ? 0 : 1);
  }

  /** Whether the willingness bar moved in the last update (the table animates it). */
  get barMoving(): boolean {
    return this.barMove !== null;
  }

  /**
   * Draws the willingness bar `t` of the way through its last move (0 to 1, eased). The table
   * moves every card's bar with one tween: a tween per card cost 0.5 ms each to set up with 4x
   * CPU throttling, 8 ms of a week end's update.
   */
  drawBar(t: number): void {
    const m = this.barMove;
    const g = m
      ? {
          x: m.from.x + (m.to.x - m.from.x) * t,
          width: m.from.width + (m.to.width - m.from.width) * t,
        }
      : this.barGeometry(this.w ?? 0);
    this.fill.setPosition(g.x, this.m.barY).setSize(g.width, this.m.barH);
  }

  /** The chip's two parts, moved and faded together. */
  private readonly chip: [Phaser.GameObjects.Graphics, Phaser.GameObjects.Text];

  private setChip(chip: Chip | undefined, animate: boolean): void {
    const key = chip ? `${chip.amount}:${chip.conditional}:${chip.hosted}` : '';
    if (key === this.chipKey) return;
    const before = this.chipKey;
    this.chipKey = key;
    this.scene.tweens.killTweensOf(this.chip);
    if (!chip) {
      if (animate && before) {
        this.ctx.keepAwake(500);
        this.scene.tweens.add({
          targets: this.chip,
          alpha: 0,
          duration: 300,
          onComplete: () => this.chip.forEach((o) => o.setVisible(false)),
        });
      } else this.chip.forEach((o) => o.setVisible(false));
      return;
    }
    const wasConditional = before.includes(':true:');
    const appearing = before === '';
    this.drawChip(chip);
    const restX = this.slot.cx + this.chipX();
    const restY = this.slot.cy + this.chipY();
    for (const o of this.chip) o.setVisible(true).setAlpha(1).setScale(1).setPosition(restX, restY);
    if (!animate) return;
    if (appearing) {
      // A new pledge drops onto the card.
      this.ctx.keepAwake(800);
      for (const o of this.chip) o.setPosition(restX, restY - 24).setAlpha(0);
      this.scene.tweens.add({
        targets: this.chip,
        y: restY,
        alpha: 1,
        duration: 520,
        ease: 'Back.easeOut',
      });
    } else if (wasConditional && !chip.conditional) {
      // The condition was met: the outline has gone solid; a short pop says so.
      this.ctx.keepAwake(600);
      this.scene.tweens.add({
        targets: this.chip,
        scale: 1.18,
        duration: 180,
        yoyo: true,
        ease: 'Quad.easeOut',
      });
    }
  }

  private chipW = 0;

  /** The chip's centre relative to the card's, from the side the layout chose. */
  private chipX(): number {
    const { w } = this.slot;
    switch (this.slot.chipSide) {
      case 'right':
        return w / 2 + 2 + this.chipW / 2;
      case 'left':
        return -w / 2 - 2 - this.chipW / 2;
      default:
        return w / 2 - 4 - this.chipW / 2;
    }
  }

  private chipY(): number {
    const { h } = this.slot;
    switch (this.slot.chipSide) {
      case 'right':
      case 'left':
        return h / 2 - this.m.chipH / 2;
      case 'below':
        return h / 2 + 2 + this.m.chipH / 2;
      case 'above':
        return -h / 2 - 2 - this.m.chipH / 2;
      case 'inside':
        return h / 2;
    }
  }

  private drawChip(chip: Chip): void {
    const p = this.ctx.palette;
    const label = chip.hosted ? S.donorsChip(chip.amount) : S.pledgeChip(chip.amount);
    this.chipLabel.setText(label);
    const max = this.m.chipMaxW - 12;
    if (this.chipLabel.width > max) {
      this.chipLabel.setText(fitText(label, max, (s) => this.measure(this.chipLabel, s)));
    }
    const w = Math.ceil(this.chipLabel.width) + 12;
    const h = this.m.chipH;
    this.chipW = w;
    const g = this.chipShape;
    g.clear();
    g.fillStyle(p.card, 1);
    g.fillRect(-w / 2, -h / 2, w, h);
    const colour = chip.conditional ? p.pledged : p.secured;
    g.lineStyle(p.thickLine, colour, 1);
    if (chip.conditional) strokeDashed(g, rectPolyline(-w / 2, -h / 2, w, h), 5, 4);
    else g.strokeRect(-w / 2, -h / 2, w, h);
  }
}
