import { expect, test } from 'vitest';

import { answer, coachWords } from '../../src/app/coach';
import { gameFor } from '../../src/app/store';
import { newCoachMemory } from '../../src/sim/coach';
import { baseURL, byRole, SAVE_KEY, screenshot, useBrowser } from './helpers';

// The coach (a game link's option): asked in week 1, it suggests a move with why and how its
// plan fared in trial games, the same move Node's coach suggests at that position (its dice come
// from the state); "Set up this move" puts it in the form with its preview, and Confirm plays it;
// "Something else" gives another suggestion; "What is my best route now?" names a route.

const browser = useBrowser();
const SEED = 4242;

test('the coach suggests, explains, sets up the move, takes no for an answer and names a route', async () => {
  const game = gameFor('december-summit')!;
  const start = game.start(SEED, 'standard');
  const node = answer(
    { scenarioId: 'december-summit', state: start, memory: newCoachMemory() },
    game,
  );
  if (!node.ok) throw new Error('no advice in Node');
  const expected = coachWords(game, start, node.advice);

  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(
    `${baseURL()}#play?scenario=december-summit&seed=${SEED}&difficulty=standard&hints=on`,
  );
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);

  await byRole(page, 'button', 'Ask the coach').click();
  const what = page.locator('.coach-what');
  await what.waitFor();
  expect(await what.innerText()).toBe(`Suggestion: ${expected.what}`);
  expect(await page.locator('.coach-why').innerText()).toBe(expected.why);
  expect(await page.locator('.coach-odds').innerText()).toMatch(
    /^From the start of this week, this plan played to the end without a change of course won \d+ of \d+ trial games; asking again each week does better\.$/,
  );
  // It thought in its worker, off the page's main thread.
  expect(page.workers().some((w) => /coach\.worker/.test(w.url()))).toBe(true);
  await screenshot(page, 'coach-week-1');

  // Set up: the form holds the move, its preview shows, and Confirm plays exactly it.
  await byRole(page, 'button', 'Set up this move').click();
  await expect.poll(() => page.locator('.consequences').innerText()).toContain('If you confirm:');
  await byRole(page, 'button', 'Confirm move').click();
  const saved = () =>
    page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { moves?: unknown[] },
      SAVE_KEY,
    );
  await expect.poll(async () => (await saved()).moves).toEqual([node.advice.move]);

  // Asked again at the new position: a suggestion; turned down, another one.
  await byRole(page, 'button', 'Ask the coach').click();
  await what.waitFor();
  const first = await what.innerText();
  await byRole(page, 'button', 'Something else').click();
  await expect.poll(() => what.innerText()).not.toBe(first);
  expect(await what.innerText()).toMatch(/^Suggestion: /);

  await byRole(page, 'button', 'What is my best route now?').click();
  const route = page.locator('.coach-route');
  await expect.poll(() => route.innerText()).toMatch(/^(Your best route now: |No way of playing)/);
  const names = game.scenario.routes.map((r) => r.name);
  const said = await route.innerText();
  if (said.startsWith('Your best route now: '))
    expect(names.some((n) => said.startsWith(`Your best route now: ${n}.`))).toBe(true);
  await screenshot(page, 'coach-route');
  t.expectNoErrors();
});
