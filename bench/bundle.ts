import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Bytes of a production build, raw and gzip, for the first screen (what index.html loads before
// the player presses Start) and in total (every file of the build). Used by `npm run bench`
// (bench/run.ts) and by the byte budgets (test/budget/budget.test.ts); the build must have been
// made with `build.manifest: true` (bench/build.ts does).
//
// First screen = index.html, the files its tags name (scripts, modulepreloads, stylesheets,
// icons), and, from .vite/manifest.json, the HTML entry's chunk with all its static imports, their
// CSS and the assets they import (counted even if the page might not fetch them at once: a
// budget should err on the heavy side). Dynamic imports (Phaser, the teacher's page) are not
// first screen. Gzip is node:zlib at level 9, one file at a time, as a server sends each file.

export type Kind = 'js' | 'css' | 'html' | 'other';

export interface Size {
  raw: number;
  gzip: number;
}

export interface FileSize extends Size {
  /** path inside the build folder, with forward slashes */
  file: string;
  kind: Kind;
}

export interface SizeGroup {
  js: Size;
  css: Size;
  html: Size;
  other: Size;
  all: Size;
  files: FileSize[];
}

export interface BundleFigures {
  firstScreen: SizeGroup;
  total: SizeGroup;
}

/** The build's own bookkeeping (the manifest), never served to players. */
const BOOKKEEPING = '.vite';
const MANIFEST = `${BOOKKEEPING}/manifest.json`;
const HTML_ENTRY = 'index.html';

export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

export function kindOf(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.html') return 'html';
  return 'other';
}

/** Every file of the build, as sorted paths with forward slashes; the manifest folder left out. */
export async function listFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => f !== BOOKKEEPING && !f.startsWith(`${BOOKKEEPING}/`))
    .sort();
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  assets?: string[];
}

/** Local files named by src/href in index.html's script, link, img and source tags. */
function htmlReferences(html: string, files: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(?:script|link|img|source)\b[^>]*>/gi) ?? []) {
    for (const m of tag.matchAll(/\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const url = (m[1] ?? m[2] ?? '').split(/[?#]/)[0]!;
      if (!url || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) continue; // another site, data:
      const file = path.posix.normalize(url.replace(/^\.?\//, ''));
      if (files.has(file)) found.push(file);
    }
  }
  return found;
}

/** The files the first screen loads (see the top of this file), sorted. */
export async function firstScreenFiles(outDir: string): Promise<string[]> {
  const files = new Set(await listFiles(outDir));
  if (!files.has(HTML_ENTRY)) throw new Error(`no ${HTML_ENTRY} in ${outDir}`);
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
  } catch (error) {
    throw new Error(`no readable ${MANIFEST} in ${outDir}: build with build.manifest: true`, {
      cause: error,
    });
  }
  const entryKey = Object.keys(manifest).find(
    (k) => manifest[k]!.isEntry && (manifest[k]!.src ?? k) === HTML_ENTRY,
  );
  if (!entryKey) throw new Error(`${MANIFEST} has no entry for ${HTML_ENTRY}`);

  const picked = new Set<string>([HTML_ENTRY]);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${MANIFEST} names ${key} but has no entry for it`);
    for (const f of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) picked.add(f);
    for (const k of chunk.imports ?? []) visit(k);
  };
  visit(entryKey);
  const html = await readFile(path.join(outDir, HTML_ENTRY), 'utf8');
  for (const f of htmlReferences(html, files)) picked.add(f);

  const missing = [...picked].filter((f) => !files.has(f));
  if (missing.length) throw new Error(`${MANIFEST} names files not in the build: ${missing}`);
  return [...picked].sort();
}

const zero = (): Size => ({ raw: 0, gzip: 0 });

function group(files: FileSize[]): SizeGroup {
  const g: SizeGroup = { js: zero(), css: zero(), html: zero(), other: zero(), all: zero(), files };
  for (const f of files) {
    for (const s of [g[f.kind], g.all]) {
      s.raw += f.raw;
      s.gzip += f.gzip;
    }
  }
  return g;
}

/** Sizes of every file of the build in outDir, and of the first screen's. */
export async function measureBundle(outDir: string): Promise<BundleFigures> {
  const sizes = await Promise.all(
    (await listFiles(outDir)).map(async (file): Promise<FileSize> => {
      const bytes = await readFile(path.join(outDir, file));
      return { file, kind: kindOf(file), raw: bytes.length, gzip: gzipSize(bytes) };
    }),
  );
  const first = new Set(await firstScreenFiles(outDir));
  return { firstScreen: group(sizes.filter((s) => first.has(s.file))), total: group(sizes) };
}

export interface Budget {
  /** what is measured, in words, e.g. "first-screen JavaScript, gzip" */
  name: string;
  /** the most bytes allowed */
  max: number;
  /** picks the figure out of the measurement */
  bytes: (b: BundleFigures) => number;
}

/** One line for each budget the build exceeds; none when it keeps them all. */
export function overBudget(figures: BundleFigures, budgets: readonly Budget[]): string[] {
  return budgets
    .filter((b) => b.bytes(figures) > b.max)
    .map((b) => {
      const n = b.bytes(figures);
      return `${b.name}: ${n} bytes, over its budget of ${b.max} by ${n - b.max} bytes (${((n / b.max - 1) * 100).toFixed(1)}%)`;
    });
}
