import * as Phaser from 'phaser';

import { SCENE, type ViewContext } from './context';
import { setBackground } from './draw';
import { BASE_H, BASE_W } from './layout';

// Boot: makes the few textures the table needs, in code (no image files, no requests).

export const TEXTURE = {
  /** white diagonal stripes on transparent, tinted per theme: the pledged part of the gauge */
  hatch: 'fa-hatch',
} as const;

export class BootScene extends Phaser.Scene {
  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.boot });
  }

  create(): void {
    setBackground(this, this.ctx.palette.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(BASE_W / 2, BASE_H / 2);
    if (!this.textures.exists(TEXTURE.hatch)) {
      const size = 8;
      const tex = this.textures.createCanvas(TEXTURE.hatch, size, size);
      const g = tex?.getContext();
      if (tex && g) {
        g.clearRect(0, 0, size, size);
        g.strokeStyle = '#ffffff';
        g.lineWidth = 2.5;
        g.beginPath();
        // Three strokes so the stripes join up across tile edges.
        for (const off of [-size, 0, size]) {
          g.moveTo(off, size);
          g.lineTo(off + size, 0);
        }
        g.stroke();
        tex.refresh();
      }
    }
    this.scene.start(SCENE.preload);
  }
}
