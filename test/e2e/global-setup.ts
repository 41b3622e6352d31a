import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

import { chromiumPath } from '../chromium';
import { productionBuild } from './build';

// Builds the page for production into a temporary folder and serves it with `vite preview` on a
// free port. The tests get the address through inject('baseURL').

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** A port nobody is listening on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  const outDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-e2e-'));
  let server: PreviewServer | undefined;
  try {
    // Unpacks the browser once here, before the test files start two at a time.
    await chromiumPath();
    // Uses the project's vite.config.ts (base, chunks); only the output folder differs.
    await productionBuild({ root, build: { outDir, emptyOutDir: true } });
    // strictPort: if another process grabbed the port in between, fail loudly, never drift.
    const port = await freePort();
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    project.provide('baseURL', `http://127.0.0.1:${port}/`);
  } catch (err) {
    await rm(outDir, { recursive: true, force: true });
    throw err;
  }
  return async () => {
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
