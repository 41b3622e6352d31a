import { configDefaults, defineConfig } from 'vitest/config';

import { offlinePlugin } from './build/offline-plugin.js';

// One config for the build, the dev server and the unit tests.
export default defineConfig({
  base: './',
  // Writes sw.js, the offline service worker, into the production build.
  plugins: [offlinePlugin()],
  build: {
    target: 'es2022',
    // Phaser alone is ~1.2 MB minified; it lives in its own cached chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
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
