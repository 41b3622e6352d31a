import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { fixtureBundle } from './build';
import {
  baseURL,
  byRole,
  endWeek,
  expectNoSeriousViolations,
  ROOT,
  screenshot,
  useBrowser,
  weekMoved,
} from './helpers';

// The teacher pack, the projector view and the tuning part in the browser, and the figures the
// pack's "how long a game takes" rests on: the page's own time and words per move and per week
// end in a real game (written to test-results/pack-timing.json and printed; bench/lesson.ts
// prints them beside the harness's). No assertion depends on how fast the machine is.

const browser = useBrowser();
let bundle = '';
let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-pack-'));
  bundle = await fixtureBundle('pack-entry', 'frozenAssetsPack', outDir);
});
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The teacher's page at 1366x768 with the pack's test entry loaded. */
async function teacherPage(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await page.addScriptTag({ content: bundle });
}

test('the teacher pack: plan, game length, notes, what really happened, results; printed alone', async () => {
  const t = await browser.open();
  const { page } = t;
  await teacherPage(page);
  await page.evaluate(() => window.showPack('pack'));
  const pack = page.locator('.teacher-pack');
  await byRole(page, 'heading', 'Teacher pack: The December Summit').waitFor();
  const plan = pack.locator('table.lesson-plan');
  expect(await plan.locator('tbody tr').count()).toBe(4);
  expect(await plan.locator('tbody th').allInnerTexts()).toEqual([
    'Briefing',
    'Play',
    'Hand in',
    'Debrief',
  ]);
  expect(await pack.locator('.game-length').innerText()).toMatch(
    /^How long a game takes: \d+ to \d+ minutes for a game that runs all 19 weeks/,
  );
  const notes = pack.locator('.pack-questions > li');
  expect(await notes.count()).toBeGreaterThanOrEqual(4);
  for (const note of await notes.all()) {
    expect(await note.innerText()).toMatch(/Listen for: [\s\S]+What really happened: /);
    expect(await note.locator('.sources a[href^="https://"]').count()).toBeGreaterThan(0);
  }
  const replay = byRole(page, 'link', 'Replay the real path, week by week');
  expect(await replay.getAttribute('href')).toMatch(/#history\?scenario=december-summit&seed=3434/);
  expect(await pack.locator('.pack-history .timeline li').count()).toBeGreaterThan(5);
  const rows = pack.locator('table.print-results tbody tr');
  expect(await rows.count()).toBe(8);
  expect(await pack.locator('table.print-results').innerText()).toContain('Ana');
  await screenshot(page, 'pack');
  await screenshot(page, 'pack-full', { fullPage: true });
  await expectNoSeriousViolations(page, 'the teacher pack');

  // Printed: the pack alone (the briefing sheet and the rest of the page are hidden).
  await page.evaluate(() => document.documentElement.classList.add('printing-pack'));
  await page.emulateMedia({ media: 'print' });
  const chain = await pack.evaluate((el) => {
    const out: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement)
      out.push(`${e.tagName}.${e.className}:${getComputedStyle(e).display}`);
    return out.join(' < ');
  });
  expect(await pack.isVisible(), chain).toBe(true);
  expect(await page.locator('.print-sheet').isVisible()).toBe(false);
  expect(await byRole(page, 'button', 'Print the pack').isVisible()).toBe(false);
  await screenshot(page, 'pack-print', { fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(10_000);
  t.expectNoErrors();
});

test('the pack before any result: the usual questions, each with its note', async () => {
  const t = await browser.open();
  const { page } = t;
  await teacherPage(page);
  await page.evaluate(() => window.showPack('pack-empty'));
  const pack = page.locator('.teacher-pack');
  await pack.waitFor();
  expect(await pack.locator('.pack-questions > li').count()).toBeGreaterThanOrEqual(4);
  expect(await pack.innerText()).toContain(
    'The verified results appear here once the codes are checked.',
  );
  t.expectNoErrors();
});

test('the projector view: no names, the charts, then one question at a time by keys', async () => {
  const t = await browser.open();
  const { page } = t;
  await teacherPage(page);
  await page.evaluate(() => window.showPack('projector'));
  const view = page.locator('.projector');
  await view.waitFor();
  const counter = view.locator('.projector-counter');
  expect(await counter.innerText()).toBe('The class in charts');
  expect(await view.locator('svg[role=img]').count()).toBe(4);
  const text = await view.innerText();
  for (const name of ['Ana', 'Ben', 'Cleo', 'Hana']) expect(text).not.toContain(name);
  await screenshot(page, 'projector-charts');
  await expectNoSeriousViolations(page, 'the projector view');

  await view.focus();
  await page.keyboard.press('ArrowRight');
  expect(await counter.innerText()).toMatch(/^Question 1 of \d$/);
  const first = await view.locator('.projector-question').innerText();
  expect(first.length).toBeGreaterThan(20);
  const size = await view
    .locator('.projector-question')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(28);
  await screenshot(page, 'projector-question');
  await byRole(page, 'button', 'Next').click();
  expect(await counter.innerText()).toMatch(/^Question 2 of/);
  await page.keyboard.press('End');
  const last = await counter.innerText();
  expect(await byRole(page, 'button', 'Next').isDisabled()).toBe(true);
  await page.keyboard.press('PageUp');
  expect(await counter.innerText()).not.toBe(last);
  await page.keyboard.press('Home');
  expect(await counter.innerText()).toBe('The class in charts');
  expect(await byRole(page, 'button', 'Previous').isDisabled()).toBe(true);
  t.expectNoErrors();
});

test('tuning: money in EUR bn, and the win-rate check shows its progress and how long it took', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${baseURL()}#teacher`);
  await page.locator('details.tune > summary').click();
  const money = byRole(page, 'spinbutton', 'Money to find');
  expect(await money.inputValue()).toBe('71.7');
  await money.fill('60');
  const link = byRole(page, 'textbox', 'The class link');
  await expect.poll(() => link.inputValue()).toContain('target=600');
  expect(await page.locator('.tune-field').filter({ has: money }).innerText()).toContain(
    'EUR 60.0 bn',
  );
  await money.fill('600');
  const error = page
    .locator('.tune-field .error')
    .filter({ hasText: /EUR bn from 35\.9 to 143\.4/ });
  await error.waitFor();
  expect(await error.innerText()).toContain('The class link still uses EUR 60.0 bn.');
  await money.fill('60');
  expect(await page.locator('.winrate-note').innerText()).not.toMatch(/few seconds/);

  await byRole(page, 'button', 'Check win rates').click();
  const line = page.locator('.winrate-progress-text');
  await expect.poll(() => line.innerText()).toMatch(/^\d+ of 600 test games played/);
  await page.locator('.winrate-box').scrollIntoViewIfNeeded();
  await screenshot(page, 'tune-progress');
  const status = page.locator('.winrate-status');
  await expect.poll(() => status.innerText(), { timeout: 110_000 }).toMatch(/^Done in/);
  expect(await line.isVisible()).toBe(false);
  const took = Number(/Done in ([\d.]+) s/.exec(await status.innerText())![1]);
  console.log(`pack.test: a first win-rate check (600 games) took ${took} s here`);
  await screenshot(page, 'tune-done');
  t.expectNoErrors();
});

/**
 * Clicks a button (a selector, or "button:" and its text) and times, in the page's own clock,
 * until the text of `watch` changes (checked each frame), with the words it then shows.
 */
function timed(page: Page, selector: string, watch: string) {
  return page.evaluate(
    ([sel, w]) =>
      new Promise<{ ms: number; words: number }>((resolve) => {
        const before = document.querySelector(w)?.textContent ?? '';
        const t0 = performance.now();
        const button = sel.startsWith('button:')
          ? [...document.querySelectorAll('button')].find((b) => b.textContent === sel.slice(7))
          : document.querySelector(sel);
        (button as HTMLElement).click();
        const check = () => {
          const el = document.querySelector(w);
          const now = el?.textContent ?? '';
          if (now !== before && now.trim() !== '')
            resolve({
              ms: performance.now() - t0,
              words: (el as HTMLElement).innerText.split(/\s+/).filter(Boolean).length,
            });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [selector, watch] as const,
  );
}

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

test('the page’s time and words per move and per week end, in a real game (recorded)', async () => {
  const t = await browser.open();
  const context = await t.context.browser()!.newContext({
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'no-preference',
  });
  const page = await context.newPage();
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=2025&difficulty=standard`);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  const actions: { ms: number; words: number }[] = [];
  const weeks: { ms: number; words: number }[] = [];
  const plan = [
    ['Sound out', 'Belgium'],
    ['Sound out', 'Germany'],
    ['Sound out', 'France'],
    ['Sound out', 'Italy'],
    ['Sound out', 'Hungary'],
    ['Public pressure', 'Hungary'],
  ];
  for (let week = 0; (await page.locator('#ending-title').count()) === 0; week++) {
    expect(week).toBeLessThan(30);
    for (const [move, actor] of plan.slice(2 * week, 2 * week + 2)) {
      await byRole(page, 'combobox', 'Move').selectOption({ label: move! });
      await byRole(page, 'combobox', 'Actor').selectOption({ label: actor! });
      const r = await timed(page, 'button:Confirm move', '.narrator');
      // The words once the narrator has said all it says about the move.
      await page.waitForTimeout(300);
      const words = (await page.locator('.narrator').innerText()).split(/\s+/).length;
      actions.push({ ms: r.ms, words });
    }
    if (week === 0) {
      // A point is left: the page asks once (not timed); "don't ask again" holds after it.
      await endWeek(page);
      await weekMoved(page, 'Week 1 of 19');
      continue;
    }
    const r = await timed(page, 'button.end-week', '#week-title, #ending-title');
    if ((await page.locator('#ending-title').count()) === 0)
      weeks.push({
        ms: r.ms,
        words: (await page.locator('.latest').innerText()).split(/\s+/).length,
      });
  }
  await context.close();
  const figures = {
    actions: actions.length,
    weeks: weeks.length,
    actionSeconds: Math.round(med(actions.map((a) => a.ms))) / 1000,
    actionWords: med(actions.map((a) => a.words)),
    weekSeconds: Math.round(med(weeks.map((w) => w.ms))) / 1000,
    weekWords: med(weeks.map((w) => w.words)),
  };
  console.log(`pack.test: the page per move and per week end: ${JSON.stringify(figures)}`);
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'test-results', 'pack-timing.json'), JSON.stringify(figures));
  expect(figures.actions).toBeGreaterThan(3);
  expect(figures.weeks).toBeGreaterThan(5);
  t.expectNoErrors();
});
