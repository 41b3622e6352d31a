import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

// The browser (e2e) suite: real headless Chromium against a production build of the page.
// Run it with `npm run test:e2e` (vitest run -c test/e2e/vitest.config.ts). The unit-test config
// in vite.config.ts excludes test/e2e/**, and this config is not merged with it.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    reporters: ['default'],
    // Each file launches one browser; two cores run two files at a time.
    maxWorkers: 2,
    // Generous limits: the machine is shared and can be twice as slow as usual. Tests wait for
    // the page's state instead of sleeping, so these only end a test that is really stuck.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default; a busy machine needs longer.
    expect: { poll: { timeout: 30_000 } },
  },
});
