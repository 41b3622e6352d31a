import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { baseURL, byRole, endWeek, keyboardActivate, SAVE_KEY, useBrowser } from './helpers';

// Autosave: a reload and "Continue" give back exactly the same game; a damaged save is explained
// and a fresh start offered, never a blank page.

const browser = useBrowser();

async function startGame(page: Page, seed: string) {
  await page.goto(baseURL());
  await byRole(page, 'textbox', 'Seed').fill(seed);
  await byRole(page, 'button', 'Start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
}

/** Makes one move through the move panel and waits for the narrator to report it. */
async function move(
  page: Page,
  type: string,
  actor: string,
  expected: string,
  terms: string[] = [],
) {
  await byRole(page, 'combobox', 'Move').selectOption({ label: type });
  await byRole(page, 'combobox', 'Actor').selectOption({ label: actor });
  for (const term of terms) await byRole(page, 'radio', term).check();
  await byRole(page, 'button', 'Confirm move').click();
  await expect.poll(() => page.locator('.narrator').textContent()).toContain(expected);
  expect(await page.locator('.refusal').textContent()).toBe('');
}

async function endWeekTo(page: Page, next: number) {
  await endWeek(page);
  await expect
    .poll(() => page.locator('#week-title').textContent())
    .toMatch(new RegExp(`^Week ${next} of 19`));
}

/** Everything on the table that the saved moves determine. */
function tableSnapshot(page: Page) {
  return page.evaluate(() => {
    const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? null;
    return {
      week: text('#week-title'),
      meters: [...document.querySelectorAll('.meters .meter')].map((m) => m.textContent?.trim()),
      money: text('.money-text'),
      moneyLines: [...document.querySelectorAll('.money .money-lines li')].map(
        (l) => l.textContent,
      ),
      routes: [...document.querySelectorAll('.route')].map((r) => r.textContent),
      actors: [...document.querySelectorAll('.actor')].map((a) => ({
        id: (a as HTMLElement).dataset.actor,
        stance: a.querySelector('.stance')?.textContent?.trim(),
        numbers: a.querySelector('.nums')?.textContent,
        chips: a.querySelector('.chips')?.textContent,
      })),
      promises: text('.promises'),
      log: text('.log summary'),
    };
  });
}

test('a reload and Continue resume the same game', async () => {
  const t = await browser.open();
  const { page } = t;
  await startGame(page, '4242');
  await move(page, 'Make an offer', 'Germany', 'You offer Germany', ['Capped']);
  await move(page, 'Sound out', 'Belgium', 'You sound out Belgium');
  await endWeekTo(page, 2);
  // One more move, so the capital left this week is not simply the full allowance.
  await move(page, 'Sound out', 'France', 'You sound out France');

  const before = await tableSnapshot(page);
  const capital = page.locator('.meter', { hasText: 'Political capital' }).locator('.meter-value');
  expect(before.week).toMatch(/^Week 2 of 19/);
  expect(await capital.textContent()).toBe('2 of 3 left this week');
  expect(before.money).toMatch(/secured, .* pledged of EUR 71\.7 bn/);
  const saved = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
  expect(JSON.parse(saved!).moves).toHaveLength(4);

  await page.reload();
  const savedGame = page.locator('section.saved');
  await savedGame.waitFor();
  expect(await savedGame.textContent()).toMatch(/week 2 of 19, standard difficulty, seed 4242/);

  // Continue, with the keyboard.
  await keyboardActivate(page, 'button', 'Continue');
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 2 of 19/);

  expect(await capital.textContent()).toBe('2 of 3 left this week');
  expect(await tableSnapshot(page)).toEqual(before);
  // The resumed game plays on.
  await endWeekTo(page, 3);
  t.expectNoErrors();
});

const DAMAGED: { name: string; save: string; message: RegExp }[] = [
  { name: 'garbage', save: '}{ not a save', message: /damaged \(it is not valid save data\)/ },
  { name: 'wrong shape', save: '[1, 2, 3]', message: /damaged \(wrong format\)/ },
  {
    name: 'another save format',
    save: JSON.stringify({ version: 99, scenarioId: 'december-summit', seed: 1, moves: [] }),
    message: /different version of the game/,
  },
  {
    name: 'a move the rules refuse',
    save: JSON.stringify({
      version: 1,
      scenarioId: 'december-summit',
      seed: 7,
      difficulty: 'standard',
      moves: [{ type: 'actor.sound', actor: 'no-such-actor' }],
    }),
    message: /(no longer replays|could not be replayed)/,
  },
];

test.each(DAMAGED)('a damaged save ($name) is explained and a fresh start offered', async (c) => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [SAVE_KEY, c.save]);
  await page.reload();

  const problem = page.locator('section.saved.problem');
  await problem.waitFor();
  expect(await byRole(page, 'heading', 'Your saved game cannot be used').isVisible()).toBe(true);
  expect(await problem.getByRole('alert').textContent()).toMatch(c.message);
  expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);

  // The damaged save can be deleted...
  await byRole(page, 'button', 'Delete the saved game').click();
  await expect
    .poll(() => problem.getByRole('status').textContent())
    .toBe('The damaged save was deleted.');
  expect(await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)).toBeNull();

  // ...and a fresh game starts and is saved.
  await byRole(page, 'button', 'Start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  const fresh = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
  expect(JSON.parse(fresh!)).toMatchObject({ version: 1, moves: [] });
  t.expectNoErrors();
});

test('a damaged save does not block starting a new game directly', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await page.evaluate((key) => localStorage.setItem(key, '\u0000garbage'), SAVE_KEY);
  await page.reload();
  await page.locator('section.saved.problem').waitFor();
  await byRole(page, 'button', 'Start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  t.expectNoErrors();
});
