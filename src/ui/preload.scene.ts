import * as Phaser from 'phaser';

import { SCENE, type ViewContext } from './context';
import { addText, setBackground } from './draw';
import type { Rect } from './geometry';
import { S } from './strings';

// Preload: a progress bar driven by the loader. The table loads no files (everything is drawn
// in code), so the bar normally fills at once; it is still drawn, then hands over to the table.

export class PreloadScene extends Phaser.Scene {
  private bar: Phaser.GameObjects.Graphics | null = null;
  private box: Rect = { x: 0, y: 0, w: 0, h: 14 };

  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.preload });
  }

  preload(): void {
    const p = this.ctx.palette;
    const { w, h } = this.ctx.frame;
    setBackground(this, p.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(w / 2, h / 2);
    const barW = Math.min(320, w - 60);
    const bar = { x: w / 2 - barW / 2, y: h / 2, w: barW, h: 14 };
    this.box = bar;
    addText(this, this.ctx, w / 2, bar.y - 30, S.loading, {
      size: 16,
      colour: p.muted,
    }).setOrigin(0.5, 0);
    const outline = this.add.graphics();
    outline.lineStyle(p.line, p.cardLine, 1);
    outline.strokeRect(bar.x - 2, bar.y - 2, bar.w + 4, bar.h + 4);
    this.bar = this.add.graphics();
    this.draw(0);
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => this.draw(value));
    this.ctx.markShown(SCENE.preload);
    this.ctx.keepAwake(500);
  }

  create(): void {
    // With an empty queue Phaser skips the loader's events and calls create() directly.
    this.draw(1);
    // Hand over after this full bar has been on screen for one frame.
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      if (this.scene.isActive()) this.scene.start(this.ctx.target());
    });
  }

  private draw(progress: number): void {
    const g = this.bar;
    if (!g) return;
    const b = this.box;
    g.clear();
    g.fillStyle(this.ctx.palette.accent, 1);
    g.fillRect(b.x, b.y, Math.round(b.w * Math.max(0, Math.min(1, progress))), b.h);
  }
}
