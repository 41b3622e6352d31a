import { expect, test } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, money } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';
import { baseURL, byRole, endWeeksUntilOver, SAVE_KEY, screenshot, useBrowser } from './helpers';

// Every scenario in the browser: opened from its game link, played to its debrief (the Phaser
// debrief scene and the page's ending with the scenario's own history and sources), and a won
// game of its competent strategy shown as won. Screenshots: scenario-<id>-table / -debrief /
// -won in test-results/screenshots.

const browser = useBrowser();
const IDS = ['december-summit', 'washington-talks', 'london-talks'];

test.each(IDS)('%s plays from its link to its debrief', async (id) => {
  const scenario = getScenario(id)!;
  const t = await browser.open();
  const { page } = t;
  await page.goto(`${baseURL()}#play?scenario=${id}&seed=404&difficulty=standard`);
  await byRole(page, 'button', 'Start this game').click();

  const week = page.locator('#week-title');
  await expect.poll(() => week.innerText()).toMatch(`Week 1 of ${scenario.weeks}`);
  await page.waitForSelector('.phaser-table[data-scene="table"]');
  // The page names this scenario's actors, and its calendar strip has one cell a week.
  const first = scenario.actors[0]!;
  await byRole(page, 'button', `Why? (${first.name})`).waitFor();
  expect(await page.locator('ol.calendar > li').count()).toBe(scenario.weeks);
  await screenshot(page, `scenario-${id}-table`);

  // The game ends within its weeks (plus bridge weeks).
  await endWeeksUntilOver(page, scenario.weeks + 10);
  await page.waitForSelector('.phaser-table[data-scene="debrief"]');
  const real = page.locator('section', { has: byRole(page, 'heading', 'What actually happened') });
  expect(await real.innerText()).toContain(scenario.history.items[0]!.text.slice(0, 40));
  expect(await real.getByRole('link').count()).toBeGreaterThan(0);
  await screenshot(page, `scenario-${id}-debrief`, { fullPage: true });
  t.expectNoErrors();
  await t.close();
});

test.each(IDS)('%s: a game its competent strategy won ends as won', async (id) => {
  const scenario = getScenario(id)!;
  const game = createGame(scenario, actorRuntime);
  const policy = policyByName('scripted', id)!;
  // The first seed it wins; a strategy that wins none of 100 fails here instead of looping.
  let seed = 1;
  let record = playGame(game, seed, 'standard', policy);
  while (record.state.ending?.outcome !== 'win' && seed < 100)
    record = playGame(game, ++seed, 'standard', policy);
  expect(record.state.ending?.outcome, `no win in seeds 1..${seed}`).toBe('win');

  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  const save = { version: 1, scenarioId: id, seed, difficulty: 'standard', moves: record.moves };
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [SAVE_KEY, JSON.stringify(save)],
  );
  await page.reload();
  await byRole(page, 'button', 'See its ending again').click();
  await page.waitForSelector('.phaser-table[data-scene="debrief"]');
  const verdict = await page.locator('.verdict').innerText();
  expect(verdict).toContain('Ukraine is funded');
  const secured = (money(scenario, record.state).secured / 1000).toFixed(1);
  expect(await page.locator('main').innerText()).toContain(`EUR ${secured} bn`);
  await screenshot(page, `scenario-${id}-won`);
  t.expectNoErrors();
  await t.close();
});
