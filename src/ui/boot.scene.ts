import * as Phaser from 'phaser';

import { SCENE, type ViewContext } from './context';
import { setBackground } from './draw';

// Boot: the first scene. The table loads no images (everything is drawn in code), so it only
// paints the background and hands over to the loading bar.

export class BootScene extends Phaser.Scene {
  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.boot });
  }

  create(): void {
    setBackground(this, this.ctx.palette.bg);
    const frame = this.ctx.frame;
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(frame.w / 2, frame.h / 2);
    this.scene.start(SCENE.preload);
  }
}
