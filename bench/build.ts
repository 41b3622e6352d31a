import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadConfigFromFile } from 'vite';

import { productionBuild } from '../test/e2e/build';

// The two production builds the benchmarks and the byte budgets measure, each into a folder of
// the caller's (a temporary one) and with a manifest (.vite/manifest.json, for bench/bundle.ts).

/** The project's folder: vite.config.ts and index.html. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASELINE_ROOT = fileURLToPath(new URL('./baseline', import.meta.url));

/** The game, as `vite build` builds it from the project's vite.config.ts. */
export async function buildGame(outDir: string): Promise<void> {
  await productionBuild({ root: ROOT, build: { outDir, emptyOutDir: true, manifest: true } });
}

/**
 * The baseline page (bench/baseline: one Phaser 4 scene with one text object), built with the
 * project's `base` and `build` options (target, the Phaser chunk), but none of its aliases or
 * defines: it always measures stock Phaser, whatever the game does with it.
 */
export async function buildBaseline(outDir: string): Promise<void> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    ROOT,
    'silent',
  );
  const project = loaded?.config ?? {};
  await productionBuild({
    configFile: false,
    root: BASELINE_ROOT,
    base: project.base,
    build: { ...project.build, outDir, emptyOutDir: true, manifest: true },
  });
}

/**
 * bench/engine.ts as one Node module (outDir/engine.mjs), bundled the way the game ships: every
 * package inside the bundle, production builds, no development checks.
 */
export async function buildEngineBench(outDir: string): Promise<string> {
  await productionBuild({
    configFile: false,
    root: ROOT,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: 'bench/engine.ts',
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'engine.mjs' } },
    },
  });
  return path.join(outDir, 'engine.mjs');
}
