import * as Phaser from 'phaser';

import { SCENE, type ViewContext } from './context';
import { addText, setBackground } from './draw';
import { BASE_H, BASE_W } from './layout';
import { S } from './strings';

// Preload: a progress bar driven by the loader. The table loads no files (everything is drawn
// in code), so the bar normally fills at once; it is still drawn, then hands over to the table.

const BAR = { x: BASE_W / 2 - 160, y: BASE_H / 2, w: 320, h: 14 };

export class PreloadScene extends Phaser.Scene {
  private bar: Phaser.GameObjects.Graphics | null = null;

  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.preload });
  }

  preload(): void {
    const p = this.ctx.palette;
    setBackground(this, p.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(BASE_W / 2, BASE_H / 2);
    addText(this, this.ctx, BASE_W / 2, BAR.y - 30, S.loading, {
      size: 16,
      colour: p.muted,
    }).setOrigin(0.5, 0);
    const frame = this.add.graphics();
    frame.lineStyle(p.line, p.cardLine, 1);
    frame.strokeRect(BAR.x - 2, BAR.y - 2, BAR.w + 4, BAR.h + 4);
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
    g.clear();
    g.fillStyle(this.ctx.palette.accent, 1);
    g.fillRect(BAR.x, BAR.y, Math.round(BAR.w * Math.max(0, Math.min(1, progress))), BAR.h);
  }
}
