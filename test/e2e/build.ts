import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * vite build, as `vite build` on the command line would do it. Vitest sets NODE_ENV=test, and
 * vite then resolves packages' "development" exports (xstate's dev build, for one) and defines
 * process.env.NODE_ENV as "test": not the bundle players get. So NODE_ENV is "production" for
 * the duration of the build, and restored after.
 */
export async function productionBuild(config: InlineConfig): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', ...config });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

/**
 * Builds a test fixture (test/e2e/fixtures/<name>.ts) for the browser as one self-contained
 * script, with the players' production settings, into `outDir`, and returns its text (for
 * page.addScriptTag). Not the app's vite.config.ts: one script, no chunk groups; library mode
 * leaves process.env.NODE_ENV alone (the page has no `process`), so it is defined here.
 */
export async function fixtureBundle(name: string, global: string, outDir: string): Promise<string> {
  await productionBuild({
    root: ROOT,
    configFile: false,
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: {
        entry: path.join(ROOT, 'test/e2e/fixtures', `${name}.ts`),
        formats: ['iife'],
        name: global,
        fileName: () => `${name}.js`,
      },
    },
  });
  return readFile(path.join(outDir, `${name}.js`), 'utf8');
}
