import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { encodeResult } from '../../src/share';
import { baseURL, byRole, endWeek, useBrowser } from './helpers';

// Offline play: once the page has been opened, the service worker (sw.js, written by
// build/offline-plugin.ts) holds every file of the build, so with the network down a reload
// still shows the game, the Phaser table starts and a week ends, and the teacher's page opens
// and verifies a code in its web worker.

const browser = useBrowser();

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

/** The script of the active service worker, once one is installed and active. */
const activeWorker = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** A valid result code of a short game, made here in Node. */
function resultCode(): string {
  const game = gameFor('december-summit')!;
  const moves = [{ type: 'week.end' as const }, { type: 'week.end' as const }];
  return encodeResult({
    scenarioId: 'december-summit',
    seed: 2468,
    difficulty: 'standard',
    options: { hints: false, classLabel: '' },
    name: 'Offline',
    moves,
    state: game.replay(2468, 'standard', moves).state,
  });
}

test('after one visit the game and the teacher’s page work with the network down', async () => {
  const t = await browser.open();
  const { page, context } = t;

  // The first visit, online: the service worker installs (storing every file) and takes over.
  await page.goto(baseURL());
  await byRole(page, 'button', 'Start').waitFor();
  await expect.poll(() => activeWorker(page)).toBe(`${baseURL()}sw.js`);
  // It claims the page it was installed from; should it not have yet, a reload gives it the page.
  if (!(await controlled(page))) await page.reload();
  await expect.poll(() => controlled(page)).toBe(true);

  // From now on the network is down: the page's requests must all be answered by the service
  // worker, and the service worker's own attempts to reach the server fail.
  const failed: string[] = [];
  const fromNetwork: string[] = [];
  const swTriedNetwork: string[] = [];
  context.on('requestfailed', (r) => {
    if (r.serviceWorker()) swTriedNetwork.push(r.url());
    // A request the reload cut short (the old page's favicon) is not a failure.
    else if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(r.url());
  });
  context.on('response', (r) => {
    if (!r.request().serviceWorker() && !r.fromServiceWorker()) fromNetwork.push(r.url());
  });

  await context.setOffline(true);
  await page.reload();
  await byRole(page, 'heading', 'Frozen Assets').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('1357');
  await byRole(page, 'button', 'Start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 2 of 19/);

  // The teacher's page, opened cold with the network still down.
  await page.goto(`${baseURL()}#teacher`);
  await page.reload();
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Paste result codes').fill(resultCode());
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/^Verified 1 code/);
  expect(await page.locator('table.results tbody tr').count()).toBe(1);
  expect(await page.locator('table.results').innerText()).toContain('Offline');
  // The codes were replayed in the verification worker, loaded from the service worker too.
  const workers = page.workers().filter((w) => /work\.worker/.test(w.url()));
  expect(workers.length).toBeGreaterThan(0);
  expect(await workers[0]!.evaluate(() => typeof self.postMessage)).toBe('function');

  expect(failed, 'requests that failed offline').toEqual([]);
  expect(fromNetwork, 'responses that did not come from the service worker').toEqual([]);
  expect(swTriedNetwork, 'the network really was down').toContain(baseURL());
  t.expectNoErrors();
});

test('a new build’s service worker deletes the game’s older caches and no others', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await expect.poll(() => activeWorker(page)).toBe(`${baseURL()}sw.js`);
  const [current] = await cacheNames(page);
  expect(current).toMatch(/^frozen-assets http:\/\/127\.0\.0\.1:\d+\/ [0-9a-f]{16}$/);
  // The cache holds exactly the files sw.js lists: every file of the build, with the page, the
  // lazily loaded chunks (Phaser, the teacher's page, the verification worker), styles, icons.
  const sw = await (await fetch(`${baseURL()}sw.js`)).text();
  const listed = JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(sw)![1]!) as string[];
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1));
  }, current!);
  expect(cached.sort()).toEqual(listed);
  // Not the teacher's QR reader (WebAssembly, loaded only when a teacher scans).
  expect(listed.filter((f) => f.endsWith('.wasm'))).toEqual([]);
  for (const re of [/^index\.html$/, /^favicon\.svg$/, /phaser-.*\.js$/, /start-game-.*\.js$/]) {
    expect(
      listed.some((f) => re.test(f)),
      String(re),
    ).toBe(true);
  }
  for (const re of [
    /classroom-.*\.js$/,
    /work\.worker-.*\.js$/,
    /coach\.worker-.*\.js$/,
    /\.css$/,
  ]) {
    expect(
      listed.some((f) => re.test(f)),
      String(re),
    ).toBe(true);
  }

  // An older build's cache, and some other app's cache on the same origin; then the service
  // worker is installed afresh, as it is when a new build is published.
  await page.evaluate(async (name) => {
    await caches.open(name.replace(/ [0-9a-f]+$/, ' 0000000000000000'));
    await caches.open('another-app');
    await (await navigator.serviceWorker.ready).unregister();
  }, current!);
  expect(await cacheNames(page)).toHaveLength(3);
  await page.reload();
  await expect.poll(() => activeWorker(page)).toBe(`${baseURL()}sw.js`);
  await expect.poll(async () => (await cacheNames(page)).sort()).toEqual(['another-app', current]);
  t.expectNoErrors();
});
