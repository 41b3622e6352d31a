import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import {
  baseURL,
  byRole,
  endWeeksUntilOver,
  expectNoSeriousViolations,
  launch,
  newPage,
  type TestPage,
} from './helpers';

// axe-core on every screen of one game: the title, the table, an open "Why?" panel, the ending,
// then the replay of that game, an invitation from a class link and the teacher's page.
// Serious and critical violations fail the test (and are printed with their rule and target).
// The tests run in order on one page: each screen follows from the one before.

let browser: Browser;
let t: TestPage;
let page: Page;
/** the replay link of the game played below, reused by the later screens */
let replayLink = '';

beforeAll(async () => {
  browser = await launch();
  t = await newPage(browser);
  page = t.page;
});
afterAll(async () => {
  await t?.close();
  await browser?.close();
});

test('the title screen', async () => {
  await page.goto(baseURL());
  await byRole(page, 'button', 'Start').waitFor();
  await expectNoSeriousViolations(page, 'the title screen');
  t.expectNoErrors();
});

test('the table', async () => {
  await byRole(page, 'textbox', 'Seed').fill('31');
  await byRole(page, 'button', 'Start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  // A move, so the promises panel, chips and narrator have content too.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Make an offer' });
  await byRole(page, 'combobox', 'Actor').selectOption({ label: 'Germany' });
  await byRole(page, 'radio', 'Capped').check();
  await byRole(page, 'button', 'Confirm move').click();
  await expect.poll(() => page.locator('.narrator').textContent()).toContain('You offer Germany');
  await expectNoSeriousViolations(page, 'the table');
  t.expectNoErrors();
});

test('an open "Why?" panel', async () => {
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Sound out' });
  await byRole(page, 'combobox', 'Actor').selectOption({ label: 'Belgium' });
  await byRole(page, 'button', 'Confirm move').click();
  await expect
    .poll(() => page.locator('.narrator').textContent())
    .toContain('You sound out Belgium');
  const why = byRole(page, 'button', 'Why? (Belgium)');
  await why.click();
  expect(await why.getAttribute('aria-expanded')).toBe('true');
  expect(await page.locator('#why-belgium').isVisible()).toBe(true);
  // The open full log is part of the table too.
  await page.locator('.log summary').click();
  await page.locator('.log-list').first().waitFor();
  await expectNoSeriousViolations(page, 'the table with an open "Why?" panel');
  t.expectNoErrors();
});

test('the question before a week ends with points left', async () => {
  await page.locator('button.end-week').click();
  await byRole(page, 'dialog', 'End the week with points left?').waitFor();
  await expectNoSeriousViolations(page, 'the question before ending the week');
  await byRole(page, 'button', 'Keep playing this week').click();
  expect(await page.locator('dialog[open]').count()).toBe(0);
});

test('the ending', async () => {
  await endWeeksUntilOver(page);
  // Open the disclosure widgets so their content is checked too.
  for (const summary of await page.locator('.ending details > summary').all())
    await summary.click();
  // The full log renders on its toggle event: wait for it, or axe may run before it exists.
  await page.locator('.ending .log-list').first().waitFor();
  await expectNoSeriousViolations(page, 'the ending');
  t.expectNoErrors();
});

test('the replay of that game', async () => {
  await byRole(page, 'textbox', /Your name/).fill('Ana');
  replayLink = await byRole(page, 'textbox', 'Replay link').inputValue();
  await page.goto(replayLink);
  await byRole(page, 'heading', 'Replay: Ana’s game').waitFor();
  await byRole(page, 'button', 'Next week →').click();
  await expectNoSeriousViolations(page, 'the replay');
  t.expectNoErrors();
});

test('the real path as a replay, and the comparison of a what-if', async () => {
  await page.goto(`${baseURL()}#history?scenario=december-summit&seed=8&difficulty=standard`);
  await byRole(page, 'heading', 'What really happened: The December Summit').waitFor();
  await byRole(page, 'button', 'Next week →').click();
  await expectNoSeriousViolations(page, 'the real path');
  await byRole(page, 'button', 'What if? Play on from week 2').click();
  await endWeeksUntilOver(page);
  await page.locator('section.compare').waitFor();
  for (const summary of await page.locator('section.compare details > summary').all())
    await summary.click();
  await expectNoSeriousViolations(page, 'the comparison of two timelines');
  t.expectNoErrors();
});

test('an invitation from a class link', async () => {
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=8&difficulty=hard&class=7B`);
  await byRole(page, 'heading', 'You were sent a game').waitFor();
  await expectNoSeriousViolations(page, 'the invitation');
  t.expectNoErrors();
});

test("the teacher's page with a class's results", async () => {
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('31');
  await byRole(page, 'textbox', 'Paste result codes').fill(`${replayLink}\nnot a code`);
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/1 verified/);
  await expectNoSeriousViolations(page, "the teacher's page with results");
  t.expectNoErrors();
});
