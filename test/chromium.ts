import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

import { chromium, type Browser } from 'playwright-core';
import { extract } from 'tar-fs';

// The browser of the browser tests and the bench: the headless Chromium that the npm package
// @sparticuz/chromium carries in its tarball (pinned in package.json), so `npm install` brings
// the same browser to every machine and nothing is downloaded later. A system browser is used
// only when it is named in CHROMIUM_PATH.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the package's compressed files sit (node_modules/@sparticuz/chromium/bin). */
function packageDir(): { bin: string; version: string } {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const dir = path.join(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { bin: path.join(dir, 'bin'), version };
}

const unbrotli = (from: string, to: NodeJS.WritableStream) =>
  pipeline(createReadStream(from), createBrotliDecompress(), to);

/**
 * Unpacks the browser (about 210 MB, 3 s) into node_modules/.cache once per package version.
 * It unpacks into a folder of its own and renames it into place when whole, so a run that was
 * stopped half-way, or two runs at once, never leave a broken browser behind.
 */
async function unpack(): Promise<string> {
  const { bin, version } = packageDir();
  const cache = path.join(ROOT, 'node_modules', '.cache', 'frozen-assets');
  const dir = path.join(cache, `chromium-${version}`);
  const executable = path.join(dir, 'chromium');
  if (existsSync(path.join(dir, 'complete'))) return executable;
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(path.join(cache, `chromium-${version}.part-`));
  try {
    await Promise.all([
      unbrotli(
        path.join(bin, 'chromium.br'),
        createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }),
      ),
      // SwiftShader (software WebGL) is loaded from the browser's own folder.
      unbrotli(path.join(bin, 'swiftshader.tar.br'), extract(work)),
    ]);
    await writeFile(path.join(work, 'complete'), `@sparticuz/chromium ${version}\n`);
    await rename(work, dir);
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    // Another run finished the same unpacking first: its copy is as good as ours.
    if (existsSync(path.join(dir, 'complete'))) return executable;
    throw error;
  }
  return executable;
}

/** The browser's path: CHROMIUM_PATH when set, else the packaged Chromium (unpacked once). */
export async function chromiumPath(): Promise<string> {
  const named = process.env.CHROMIUM_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist`);
    return named;
  }
  return unpack();
}

/**
 * Launches headless Chromium. Playwright already passes --no-sandbox and a fresh user-data
 * dir; these flags keep the browser off this machine's closed network (no background
 * connections, updates or sync) and say out loud that WebGL runs on SwiftShader. `extraArgs`
 * adds flags (the scanner's test gives it a fake camera).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}
