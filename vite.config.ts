import { fileURLToPath } from 'node:url';

import { configDefaults, defineConfig } from 'vitest/config';

import { offlinePlugin } from './build/offline-plugin.js';

// The flags Phaser's sources expect from its webpack build, which they test as
// `if (typeof WEBGL_RENDERER)`: hence `typeof X` keys (a bare `X: false` would not do, as
// `typeof false` is a truthy string). Both renderers; no sound. `global`: phaser-core.js sets
// global.Phaser.
const PHASER_FLAGS = {
  global: 'globalThis',
  'typeof CANVAS_RENDERER': '"boolean"',
  'typeof WEBGL_RENDERER': '"boolean"',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

// One config for the build, the dev server and the unit tests.
export default defineConfig({
  base: './',
  // Writes sw.js, the offline service worker, into the production build.
  plugins: [offlinePlugin()],
  resolve: {
    alias: [
      // The game's Phaser is built from Phaser's own sources (src/ui/phaser-lite.ts): the stock
      // bundle does not tree-shake. Not in `build`, so the bench's baseline stays stock Phaser.
      {
        find: /^phaser$/,
        replacement: fileURLToPath(new URL('src/ui/phaser-lite.ts', import.meta.url)),
      },
      // The package's exports map blocks 'phaser/src/...'.
      {
        find: /^phaser-src\//,
        replacement: fileURLToPath(new URL('node_modules/phaser/src/', import.meta.url)),
      },
    ],
  },
  define: PHASER_FLAGS,
  // The dev server pre-bundles Phaser's sources (CommonJS) without `define`: it needs them too.
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
  build: {
    target: 'es2022',
    // Phaser lives in its own cached chunk: ~0.8 MB minified for the game, ~1.4 MB stock (the
    // bench's baseline page, built with these options).
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser|src[\\/]ui[\\/]phaser-lite/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
  },
  preview: {
    port: 4173,
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // A browser (e2e) suite, when there is one, runs with its own config.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    reporters: ['default'],
  },
});
