import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Plugin, ResolvedConfig } from 'vite';

// Offline play: at the end of a production build, writes sw.js (build/service-worker.js with
// the list of every file of the build) next to index.html. src/offline registers it.

/** The service worker's code; the build puts VERSION and PRECACHE in front of it. */
const TEMPLATE = new URL('./service-worker.js', import.meta.url);
export const SW_FILE = 'sw.js';

/**
 * Files not stored for offline play: those a browser never asks for (source maps, anything under
 * a dot folder such as .vite/), and the QR reader's WebAssembly (about 950 kB) that only a
 * teacher's "Scan QR codes" loads: every student would otherwise download it on a first visit.
 */
const skipped = (file: string) =>
  file.endsWith('.map') || file.endsWith('.wasm') || file.split('/').some((s) => s[0] === '.');

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) return filesUnder(path.join(dir, entry.name), `${rel}/`);
    return entry.isFile() ? [rel] : [];
  });
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function offlinePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'frozen-assets:offline',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // After Vite's own generateBundle hooks, which add the web worker's chunk to the bundle.
      order: 'post',
      handler(_options, bundle) {
        if (config.build.ssr) return;
        const contents = new Map<string, string | Uint8Array>();
        for (const [file, output] of Object.entries(bundle)) {
          contents.set(file, output.type === 'chunk' ? output.code : output.source);
        }
        // The public folder is copied to the output as is, outside the bundle.
        if (config.build.copyPublicDir && config.publicDir) {
          for (const file of filesUnder(config.publicDir)) {
            if (!contents.has(file)) {
              contents.set(file, readFileSync(path.join(config.publicDir, file)));
            }
          }
        }
        const files = [...contents.keys()].filter((f) => !skipped(f) && f !== SW_FILE).sort();
        const code = readFileSync(TEMPLATE, 'utf8');
        // The version changes when any file (or the service worker's code) does.
        const digest = sha256(
          files.map((f) => `${f}\0${sha256(contents.get(f)!)}\n`).join('') + sha256(code),
        );
        const source =
          `const VERSION = ${JSON.stringify(digest.slice(0, 16))};\n` +
          `const PRECACHE = ${JSON.stringify(files)};\n` +
          code;
        this.emitFile({ type: 'asset', fileName: SW_FILE, source });
      },
    },
  };
}
