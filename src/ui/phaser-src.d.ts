// Phaser's own sources (CommonJS, untyped), reached through the 'phaser-src/' alias in
// vite.config.ts for src/ui/phaser-lite.ts. The game's code keeps its types from 'phaser'.

declare module 'phaser-src/phaser-core.js' {
  import type * as Phaser from 'phaser';

  // The core build's namespace object: a subset of the full Phaser at run time.
  const core: typeof Phaser;
  export default core;
}

declare module 'phaser-src/*' {
  const mod: unknown;
  export default mod;
}
