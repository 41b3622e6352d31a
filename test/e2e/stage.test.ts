import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { getScenario } from '../../src/scenarios';
import { BASE_W, tableLayout } from '../../src/ui/layout';
import { baseURL, byRole, screenshot, useBrowser } from './helpers';

// The Phaser picture of the table: it runs on WebGL, follows the game to the debrief, and a
// click on an actor's card opens that actor's reasons in the page.

const browser = useBrowser();

const scene = (page: Page) =>
  page.locator('.phaser-table').getAttribute('data-scene', { timeout: 30_000 });

/** Which context the canvas draws with: asking for another kind returns null. */
const contextKind = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.phaser-table canvas') as HTMLCanvasElement | null;
    if (!canvas) return 'none';
    if (canvas.getContext('webgl2') || canvas.getContext('webgl')) return 'webgl';
    return canvas.getContext('2d') ? '2d' : 'unknown';
  });

test('the table is drawn with WebGL, opens an actor on click and ends on the debrief', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await byRole(page, 'button', /^start$/i).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
  expect(await contextKind(page)).toBe('webgl');
  // The canvas is a picture for eyes and pointers; assistive technology reads the page.
  expect(await page.locator('.phaser-table').getAttribute('aria-hidden')).toBe('true');

  // Click the centre of Belgium's card, scaled from the 960-wide base layout.
  const layout = tableLayout(getScenario('december-summit')!);
  const card = layout.cards.belgium!;
  const box = (await page.locator('.phaser-table canvas').boundingBox())!;
  const k = box.width / BASE_W;
  await page.mouse.click(box.x + card.cx * k, box.y + card.cy * k);
  const toggle = page.locator('.actor[data-actor="belgium"] .why-toggle');
  await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 30_000 }).toBe('true');
  expect(
    await page.evaluate(() =>
      document.activeElement?.closest('.actor')?.getAttribute('data-actor'),
    ),
  ).toBe('belgium');
  await screenshot(page, 'stage-table');

  const endWeek = byRole(page, 'button', /end the week/i);
  while (await endWeek.count()) await endWeek.click();
  await page.waitForSelector('.phaser-table[data-scene="debrief"]', { timeout: 30_000 });
  expect(await scene(page)).toBe('debrief');
  await page.locator('.stage').scrollIntoViewIfNeeded();
  await screenshot(page, 'stage-debrief');
  t.expectNoErrors();
});

/** Counts the canvas's draw calls between animation frames (window.__draws: one count a frame). */
const COUNT_DRAWS = `(() => {
  const draws = (window.__draws = []);
  let now = 0;
  for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const p = C.prototype;
    for (const name of ['drawElements', 'drawArrays']) {
      const f = p[name];
      p[name] = function (...args) { now++; return f.apply(this, args); };
    }
  }
  const frame = () => { if (now) draws.push(now); now = 0; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;

test('the frames after a week end draw the table in a handful of draw calls', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.addInitScript(COUNT_DRAWS);
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=123&difficulty=standard`);
  await byRole(page, 'button', /^start/i).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
  // Only the table's frames count (not the loading screen's).
  await page.evaluate('window.__draws.length = 0');
  const endWeek = byRole(page, 'button', /end the week/i);
  for (let week = 2; week <= 4; week++) {
    await endWeek.click();
    await expect.poll(() => page.title(), { timeout: 30_000 }).toContain(`Week ${week}:`);
    // The table follows the page in a task of its own and stays awake a moment after.
    await page.waitForTimeout(600);
  }
  // A change of state draws the whole canvas (about 110 calls); the frames after it draw only the
  // table, whose 45 card words are one baked texture (baked.ts): 4 to 8 calls on this seed, 53
  // to 57 when each word was a draw call of its own. The cheapest frame is one of those.
  const draws = (await page.evaluate('window.__draws')) as number[];
  expect(Math.min(...draws)).toBeLessThanOrEqual(12);
  t.expectNoErrors();
});
