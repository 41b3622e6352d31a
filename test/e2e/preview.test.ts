import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { stateHash, type Move } from '../../src/engine';
import { byRole, continueGame, SAVE_KEY, screenshot, useBrowser } from './helpers';

// "If you confirm": a week where the preview shows a broken promise and then a unity cost. In
// week 1 the player promised Germany and France uncapped guarantees; in week 2 tabling the loan
// with capped guarantees breaks the promise to Germany, and outvoting Belgium by qualified
// majority costs EU unity. Each move is confirmed, and the game is what the preview said.

const browser = useBrowser();
const SEED = 1;
const WEEK_1: Move[] = [
  { type: 'offer.make', actor: 'us', terms: { reconstructionRole: true } },
  { type: 'offer.make', actor: 'germany', terms: { guarantee: 'uncapped', buyEuropean: true } },
  {
    type: 'offer.make',
    actor: 'france',
    terms: { guarantee: 'uncapped', excludeFrenchBanks: true, buyEuropean: true },
  },
  { type: 'week.end' },
];
const TABLE: Move = {
  type: 'route.table',
  route: 'reparations',
  terms: { size: 90, guarantee: 'capped' },
};
const VOTE: Move = { type: 'vote.call', route: 'reparations', mode: 'qmv' };

test('the preview shows a broken promise and a unity cost, and the game is as previewed', async () => {
  const game = gameFor('december-summit')!;
  const week2 = game.replay(SEED, 'standard', WEEK_1);
  if (!week2.ok) throw new Error('week 1 does not replay');
  const afterTable = game.play(week2.state, TABLE);
  if (!afterTable.ok) throw new Error(afterTable.reason);
  const afterVote = game.play(afterTable.state, VOTE);
  if (!afterVote.ok) throw new Error(afterVote.reason);

  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await continueGame(page, SEED, WEEK_1);
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 2 of 19/);
  const consequences = page.locator('.move-form .consequences');

  // Tabling the loan with capped guarantees: the preview says whom it breaks a promise to.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Table a route' });
  await byRole(page, 'combobox', 'Route').selectOption({ label: 'Reparations Loan' });
  await expect.poll(() => consequences.innerText()).toMatch(/You broke a promise to Germany/);
  expect(await consequences.innerText()).toMatch(/Your credibility: .*Germany −20/);
  await screenshot(page, 'preview-promise');
  await byRole(page, 'button', 'Confirm move').click();
  expect(await page.locator('.refusal').textContent()).toBe('');

  // Calling the vote by qualified majority: who votes how, and what it costs in unity.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Call a vote' });
  await byRole(page, 'combobox', 'Route').selectOption({ label: 'Reparations Loan' });
  await byRole(page, 'combobox', 'Voting rule').selectOption({ label: 'Qualified majority' });
  const unity = `EU unity: ${afterTable.state.unity} → ${afterVote.state.unity}.`;
  await expect.poll(() => consequences.innerText()).toContain(unity);
  expect(await consequences.innerText()).toMatch(/\d+ for; against \(\d+\): Belgium, Hungary/);
  await screenshot(page, 'preview-vote');
  await byRole(page, 'button', 'Confirm move').click();
  expect(await page.locator('.refusal').textContent()).toBe('');

  // The game is exactly the one previewed: its saved moves replay to the previewed state.
  await expect
    .poll(() => page.locator('.status .meter').filter({ hasText: 'EU unity' }).innerText())
    .toContain(`${afterVote.state.unity} / 100`);
  const saved = JSON.parse(
    (await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)) ?? 'null',
  ) as { moves: Move[] };
  expect(saved.moves).toEqual([...WEEK_1, TABLE, VOTE]);
  const replayed = game.replay(SEED, 'standard', saved.moves);
  expect(replayed.ok && stateHash(replayed.state)).toBe(stateHash(afterVote.state));
  t.expectNoErrors();
}, 120_000);
