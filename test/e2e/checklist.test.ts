import path from 'node:path';

import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, routeChecklist } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import type { TableProbe } from '../../src/ui/start-game';
import { baseURL, byRole, endWeek, SCREENSHOT_DIR, useBrowser } from './helpers';

// Week 1, as a student: each route's card says every step between tabling it and money in
// Ukraine, and how each stands today, before any of them bites; so does the picture of the
// table, in its free corners, and both follow the game move by move.

const browser = useBrowser();

/** A laptop-sized page in week 1 of the December Summit, seed 4. */
async function weekOne() {
  const t = await browser.open();
  await t.page.setViewportSize({ width: 1366, height: 768 });
  await t.page.goto(`${baseURL()}#play?scenario=december-summit&seed=4&difficulty=standard`);
  await byRole(t.page, 'button', 'Start this game').click();
  await expect.poll(() => t.page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  return t;
}

test('in week 1 every route names each step to the money, with how it stands', async () => {
  const t = await weekOne();
  const { page } = t;
  const card = (name: string) => page.locator('article.route').filter({ hasText: name });

  const loan = card('Reparations Loan').locator('.checklist li');
  expect(await loan.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
    'table',
    'vote',
    'coverage',
    'court',
    'payout',
  ]);
  const loanText = await card('Reparations Loan').locator('.checklist').innerText();
  expect(loanText).toMatch(/Guarantees from member states cover 75% of the loan\. Now 0%\./);
  expect(loanText).toMatch(/If Belgium is outvoted, it goes to court/);

  const joint = await card('Joint EU borrowing').locator('.checklist').innerText();
  expect(joint).toMatch(/The European Parliament consents/);
  expect(joint).toMatch(/needs every government’s yes/);
  expect(joint).toMatch(/would veto it today|Nobody would veto it today/);
  // Each status is said in words for screen readers, not only by its mark.
  expect(await card('Joint EU borrowing').locator('.checklist .vh').first().textContent()).toMatch(
    /^(Holds now|Later|Does not hold now|Done): $/,
  );

  await card('Reparations Loan').scrollIntoViewIfNeeded();
  await page
    .locator('section.routes')
    .screenshot({ path: path.join(SCREENSHOT_DIR, 'checklist-week-1.png') });
  t.expectNoErrors();
}, 120_000);

/** Every word the canvas shows (start-game.ts, tableProbe), in the order it draws them. */
const canvasTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const box = document.querySelector('.phaser-table') as
      (HTMLElement & { tableProbe(): TableProbe }) | null;
    const probe = box?.tableProbe();
    return probe?.scene === 'table' ? probe.texts.map((t) => t.text) : [];
  });

/**
 * A route's checklist as the canvas shows it: after its name, each step's mark and its words
 * (checklist-panel.ts draws them in that order); null while the canvas does not show it.
 */
async function canvasChecklist(page: Page, name: string, steps: number) {
  const texts = await canvasTexts(page);
  const at = texts.findIndex((t) => t.replace(/\s+/g, ' ') === name);
  if (at < 0) return null;
  return Array.from({ length: steps }, (_, i) => ({
    mark: texts[at + 1 + 2 * i],
    short: texts[at + 2 + 2 * i],
  }));
}

/** A route's checklist as the page's route card lists it: each step's code and mark. */
const pageChecklist = (page: Page, name: string) =>
  page
    .locator('article.route')
    .filter({ hasText: name })
    .locator('.checklist li')
    .evaluateAll((els) =>
      els.map((e) => ({
        code: e.getAttribute('data-code'),
        mark: e.querySelector('.step-mark')?.textContent,
      })),
    );

test('the canvas shows every route’s checklist from week 1, as the page does, and follows the moves', async () => {
  const t = await weekOne();
  const { page } = t;
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });

  // Every step of every route, in order: the engine's words, the page's marks.
  const scenario = getScenario('december-summit')!;
  const start = createGame(scenario, actorRuntime).start(4, 'standard');
  for (const def of scenario.routes) {
    const steps = routeChecklist(scenario, actorRuntime, start, def.id);
    await expect
      .poll(() => canvasChecklist(page, def.name, steps.length), { timeout: 30_000 })
      .not.toBeNull();
    const listed = await pageChecklist(page, def.name);
    expect(listed.map((s) => s.code)).toEqual(steps.map((s) => s.code));
    expect(await canvasChecklist(page, def.name, steps.length), def.name).toEqual(
      steps.map((s, i) => ({ mark: listed[i]!.mark, short: s.short })),
    );
  }
  // Nothing can be tabled before week 2: the first step waits.
  const loan = () => canvasChecklist(page, 'Reparations Loan', 5);
  expect((await loan())![0]).toEqual({ mark: '…', short: 'Table' });
  const canvas = page.locator('.phaser-table');
  await canvas.scrollIntoViewIfNeeded();
  await canvas.screenshot({ path: path.join(SCREENSHOT_DIR, 'checklist-canvas-week-1.png') });

  // Week 2: the loan can be tabled now, on the canvas as on the page.
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 2 of 19/);
  await expect.poll(async () => (await loan())?.[0]?.mark).toBe('●');
  expect((await pageChecklist(page, 'Reparations Loan'))[0]!.mark).toBe('●');

  // Tabled: the first step is done, and the vote's mark says how it would go today.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Table a route' });
  await byRole(page, 'combobox', 'Route').selectOption({ label: 'Reparations Loan' });
  await byRole(page, 'button', 'Confirm move').click();
  expect(await page.locator('.refusal').textContent()).toBe('');
  await expect.poll(async () => (await loan())?.[0]?.mark).toBe('✓');
  const listed = await pageChecklist(page, 'Reparations Loan');
  expect(listed[0]!.mark).toBe('✓');
  expect((await loan())!.map((s) => s.mark)).toEqual(listed.map((s) => s.mark));
  t.expectNoErrors();
}, 120_000);
