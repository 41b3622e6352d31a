import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { encodeResult } from '../../src/share';
import { baseURL, byRole, endWeeksUntilOver, screenshot, useBrowser } from './helpers';

// A class period in the browser: the teacher sets up a class game, three students play it from
// the class link to a result code, and the teacher checks their codes (plus one forged and one
// garbled) by replaying them, sees the class and downloads the CSV.

const browser = useBrowser();

/** A student opens the class link, plays (one first move, then the weeks), and copies the code. */
async function studentPlays(
  page: Page,
  link: string,
  name: string,
  firstMove: (page: Page) => Promise<void>,
) {
  await page.goto(link);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  await firstMove(page);
  await endWeeksUntilOver(page);
  await byRole(page, 'textbox', /Your name/).fill(name);
  return byRole(page, 'textbox', 'Result code').inputValue();
}

async function confirm(page: Page, move: string, actor: string) {
  await byRole(page, 'combobox', 'Move').selectOption({ label: move });
  await byRole(page, 'combobox', 'Actor').selectOption({ label: actor });
  await byRole(page, 'button', 'Confirm move').click();
  expect(await page.locator('.refusal').textContent()).toBe('');
}

test('a teacher runs a class: link, three students, codes checked, charts and CSV', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('3434');
  await byRole(page, 'textbox', 'Class label').fill('History 9C');
  await expect
    .poll(() => byRole(page, 'textbox', 'The class link').inputValue())
    .toContain('seed=3434');
  const link = await byRole(page, 'textbox', 'The class link').inputValue();
  expect(link).toContain('class=History+9C');
  // The QR code: beside the link, and on the printable briefing.
  expect(await page.getByRole('img', { name: 'QR code of the class link' }).count()).toBe(2);
  await screenshot(page, 'teacher-setup');

  // Three students, each in their own browser context (their own storage).
  const codes: string[] = [];
  const plays: [string, (p: Page) => Promise<void>][] = [
    ['Ana', async () => {}],
    ['Ben', (p) => confirm(p, 'Sound out', 'Belgium')],
    ['Zoë', (p) => confirm(p, 'Public pressure', 'Hungary')],
  ];
  for (const [name, first] of plays) {
    const student = await browser.open();
    codes.push(await studentPlays(student.page, link, name, first));
    student.expectNoErrors();
    await student.close();
  }

  // A forged code: a real game's moves with the final hash of another game. A garbled one: a
  // student's code with one character changed.
  const game = gameFor('december-summit')!;
  const moves = [{ type: 'week.end' as const }];
  const forged = encodeResult({
    scenarioId: 'december-summit',
    seed: 3434,
    difficulty: 'standard',
    options: { hints: false, classLabel: 'History 9C' },
    name: 'Mallory',
    moves,
    state: game.replay(99, 'standard', moves).state,
  });
  const c = codes[1]!;
  const garbled = c.slice(0, 12) + (c[12] === 'Q' ? 'R' : 'Q') + c.slice(13);

  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'textbox', 'Paste result codes').fill(
    [codes[0], forged, codes[1], garbled, codes[2]].join('\n'),
  );
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/3 verified/);

  const rows = page.locator('table.results tbody tr');
  expect(await rows.count()).toBe(3);
  const table = await page.locator('table.results').innerText();
  for (const name of ['Ana', 'Ben', 'Zoë']) expect(table).toContain(name);
  expect(table).not.toContain('another game');

  const invalid = await page.locator('table.invalid').innerText();
  expect(await page.locator('table.invalid tbody tr').count()).toBe(2);
  expect(invalid).toMatch(/do not lead to the result it claims/);
  expect(invalid).toMatch(/damaged/);

  // Charts (each an SVG image with its numbers also as a table) and the debrief questions.
  expect(await page.locator('.class-results svg[role=img]').count()).toBeGreaterThanOrEqual(3);
  expect(await page.locator('.questions li').count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'teacher-class', { fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byRole(page, 'button', 'Download CSV').click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(1 + 5);
  expect(csv).toContain('Zoë');
  expect(csv).toMatch(/do not lead to the result it claims/);
  t.expectNoErrors();
});
