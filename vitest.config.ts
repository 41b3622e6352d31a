import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The browser (e2e) suite runs separately with its own config.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    reporters: ['default'],
  },
});
