import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { stateHash, type Move } from '../../src/engine';
import { byRole, continueGame, SAVE_KEY, screenshot, useBrowser } from './helpers';

// A counter-offer, taken in one move (issue 18). In week 1 of seed 1 France turns down uncapped
// guarantees and offers back capped ones, keeping its banks' holdings out and buying European.
// Its reply starts from the willingness on its card; the button under the reply says what taking
// the counter-offer does, and one click makes the commitment, which France's card then shows.

const browser = useBrowser();
const SEED = 1;
const OFFER: Move = { type: 'offer.make', actor: 'france', terms: { guarantee: 'uncapped' } };
const TAKE: Move = { type: 'counter.accept', actor: 'france' };
const COUNTER = 'capped guarantees, French banks\' holdings left out, a "buy European" clause';

test('a countered offer is accepted in one move, and the commitment is on the card', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 900 });
  await continueGame(page, SEED, []);
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);

  // The offer: uncapped guarantees to France.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Make an offer' });
  await byRole(page, 'combobox', 'Actor').selectOption({ label: 'France' });
  await page.getByRole('radio', { name: 'Uncapped' }).check();
  await byRole(page, 'button', 'Confirm move').click();

  // Its reply starts from the number on its card.
  const france = page.locator('article.actor[data-actor="france"]');
  const willingness = (await france.locator('.nums dd').first().textContent())!.trim();
  const narrator = page.locator('.latest .narrator');
  await expect
    .poll(() => narrator.innerText())
    .toContain(`France makes a counter-offer: ${COUNTER}.`);
  expect(await narrator.innerText()).toContain(`Its willingness is ${willingness}, as on its card`);
  await expect.poll(() => france.locator('.chip.counter').innerText()).toContain(COUNTER);

  // The button under the reply, with what taking it does.
  const take = byRole(page, 'button', `Accept France's counter-offer: ${COUNTER}`);
  await take.waitFor();
  const answer = page.locator('.latest .answer');
  expect(await answer.innerText()).toMatch(/If you accept it:\s+Costs 1 of your 2 points\./);
  expect(await answer.innerText()).toContain('France accepts.');
  await screenshot(page, 'counter-offer');
  await take.click();

  // One move: France is committed on the counter-offer's terms, as its card says.
  await expect
    .poll(() => france.locator('.chip.commitment').innerText())
    .toBe(`committed: ${COUNTER}`);
  expect(await france.locator('.chip.counter').count()).toBe(0);
  expect(await narrator.innerText()).toContain(`You accept France's counter-offer: ${COUNTER}.`);
  expect(await page.locator('.refusal').textContent()).toBe('');
  await screenshot(page, 'counter-accepted');

  // The game is exactly those two moves.
  const saved = JSON.parse(
    (await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY)) ?? 'null',
  ) as { moves: Move[] };
  expect(saved.moves).toEqual([OFFER, TAKE]);
  const game = gameFor('december-summit')!;
  const replayed = game.replay(SEED, 'standard', saved.moves);
  expect(replayed.ok && replayed.state.commitments.map((c) => c.actor)).toEqual(['france']);
  const direct = game.replay(SEED, 'standard', [OFFER, TAKE]);
  expect(replayed.ok && direct.ok && stateHash(replayed.state)).toBe(
    direct.ok && stateHash(direct.state),
  );
  t.expectNoErrors();
}, 120_000);
