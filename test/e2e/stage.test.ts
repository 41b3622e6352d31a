import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, routeChecklist } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { FRAMES, MIN_TEXT_CSS, tableLayout, type FrameName } from '../../src/ui/layout';
import type { TableProbe } from '../../src/ui/start-game';
import { S, STANCE_WORD, STEP_MARK } from '../../src/ui/strings';
import {
  baseURL,
  byRole,
  endWeek,
  endWeeksUntilOver,
  screenshot,
  tabTo,
  useBrowser,
} from './helpers';

// The Phaser picture of the table: it runs on WebGL, follows the game to the debrief, and a
// click on an actor's card opens that actor's reasons in the page. It draws the table, with the
// routes' checklists in its free corners, and none of the calendar, money, meters and news the
// page shows right next to it, in a frame that keeps its words readable on a laptop, a
// 1024-pixel screen, a projector and a phone.

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

/** What the canvas shows (start-game.ts, tableProbe), with the canvas's size on the page. */
async function probe(page: Page): Promise<TableProbe & { css: { w: number; h: number } }> {
  return page.evaluate(() => {
    const box = document.querySelector('.phaser-table') as
      (HTMLElement & { tableProbe(): TableProbe }) | null;
    const r = box?.querySelector('canvas')?.getBoundingClientRect();
    if (!box || !r) throw new Error('no picture on the page');
    return { ...box.tableProbe(), css: { w: r.width, h: r.height } };
  });
}

/** Waits until the table is on show in `frame` with its cards' words drawn. */
async function tableIn(page: Page, frame: FrameName) {
  await expect
    .poll(async () => {
      const p = await probe(page);
      return p.scene === 'table' && p.texts.length > 0 ? p.frame.name : `${p.scene}`;
    })
    .toBe(frame);
  return probe(page);
}

/** Clicks the centre of an actor's card, scaled from the frame the picture is drawn in. */
async function clickCard(page: Page, scenario: string, actor: string) {
  const { frame } = await probe(page);
  const card = tableLayout(getScenario(scenario)!, FRAMES[frame.name as FrameName]).cards[actor]!;
  const canvas = page.locator('.phaser-table canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const k = box.width / frame.w;
  await page.mouse.click(box.x + card.cx * k, box.y + card.cy * k);
}

const DISPLAY_KEY = 'frozen-assets.display.v1';

/** Opens a game link at a viewport size (and display preferences) and starts it. */
async function startAt(
  page: Page,
  viewport: { width: number; height: number },
  display: { projector?: boolean; highContrast?: boolean } = {},
) {
  await page.setViewportSize(viewport);
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=123&difficulty=standard`);
  const d = { projector: false, highContrast: false, reducedMotion: true, ...display };
  // A fresh start each time (a saved game would make the link ask first).
  await page.evaluate(
    ([k, v]) => {
      localStorage.clear();
      localStorage.setItem(k!, v!);
    },
    [DISPLAY_KEY, JSON.stringify(d)],
  );
  await page.reload();
  await byRole(page, 'button', /^start/i).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
}

/** The size, in CSS pixels, that the smallest word of the canvas shows at. */
const smallestText = (p: Awaited<ReturnType<typeof probe>>) =>
  Math.min(...p.texts.map((t) => (t.px * p.css.w) / p.frame.w));

test('the table is drawn with WebGL, opens an actor on click and ends on the debrief', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await byRole(page, 'button', /^start$/i).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
  expect(await contextKind(page)).toBe('webgl');
  // The canvas is a picture for eyes and pointers; assistive technology reads the page.
  expect(await page.locator('.phaser-table').getAttribute('aria-hidden')).toBe('true');

  // Click the centre of Belgium's card, scaled from the frame the picture is drawn in.
  await clickCard(page, 'december-summit', 'belgium');
  const toggle = page.locator('.actor[data-actor="belgium"] .why-toggle');
  await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 30_000 }).toBe('true');
  expect(
    await page.evaluate(() =>
      document.activeElement?.closest('.actor')?.getAttribute('data-actor'),
    ),
  ).toBe('belgium');
  await screenshot(page, 'stage-table');

  await endWeeksUntilOver(page);
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
  for (let week = 2; week <= 4; week++) {
    await endWeek(page);
    await expect.poll(() => page.title(), { timeout: 30_000 }).toContain(`Week ${week}:`);
    // The table follows the page in a task of its own and stays awake a moment after.
    await page.waitForTimeout(600);
  }
  // The canvas holds the table alone, so every frame draws all of it: the cards, lines, hub and
  // the routes' checklist panels in one call, their 48 words, the hub and the checklists' 27
  // words in one more (one baked texture, baked.ts), the chips' outlines in one and each chip's
  // words in one: 5 calls on this seed from week 2 (2 chips). Before the picture dropped its
  // calendar, money panel and news, a full frame took about 114 calls and the frames after a
  // change, which drew only the table, 4 to 8. Baking the words again (when a stance, trust or a
  // checklist's status changes) takes a frame of about 80 calls (50 before the checklists), once
  // a week end at most.
  const draws = (await page.evaluate('window.__draws')) as number[];
  const sorted = [...draws].sort((a, b) => a - b);
  expect(sorted.length).toBeGreaterThan(10);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(8);
  expect(draws.filter((n) => n > 12).length).toBeLessThanOrEqual(3);
  t.expectNoErrors();
});

test('the picture draws the table and the routes’ checklists only: no calendar, money panel, meters, legend or news line', async () => {
  const t = await browser.open();
  const { page } = t;
  await startAt(page, { width: 1366, height: 768 });
  await tableIn(page, 'wide');
  // A week's end: the UK and Canada pledge, so the chips are drawn too.
  await endWeek(page);
  await expect.poll(() => page.title()).toContain('Week 2:');
  await expect
    .poll(async () => (await probe(page)).texts.some((x) => /^EUR \d+\.\d bn$/.test(x.text)))
    .toBe(true);
  const { texts } = await probe(page);
  const scenario = getScenario('december-summit')!;
  const names = scenario.actors.map((a) => a.short);
  const words = new Set<string>(Object.values(STANCE_WORD));
  // The routes' checklists in the table's free corners: each route's name, its steps' words and
  // their marks (checklist-panel.ts).
  const state = createGame(scenario, actorRuntime).start(123, 'standard');
  const checklists = new Set<string>([
    ...Object.values(STEP_MARK),
    ...scenario.routes.flatMap((def) => [
      def.name,
      ...routeChecklist(scenario, actorRuntime, state, def.id).map((s) => s.short),
    ]),
  ]);
  const onTheTable = (s: string) =>
    s === 'EU' ||
    checklists.has(s.replace(/\n/g, ' ')) ||
    names.includes(s) ||
    names.some((n) => s.endsWith('…') && n.startsWith(s.slice(0, -1))) ||
    words.has(s) ||
    /^trust [+-]?\d+$/.test(s) ||
    // Canada's chip: it joins with no money of its own.
    s === S.pledgeChip(0) ||
    /^(EUR \d+\.\d|donors \d+(\.\d)?) bn$/.test(s);
  expect(texts.map((x) => x.text).filter((s) => !onTheTable(s))).toEqual([]);
  // What the page shows right next to it stays off the canvas.
  for (const gone of [
    /week/i,
    /money/i,
    /unity/i,
    /stress/i,
    /retaliation/i,
    /summit/i,
    /deadline/i,
  ]) {
    expect(texts.filter((x) => gone.test(x.text)).map((x) => x.text)).toEqual([]);
  }
  for (const n of names)
    expect(
      texts.some((x) => x.text === n),
      n,
    ).toBe(true);
  // The key the canvas dropped is the page's caption under it.
  const caption = page.locator('.stage-area .stage-caption');
  await expect.poll(() => caption.isVisible()).toBe(true);
  const key = (await caption.textContent()) ?? '';
  for (const part of [/leader/, /follows/, /waits for a condition/, /is real/]) {
    expect(key).toMatch(part);
  }
  t.expectNoErrors();
});

test('the picture grows for a projector and keeps its words at 12 CSS px or more', async () => {
  const t = await browser.open();
  const { page } = t;
  await startAt(page, { width: 1366, height: 768 });
  const laptop = await tableIn(page, 'wide');
  expect(smallestText(laptop)).toBeGreaterThanOrEqual(MIN_TEXT_CSS);

  await startAt(page, { width: 1366, height: 768 }, { projector: true });
  expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(
    true,
  );
  const projector = await tableIn(page, 'wide');
  expect(smallestText(projector)).toBeGreaterThanOrEqual(MIN_TEXT_CSS);
  // Clearly larger: the picture spans the page above both columns.
  expect(projector.css.w).toBeGreaterThan(laptop.css.w * 1.25);
  expect(projector.css.h).toBeLessThanOrEqual(768);
  const order = await page.evaluate(() => {
    const picture = document.querySelector('.stage-area')!;
    const columns = document.querySelector('.table-layout')!;
    return {
      above: !!(picture.compareDocumentPosition(columns) & Node.DOCUMENT_POSITION_FOLLOWING),
      // In the tab order now ("How it decides", under the picture, is hidden until asked for).
      focusable: [
        ...picture.querySelectorAll('a, button, input, select, textarea, [tabindex="0"]'),
      ].filter((el) => !el.closest('[hidden]')).length,
    };
  });
  expect(order).toEqual({ above: true, focusable: 0 });
  await screenshot(page, 'stage-projector');

  await startAt(page, { width: 1024, height: 768 });
  const small = await tableIn(page, 'compact');
  expect(smallestText(small)).toBeGreaterThanOrEqual(MIN_TEXT_CSS);
  await screenshot(page, 'stage-1024');
  t.expectNoErrors();
});

test('on a phone the picture stands upright, every word readable, and a card still opens its actor', async () => {
  const t = await browser.open();
  const { page } = t;
  await startAt(page, { width: 390, height: 844 });
  await tableIn(page, 'portrait');
  // The same after the window changes: a laptop's width, then a phone's again. The picture is
  // drawn again in the frame that fits, and fills the width of its box.
  await page.setViewportSize({ width: 1366, height: 768 });
  await tableIn(page, 'wide');
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = await tableIn(page, 'portrait');
  const boxWidth = await page.locator('.phaser-table').evaluate((el) => el.clientWidth);
  expect(Math.abs(phone.css.w - boxWidth)).toBeLessThan(1);
  expect(smallestText(phone)).toBeGreaterThanOrEqual(MIN_TEXT_CSS);
  expect(phone.css.w).toBeLessThanOrEqual(390);
  expect(phone.css.h).toBeGreaterThan(phone.css.w);
  // The page's move panel still comes before the picture, which holds no control.
  expect(
    await page.evaluate(() => {
      const side = document.querySelector('.col-side')!;
      const picture = document.querySelector('.stage-area')!;
      return !!(side.compareDocumentPosition(picture) & Node.DOCUMENT_POSITION_FOLLOWING);
    }),
  ).toBe(true);
  await tabTo(page, page.getByRole('combobox', { name: /^move$/i }), { max: 30 });
  await clickCard(page, 'december-summit', 'belgium');
  const toggle = page.locator('.actor[data-actor="belgium"] .why-toggle');
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  await page.locator('.phaser-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'stage-phone');
  t.expectNoErrors();
});
