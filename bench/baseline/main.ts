import * as Phaser from 'phaser';

// The baseline page for `npm run bench` (bench/browser.ts): the barest Phaser 4 page, one scene
// with one text object drawn with WebGL, at the game's table size (960 x 540, fitted to the
// window). Phaser is imported up front, as a page that is only a Phaser game would. After the
// first frame the body gets data-frame (the bench waits for it, as it waits for the game's
// controls).

class Hello extends Phaser.Scene {
  constructor() {
    super({ key: 'hello' });
  }

  create(): void {
    this.add
      .text(480, 270, 'Phaser 4 baseline', { fontFamily: 'sans-serif', fontSize: '32px' })
      .setOrigin(0.5);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      document.body.dataset.frame = 'first';
    });
  }
}

new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'stage',
  width: 960,
  height: 540,
  backgroundColor: '#1d3557',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  scene: [Hello],
});
