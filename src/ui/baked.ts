import * as Phaser from 'phaser';

import type { Rect } from './geometry';

/** The name of a baked source: hidden, yet on show through its images (the view's probe). */
export const BAKED = 'baked-source';

/**
 * A part of the scene that seldom changes, drawn into a texture when it does and shown through
 * a few images, one for each window onto it. `source` (a container built like any other) stays
 * hidden; the images take its place.
 *
 * Why: Phaser draws every object again on every frame, and each Text has a texture of its own:
 * the table's 45 card words were 45 draw calls in every frame of an animation. Baked, they are
 * one draw call (the images share one texture) until they change, once a week end. The windows
 * keep the pixels drawn to the parts that hold something: a software GPU pays for every pixel of
 * an image, even a clear one (one image the size of the table cost more than the 45 texts).
 */
export class BakedLayer {
  readonly images: Phaser.GameObjects.Image[];
  private readonly texture: Phaser.Textures.DynamicTexture;
  private dirty = true;
  private task: ReturnType<typeof setTimeout> | null = null;

  /**
   * `area` is the part of the base canvas the source may draw on (base pixels), `windows` the
   * parts of it to show (widened to whole pixels). `area` must lie on whole pixels and have an
   * even width and height: the texture's camera is centred on it, and an odd size put the
   * words half a pixel off (blurred). `scale` is how many texture pixels to draw per base
   * pixel (the context's render scale, so that the images are as crisp as the objects they
   * stand for).
   */
  constructor(
    scene: Phaser.Scene,
    key: string,
    private readonly source: Phaser.GameObjects.Container,
    area: Rect,
    scale: number,
    windows: readonly Rect[],
  ) {
    if (scene.textures.exists(key)) scene.textures.remove(key);
    const texture = scene.textures.addDynamicTexture(key, area.w * scale, area.h * scale);
    if (!texture) throw new Error(`could not make the texture ${key}`);
    this.texture = texture;
    // The texture's camera sees `area` as the scene's camera would, `scale` pixels per base
    // pixel, and rounds to whole pixels as the scene's does (a word on a half pixel blurred).
    texture.camera.setZoom(scale).centerOn(area.x + area.w / 2, area.y + area.h / 2);
    texture.camera.setRoundPixels(scene.game.config.roundPixels);
    source.setVisible(false).setName(BAKED);
    this.images = windows.map((r, i) => {
      const x = Math.floor(r.x);
      const y = Math.floor(r.y);
      const w = Math.ceil(r.x + r.w) - x;
      const h = Math.ceil(r.y + r.h) - y;
      const frame = String(i);
      texture.add(frame, 0, (x - area.x) * scale, (y - area.y) * scale, w * scale, h * scale);
      return scene.add
        .image(x, y, texture, frame)
        .setOrigin(0, 0)
        .setScale(1 / scale);
    });
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (this.task !== null) clearTimeout(this.task);
      this.task = null;
      scene.textures.remove(key);
    });
  }

  /**
   * The source changed: the texture is drawn again in a task of its own, or before the next
   * frame if that comes first (the scene calls bake before each frame). Baked in the first
   * frame after a week end, the words' 46 draw calls came on top of that frame's whole canvas.
   */
  invalidate(): void {
    this.dirty = true;
    this.task ??= setTimeout(() => this.bake(), 0);
  }

  /**
   * Draws the source into the texture if it changed since the last time. The hidden source is
   * drawn all the same: the texture draws what it is given, visible or not.
   */
  bake(): void {
    if (this.task !== null) clearTimeout(this.task);
    this.task = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.texture.clear();
    this.texture.draw(this.source);
    this.texture.render();
  }
}
