import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { OUTCOME_TEXT } from '../../src/classroom/classview';
import { encodeResult, verifyResult } from '../../src/share';
import { playGame } from '../../src/sim/run';
import {
  baseURL,
  byRole,
  endWeeksUntilOver,
  expectNoSeriousViolations,
  screenshot,
  tabTo,
  useBrowser,
} from './helpers';

// A tuned class game, from the teacher's page to a verified result: the teacher gives the class
// fewer weeks and less money to find, checks the version's win rates, and shares the link; a
// student opens it, sees the change, plays to the end and hands in the code; the teacher's page
// verifies it as this class's game. A code of the scenario as designed is flagged.

const browser = useBrowser();

const SEED = 2468;
const LABEL = 'Civics 10A';

test('a tuned class game: tune, check win rates, share, play, verify', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill(String(SEED));
  await byRole(page, 'textbox', 'Class label').fill(LABEL);

  // ---- tune: fewer weeks and a lower target
  const tune = page.locator('details.tune');
  expect(await tune.getAttribute('open')).toBeNull();
  await page.locator('details.tune > summary').click();
  const weeks = byRole(page, 'spinbutton', 'Weeks until the deadline');
  const target = byRole(page, 'spinbutton', 'Money to find');
  expect(await weeks.inputValue()).toBe('19');
  expect(await weeks.getAttribute('min')).toBe('11');
  await weeks.fill('12');
  await target.fill('50');
  expect(await target.getAttribute('step')).toBe('0.1');
  const linkBox = byRole(page, 'textbox', 'The class link');
  await expect.poll(() => linkBox.inputValue()).toContain('weeks=12');
  expect(await linkBox.inputValue()).toContain('target=500');
  expect(
    await page.locator('summary').filter({ hasText: 'Tune the scenario' }).innerText(),
  ).toMatch(/2 values changed/);
  // The designed value beside the field, and the help line as its description.
  expect(await tune.innerText()).toContain('Designed: 19 weeks (deadline 1 Apr 2026).');
  const described = await weeks.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
  expect(described).toContain('12 weeks (deadline 11 Feb 2026)');
  expect(described).toContain('Fewer weeks leave less time');

  // The briefing sheet lists what the teacher changed.
  const sheet = await page.locator('.print-sheet').innerText();
  expect(sheet).toContain('Your teacher changed this scenario');
  expect(sheet).toContain('Weeks until the deadline: 12 weeks (deadline 11 Feb 2026)');
  expect(sheet).toContain('Money to find: EUR 50.0 bn');
  expect(sheet).toContain('Play all 12 weeks');

  // A value out of range gets a message beside the field and is not used.
  await weeks.fill('3');
  const error = page.locator('.tune-field .error').filter({ hasText: /whole number from 11/ });
  await error.waitFor();
  expect(await weeks.getAttribute('aria-invalid')).toBe('true');
  expect(await linkBox.inputValue()).toContain('weeks=12');
  await weeks.fill('12');
  await error.waitFor({ state: 'detached' }).catch(() => undefined);
  expect(await page.locator('.tune-field .error:not(:empty)').count()).toBe(0);

  // ---- win rates, started from the keyboard
  await tabTo(page, byRole(page, 'button', 'Check win rates'));
  await page.keyboard.press('Enter');
  const status = page.locator('.winrate-status');
  await expect.poll(() => status.innerText(), { timeout: 100_000 }).toMatch(/^Done in/);
  const table = page.locator('table.winrates');
  expect(await table.getAttribute('class')).toBe('winrates');
  const head = await table.locator('thead').innerText();
  for (const text of ['Competent player', 'Random clicks', 'This version', 'As designed'])
    expect(head).toContain(text);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBe(3);
  expect(await rows.locator('th').allInnerTexts()).toEqual([
    'Story',
    'Standard (your class)',
    'Hard',
  ]);
  for (const cell of await rows.locator('td').allInnerTexts()) expect(cell).toMatch(/^\d+%$/);
  await page.locator('.winrate-box').scrollIntoViewIfNeeded();
  await screenshot(page, 'teacher-winrates');
  await expectNoSeriousViolations(page, 'the teacher’s page with the tuning part open');

  // Changing a value marks the figures out of date; going back shows them again.
  const events = byRole(page, 'spinbutton', 'How often surprises strike');
  await events.fill('50');
  await expect.poll(() => table.getAttribute('class')).toBe('winrates stale');
  expect(await page.locator('.stale-note').innerText()).toMatch(/Out of date/);
  await events.fill('100');
  await expect.poll(() => table.getAttribute('class')).toBe('winrates');

  const link = await linkBox.inputValue();
  expect(link).toMatch(/target=500&weeks=12$/);

  // ---- a student plays the class link
  const student = await browser.open();
  const s = student.page;
  await s.goto(link);
  const invite = await s.locator('.invite').innerText();
  expect(invite).toContain('Your teacher changed this scenario:');
  expect(invite).toContain('Weeks until the deadline: 12 weeks (deadline 11 Feb 2026)');
  expect(invite).toContain('Money to find: EUR 50.0 bn (designed: EUR 71.7 bn)');
  await byRole(s, 'button', 'Start this game').click();
  await expect.poll(() => s.locator('#week-title').textContent()).toMatch(/^Week 1 of 12/);
  await endWeeksUntilOver(s);
  await byRole(s, 'textbox', /Your name/).fill('Tia');
  const tunedCode = await byRole(s, 'textbox', 'Result code').inputValue();
  student.expectNoErrors();
  await student.close();

  const verified = verifyResult(tunedCode);
  if (!verified.valid) throw new Error(verified.reason);
  expect(verified.variant).toEqual({ target: 500, weeks: 12 });
  expect(verified.week).toBeLessThanOrEqual(12);

  // A game of the scenario as designed, same seed and class: another version.
  const game = gameFor('december-summit')!;
  const rec = playGame(game, SEED, 'standard', () => ({ type: 'week.end' }));
  const designedCode = encodeResult({
    scenarioId: 'december-summit',
    seed: SEED,
    difficulty: 'standard',
    options: { hints: false, classLabel: LABEL },
    name: 'Dana',
    moves: rec.moves,
    state: rec.state,
  });

  // ---- the teacher checks both codes (after a reload: the tuned class game is remembered)
  await page.reload();
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  expect(await page.locator('details.tune').getAttribute('open')).toBe('');
  expect(await linkBox.inputValue()).toBe(link);
  await byRole(page, 'textbox', 'Paste result codes').fill(`${tunedCode}\n${designedCode}`);
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/Verified 2 codes/);

  const version = await page.locator('.class-version').first().innerText();
  expect(version).toContain('tuned version');
  const results = page.locator('table.results tbody tr');
  const tia = await results.filter({ hasText: 'Tia' }).innerText();
  expect(tia).toContain(OUTCOME_TEXT[verified.outcome]);
  expect(tia).toContain('This class game');
  expect(tia).not.toContain('another version');
  const dana = results.filter({ hasText: 'Dana' });
  expect(await dana.getAttribute('class')).toBe('flagged');
  expect(await dana.innerText()).toContain(
    "another version of the scenario (as designed, not the class's tuned version)",
  );
  await page.locator('.class-results').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'teacher-variant-results');

  // Another scenario starts from its own designed values, and so does coming back.
  const scenario = byRole(page, 'combobox', 'Scenario');
  await scenario.selectOption({ index: 1 });
  await expect.poll(() => linkBox.inputValue()).not.toContain('weeks=');
  expect(await page.locator('details.tune > summary').innerText()).toContain('as designed');
  await scenario.selectOption('december-summit');
  expect(await weeks.inputValue()).toBe('19');
  expect(await linkBox.inputValue()).not.toMatch(/target=|weeks=/);
  t.expectNoErrors();
});
