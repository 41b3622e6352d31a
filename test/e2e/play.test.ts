import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import {
  baseURL,
  byRole,
  chooseWithArrows,
  keyboardActivate,
  screenshot,
  tabTo,
  useBrowser,
  weekMoved,
} from './helpers';

// A whole game played with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows): no clicks.

const browser = useBrowser();

const SEED = '2025';

const focused = (page: Page, selector: string) =>
  page.evaluate((sel) => document.activeElement === document.querySelector(sel), selector);

/** Picks a value in the move panel's <select> called `label`, reached with (Shift+)Tab. */
async function choose(page: Page, label: string, option: string, backwards = false) {
  const select = byRole(page, 'combobox', label);
  await tabTo(page, select, { backwards });
  await chooseWithArrows(page, select, option);
}

/** Tabs to "Confirm move", presses Enter and waits for the narrator to report `expected`. */
async function confirmMove(page: Page, expected: string) {
  await tabTo(page, byRole(page, 'button', 'Confirm move'));
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.narrator').innerText()).toContain(expected);
  // The alert region for refusals stays empty: the engine accepted the move.
  expect(await page.locator('.refusal').innerText()).toBe('');
}

test('a standard game, start to ending, with the keyboard only', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());

  // ---- the title screen
  await byRole(page, 'heading', 'New game').waitFor();
  await expect.poll(() => page.title()).toBe('Frozen Assets: a classroom diplomacy game');
  await screenshot(page, 'title');

  await choose(page, 'Difficulty', 'Standard');
  const seed = byRole(page, 'textbox', 'Seed');
  await tabTo(page, seed);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(SEED);
  expect(await seed.inputValue()).toBe(SEED);
  await keyboardActivate(page, 'button', 'Start');

  // ---- the table: focus moves to the week heading, the narrator sets the scene
  const week = page.locator('#week-title');
  await expect.poll(() => week.innerText()).toMatch(/^Week 1 of 19/);
  expect(await focused(page, '#week-title')).toBe(true);
  await expect.poll(() => page.locator('.narrator').innerText()).toMatch(/Week 1 of 19/);
  const capital = page.locator('.meter', { hasText: 'Political capital' }).locator('.meter-value');
  expect(await capital.innerText()).toBe('3 of 3 left this week');

  // Move 1: offer Germany capped guarantees.
  await choose(page, 'Move', 'Make an offer');
  await choose(page, 'Actor', 'Germany');
  // The radio group: Tab lands on the checked radio ("None"), an arrow moves to "Capped".
  await tabTo(page, byRole(page, 'radio', 'None'));
  await page.keyboard.press('ArrowDown');
  expect(await byRole(page, 'radio', 'Capped').isChecked()).toBe(true);
  await confirmMove(page, 'You offer Germany');
  expect(await capital.innerText()).toBe('2 of 3 left this week');

  // Move 2: sound out Belgium (back up the form with Shift+Tab).
  await choose(page, 'Move', 'Sound out', true);
  await choose(page, 'Actor', 'Belgium');
  await confirmMove(page, 'You sound out Belgium');
  expect(await capital.innerText()).toBe('1 of 3 left this week');

  // Belgium's "Why?" panel opens with Space and now says what it told you.
  await keyboardActivate(page, 'button', 'Why? (Belgium)', 'Space');
  const why = byRole(page, 'button', 'Why? (Belgium)');
  expect(await why.getAttribute('aria-expanded')).toBe('true');
  const panel = page.locator('#why-belgium');
  expect(await panel.isVisible()).toBe(true);
  expect(await panel.innerText()).toMatch(/What it told you \(week 1\)/);
  await screenshot(page, 'table');

  // ---- end weeks until the game is over
  const endWeek = page.locator('button.end-week');
  await tabTo(page, endWeek, { backwards: true });
  let weeksEnded = 0;
  while ((await page.locator('#ending-title').count()) === 0) {
    expect(weeksEnded, 'the game should end within its 19 weeks (plus bridge weeks)').toBeLessThan(
      30,
    );
    const before = await week.textContent();
    expect(await endWeek.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    if (weeksEnded === 0) {
      // A point is left: the page asks once; "don't ask again" holds for the rest of the game.
      const dialog = byRole(page, 'dialog', 'End the week with points left?');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('You still have 1 point of political capital');
      await tabTo(page, byRole(page, 'checkbox', 'Don’t ask again in this game'));
      await page.keyboard.press('Space');
      await tabTo(page, dialog.getByRole('button', { name: 'End the week', exact: true }));
      await page.keyboard.press('Enter');
    }
    weeksEnded++;
    await weekMoved(page, before);
    if ((await page.locator('#ending-title').count()) === 0) {
      expect(await week.textContent()).not.toBe(before);
      await expect.poll(() => page.locator('.narrator').innerText()).toMatch(/^Week \d+ begins/);
      // The focus goes to the new week's summary; the next Tab reaches "End the week" again.
      await expect.poll(() => focused(page, '.latest')).toBe(true);
      await page.keyboard.press('Tab');
    }
  }
  expect(weeksEnded).toBeGreaterThan(0);

  // ---- the ending: focus on its heading, a grade, and what really happened, with sources
  expect(await focused(page, '#ending-title')).toBe(true);
  expect(await page.locator('.kicker').textContent()).toMatch(/^Game over in week \d+$/);
  expect(await page.locator('.verdict .grade').innerText()).toMatch(/Grade [A-F], score -?\d+/);
  // One line says what the grade compares.
  expect(await page.locator('.verdict .grade-note').innerText()).toMatch(
    /^Your grade mostly measures the money that reached Ukraine in time/,
  );
  const real = page.locator('section', { has: byRole(page, 'heading', 'What actually happened') });
  expect(await real.isVisible()).toBe(true);
  const links = real.locator('.sources a[href^="https://"]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
  }
  // The ending is reachable by keyboard too: the "New game" button is in the tab order.
  await tabTo(page, byRole(page, 'button', 'New game'));
  await screenshot(page, 'ending', { fullPage: true });

  t.expectNoErrors();
});
